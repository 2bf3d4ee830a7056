"""Rules for the template text of pages, checked around the generator's own Jinja pass.

Macro calls are rendered by the site generator (mkdocs-macros or Zensical); this module only
calls a macro with clear errors, and checks the page source before and the result after.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...catalogue import told
from ...errors import BriefingError
from .arguments import check_arguments, macro_failed
from .code import CODE, RAW, TEMPLATE_CODE, blank, without_code

TEMPLATE = re.compile(r"\{\{|\{%|\{#")
LEFTOVER = re.compile(r"\{\{|\{%|\}\}|%\}")
STRAY = re.compile(r"\}\}|%\}")
CODE_IN_CODE_BLOCK, SHOW_LITERALLY = told("code-in-code-block")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def call_macro(name: str, function: Callable, args: list, kwargs: dict) -> str:
    """Call a macro; wrong arguments raise BriefingError with the expected signature.

    The signature is only consulted when the call fails, so correct calls cost nothing extra.
    """
    try:
        return str(function(*args, **kwargs))
    except Exception as failure:
        check_arguments(name, function, args, kwargs)  # wrong arguments explain it
        if isinstance(failure, BriefingError):
            raise
        raise macro_failed(name, function, failure) from None


def check_source(text: str, page: str) -> None:
    """Before rendering (`text` is the whole file): template code inside code would be run and
    its HTML shown as code, so it must be wrapped in {% raw %}; and a closing '}}' or '%}'
    that opens nothing would be published as is."""
    raw = [m.span() for m in RAW.finditer(text)]
    for code in CODE.finditer(text):
        for mark in TEMPLATE.finditer(text, code.start(), code.end()):
            if not any(start <= mark.start() < end for start, end in raw):
                raise BriefingError(CODE_IN_CODE_BLOCK,
                                    file=page, line=_line(text, mark.start()),
                                    key=mark.group(0), hint=SHOW_LITERALLY)
    stray = STRAY.search(blank(TEMPLATE_CODE, without_code(blank(RAW, text))))
    if stray:
        raise BriefingError(f"'{stray.group(0)}' closes no macro call", file=page,
                            line=_line(text, stray.start()), key=stray.group(0),
                            hint="check the {{ }} / {% %} brackets on this line; write "
                                 "&#125;&#125; to show braces literally")


def leftover_template(rendered: str, source: str, page: str) -> None:
    """A rendered page must hold no template syntax outside code: it would be published as
    is. The line is the source line the leftover comes from (`source` is the whole file)."""
    mark = LEFTOVER.search(without_code(rendered))
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

