"""Rules for the template text of pages, checked around the generator's own Jinja pass.

Macro calls are rendered by the site generator (mkdocs-macros or Zensical); this module only
calls a macro with clear errors, and checks the page source before and the result after.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable

from ..errors import BriefingError

CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1|`[^`\n]+`", re.S | re.M)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
TEMPLATE = re.compile(r"\{\{|\{%|\{#")
LEFTOVER = re.compile(r"\{\{|\{%|\}\}|%\}")
SHOW_LITERALLY = ("to show a macro call as code, wrap it in raw: {% raw %}`{{ fig(\"key\") }}`"
                  "{% endraw %}; to use the figure, move the call out of the code")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def signature_text(name: str, function: Callable) -> str:
    """'fig(key)': the call as a contributor writes it."""
    params = inspect.signature(function).parameters.values()
    shown = [p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params]
    return f"{name}({', '.join(shown)})"


def call_macro(name: str, function: Callable, args: list, kwargs: dict) -> str:
    """Call a macro; wrong arguments raise BriefingError with the expected signature.

    The signature is only consulted when the call fails, so correct calls cost nothing extra.
    """
    try:
        return str(function(*args, **kwargs))
    except TypeError:
        try:
            inspect.signature(function).bind(*args, **kwargs)
        except TypeError as error:
            raise BriefingError(f"macro {name}() called with wrong arguments ({error})", key=name,
                                hint=f"call it as {signature_text(name, function)}") from None
        raise


def check_code_calls(text: str, page: str) -> None:
    """Template code inside a code block or span would be run and its HTML shown as code:
    it must be wrapped in {% raw %} to show literally. `text` is the whole file."""
    raw = [m.span() for m in RAW.finditer(text)]
    for code in CODE.finditer(text):
        for mark in TEMPLATE.finditer(text, code.start(), code.end()):
            if not any(start <= mark.start() < end for start, end in raw):
                raise BriefingError("template code inside a code block would be run, not shown",
                                    file=page, line=_line(text, mark.start()),
                                    key=mark.group(0), hint=SHOW_LITERALLY)


def leftover_template(rendered: str, source: str, page: str) -> None:
    """A rendered page must hold no template syntax outside code: it would be published as
    is. The line is the source line the leftover comes from (`source` is the whole file)."""
    blank = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), rendered)
    mark = LEFTOVER.search(blank)
    if not mark:
        return
    bad = rendered.splitlines()[_line(rendered, mark.start()) - 1].strip()
    lines = source.splitlines()
    line = next((n for n, text in enumerate(lines, 1) if bad and bad in text), None)
    if line is None:
        line = next((n for n, text in enumerate(lines, 1) if mark.group(0) in text), None)
    raise BriefingError(f"rendered page still contains '{mark.group(0)}'", file=page, line=line,
                        hint="write &#123;&#123; to show braces literally, wrap template code "
                             "you want to show in a code span inside {% raw %}, or fix the "
                             "macro call")
