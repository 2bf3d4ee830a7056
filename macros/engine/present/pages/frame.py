"""Every page's frame, added to its Markdown as macro calls: the reporting date and the print
list. The adapters' Jinja extension applies it to every page."""

from __future__ import annotations

import re

TITLE = re.compile(r"^#\s+.*$", re.M)
CALLS_AS_OF = re.compile(r"\{\{-?\s*reporting_as_of\s*\(")


def frame_markdown(markdown: str) -> str:
    """Every page's frame, as macro calls added to its Markdown: the reporting date at the start
    of the line after the title (or of the first line), and the print list at the very end.

    No line is added before or between the page's own lines, so messages keep their line
    numbers, and any generator that renders the page's macros renders these too (the print
    list last, after every figure the page shows). A page that calls reporting_as_of() itself
    places the date where it wants. The adapters' Jinja extension applies it to every page.
    """
    if not CALLS_AS_OF.search(markdown):
        title = TITLE.search(markdown)
        at = markdown.find("\n", title.end()) + 1 if title and "\n" in markdown[title.end():] else 0
        if title and at == 0:
            markdown += "\n"
            at = len(markdown)
        markdown = f"{markdown[:at]}{{{{ reporting_as_of() }}}}{markdown[at:]}"
    return markdown + "\n{{ print_list() }}"
