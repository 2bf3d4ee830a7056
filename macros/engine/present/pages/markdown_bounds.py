"""Markdown that Python-Markdown would take minutes over, or fail on, refused with its line
before the page is rendered: a paragraph with hundreds of '[' (each unclosed one is matched
against the rest of the paragraph, so 20,000 of them take hours), and a line nested deeper than
any page needs (block quotes and lists inside one another, each a level of recursion).
Template code and code are left out: neither reaches Markdown's inline parser as written.
Whatever else is slow to convert meets the time limit of macros/markdown/time_limit.py."""

from __future__ import annotations

import re

from ...catalogue import told
from ...errors import BriefingError
from .code import RAW, TEMPLATE_CODE, blank, without_code

# Far above what a page needs (the site's pages: 8 brackets in a paragraph, 26 columns in),
# far below what makes Python-Markdown slow (about a second at 2,000 brackets or 300 levels).
LIMITS = {"brackets": 200, "columns": 100}
PARAGRAPH = re.compile(r"(?:^[^\S\n]*\S.*(?:\n|$))+", re.M)
# Indentation, block-quote markers and list markers at the start of a line, together.
NESTING = re.compile(r"^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])+", re.M)


def check_markdown(text: str, page: str) -> None:
    """Refuse the first paragraph of `text` (the whole file) with too many '[' and the first
    line of prose nested too deeply."""
    literal = without_code(blank(RAW, text))
    prose = blank(TEMPLATE_CODE, literal)
    for paragraph in PARAGRAPH.finditer(prose):
        brackets = paragraph.group(0).count("[")
        if brackets > LIMITS["brackets"]:
            _too_large(f"a paragraph with {brackets} '[' (more than {LIMITS['brackets']})",
                       page, text.count("\n", 0, paragraph.start()) + 1)
    for prefix in NESTING.finditer(text):
        columns = len(prefix.group(0).expandtabs(4))
        if columns > LIMITS["columns"] and literal[prefix.end():prefix.end() + 1].strip():
            _too_large(f"a line starts {columns} columns in, inside quotes, lists or "
                       f"indentation (more than {LIMITS['columns']})",
                       page, text.count("\n", 0, prefix.start()) + 1)


def _too_large(detail: str, page: str, line: int) -> None:
    problem, hint = told("markdown-too-large", detail=detail, **LIMITS)
    raise BriefingError(problem, file=page, line=line, hint=hint)
