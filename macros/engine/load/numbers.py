"""Numbers must be written in plain decimal: YAML 1.1 reads other forms as something else.

PyYAML follows YAML 1.1, where `0431` is octal (281), `1:30` is base 60 (90), `3:1` is 181,
`010` is 8, `0x1F` is 31, `1_000` is 1000 and `.5`, `1.` or `.inf` are floats. Each of them
would publish a number nobody wrote, so any unquoted scalar that YAML reads as a number must
look like `431`, `-2.34` or `0.5`; anything else is an error that shows what was written.
"""

from __future__ import annotations

import re

import yaml

from ..errors import BriefingError

PLAIN_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def yaml_reading(node: yaml.ScalarNode) -> str:
    """What YAML 1.1 makes of the scalar, for the message ('281', 'infinity')."""
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        return "something else"
    if isinstance(value, float) and value != value:
        return "'not a number'"
    if value in (float("inf"), float("-inf")):
        return "infinity" if value > 0 else "minus infinity"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def plain_form(written: str) -> str | None:
    """The plain decimal the writer most likely meant ('0431' -> '431'), or None."""
    text = written.replace("_", "")
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("+-")
    if not re.fullmatch(r"[0-9]*\.?[0-9]*", text) or not any(c.isdigit() for c in text):
        return None
    whole, _, fraction = text.partition(".")
    whole = whole.lstrip("0") or "0"
    candidate = f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"
    return candidate if PLAIN_DECIMAL.fullmatch(candidate) else None


def number_problem(written: str, reading: str) -> tuple[str, str]:
    """Problem and hint for a number written in a form other than plain decimal."""
    problem = f"{written} is not a plain decimal number: YAML reads it as {reading}"
    if ":" in written:
        return problem, ("write one plain number: a ratio such as 3:1 is the ratio figure 3, "
                         "a time of day or a length of time goes in a date or duration figure; "
                         "quote it if it is text")
    suggestion = plain_form(written)
    if suggestion is not None:
        return problem, (f"write {suggestion} (digits, an optional minus sign and decimal "
                         "point, no leading zeros or separators); quote it if it is text, "
                         "such as a code")
    return problem, ("write the plain decimal number with all its digits, e.g. 3000000000 "
                     "(no exponents, hex, infinity or separators); quote it if it is text")


def check_plain_number(node: yaml.Node, file: str, key: str | None) -> None:
    """Raise BriefingError when YAML reads `node` as a number not written in plain decimal."""
    if node.tag not in NUMBER_TAGS or PLAIN_DECIMAL.fullmatch(node.value.strip()):
        return
    problem, hint = number_problem(node.value, yaml_reading(node))
    raise BriefingError(problem, file=file, line=node.start_mark.line + 1, key=key, hint=hint)
