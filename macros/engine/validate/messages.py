"""Plain wording for the pydantic errors whose own wording is below the message standard.

document._explain asks `plain_wording` first; None means its general wording, with
`plain_pydantic`'s words for the error, is fine.
"""

from __future__ import annotations

from ..errors import shown

SECTION_HINTS = {
    **{name: f"add the {name} under it, indented by two spaces, or fix the indentation"
       for name in ("sources", "figures")},
    "conflicts": "delete the empty 'conflicts:' line, or add conflicts under it, indented by two "
                 "spaces",
}


def plain_wording(first: dict, loc: tuple, allowed: list[str] | None = None
                  ) -> tuple[str, str] | None:
    """(problem, hint) for errors pydantic words badly, else None."""
    kind, value = first["type"], first.get("input")
    written = first.get("written") or shown(value)
    if kind in {"dict_type", "model_type", "list_type"} and value is None:
        if len(loc) == 1 and loc[0] in SECTION_HINTS:
            return f"'{loc[0]}:' is empty", SECTION_HINTS[loc[0]]
        if len(loc) == 2:
            return (f"the entry '{loc[1]}' is empty",
                    f"indent its fields under '{loc[1]}:' by two more spaces, or delete the line")
        field = loc[-1]
        return (f"'{field}:' has nothing after it",
                f"write its value after '{field}:', or delete the line")
    if kind == "string_type" and value is not None and not isinstance(value, dict | list):
        if isinstance(value, bool):
            return (f"{loc[-1]}: expected text, got {written}",
                    "put the text in quotes: YAML reads unquoted yes, no, on and off as true "
                    "or false")
        return (f"{loc[-1]}: expected text, got {written}",
                f"put the text in quotes, e.g. {loc[-1]}: \"{written.strip(chr(39))}\"")
    if kind == "too_short" and loc[:1] == ("conflicts",) and loc[-1] == "figures":
        found = first.get("ctx", {}).get("actual_length", len(value or []))
        return (f"a conflict needs at least two figures, got {found or 'none'}",
                "list every figure that disagrees, e.g. figures: [first.key, second.key]; a "
                "single figure with a caveat belongs in its 'note'")
    if kind == "too_short":
        needed = first.get("ctx", {}).get("min_length", 1)
        return (f"'{loc[-1]}' needs at least {needed} item{'s' if needed != 1 else ''}",
                f"list {needed} or more items in square brackets")
    if kind == "extra_forbidden" and not allowed:
        return (f"unknown field '{loc[-1]}'",
                "remove it (check its indentation: it may belong to the entry above)")
    return None


# pydantic's error types in the engine's words, chosen by the error's type (never by matching
# pydantic's English); placeholders come from the error's context. Other types keep
# pydantic's own sentence.
WORDING = {
    "dict_type": "expected a dictionary", "model_type": "expected a dictionary",
    "list_type": "expected a list", "bool_type": "expected a boolean",
    "bool_parsing": "expected a boolean, unable to interpret input",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number, unable to parse string as an integer",
    "int_from_float": "expected a whole number, got a number with a fractional part",
    "float_type": "expected a number",
    "float_parsing": "expected a number, unable to parse string as a number",
    "finite_number": "must be a finite number",
    "greater_than": "must be greater than {gt}", "less_than": "must be less than {lt}",
    "greater_than_equal": "must be greater than or equal to {ge}",
    "less_than_equal": "must be less than or equal to {le}",
    "string_type": "expected text", "string_too_short": "is empty",
    "string_pattern_mismatch": "the text must match pattern '{pattern}'",
}


def plain_pydantic(error: dict) -> str:
    """The error in the engine's words: 'expected a list', 'must be greater than 0'."""
    template = WORDING.get(error["type"])
    return template.format(**error.get("ctx", {})) if template else error["msg"]
