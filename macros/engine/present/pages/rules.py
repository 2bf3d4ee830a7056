"""The guide's rules for pages, checked in the build (not only by `make test`):

- every page has front matter with a `title` and a `description` of at least
  MIN_DESCRIPTION characters on one line (search results and link previews show it);
- every figure is shown on some page, or carries `appendix_only: true`; a figure marked
  `appendix_only` is shown on no page;
- page prose types no digits: numbers come from figure macros (outside macros, code, link
  targets, HTML tags and character references; the data file's names_with_digits are allowed).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ...catalogue import told
from ...characters import describe, first_hidden, first_line_break, numerals
from ...errors import BriefingError, shown
from ...load.page_source import FRONT_MATTER, PageSource
from .code import CODE

MIN_DESCRIPTION = 40
NUMBERS_HINT = ('show numbers with a figure macro such as {{ fig("group.key") }}, or say them in '
                "words in a title; a name with digits (a model or chip) goes in "
                "'names_with_digits:' at the end of the data file")
TAG = re.compile(r"<[^>]+>")
# attributes whose text a reader sees (a tooltip, an image's text, a screen reader's name)
SHOWN_ATTRIBUTE = re.compile(
    r"""\b(?:title|alt|aria-label|aria-description|placeholder|label)\s*=\s*("[^"]*"|'[^']*')""",
    re.I)
REFERENCE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);")
NOT_PROSE = [
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),   # macros
    CODE,                                                  # fenced code and code spans
    re.compile(r"\]\([^)\s]*"),                           # link targets (a title is shown)
    TAG,                                                   # HTML tags (shown attributes kept)
    re.compile(r"&#?\w+;"),                                # character references
]


def _digit_reference(match: re.Match) -> str:
    """A character reference that shows a digit (&#52;, &#x34;) as that digit, padded to the
    reference's length so that columns and lines stay where they were."""
    shown = html.unescape(match.group(0))
    return shown.ljust(len(match.group(0))) if numerals().fullmatch(shown) else match.group(0)


def prose_of(markdown: str, names_with_digits: tuple[str, ...] = ()) -> str:
    """The page with everything but prose blanked out, line numbers kept."""
    def blank(match: re.Match) -> str:
        if match.re is TAG:   # only the text of the attributes a reader sees stays
            tag = match.group(0)
            kept = [" " if c != "\n" else c for c in tag]
            for shown in SHOWN_ATTRIBUTE.finditer(tag):
                start, end = shown.span(1)
                kept[start + 1:end - 1] = tag[start + 1:end - 1]
            return "".join(kept)
        return "\n" * match.group(0).count("\n") or " "

    markdown = FRONT_MATTER.sub(blank, markdown, count=1)
    markdown = REFERENCE.sub(_digit_reference, markdown)
    for pattern in NOT_PROSE:
        markdown = pattern.sub(blank, markdown)
    for name in names_with_digits:
        markdown = markdown.replace(name, " ")
    return markdown


def check_prose(pages: Mapping[str, PageSource], names_with_digits: tuple[str, ...] = ()) -> None:
    """No digits typed into page prose: a number there would escape the data file."""
    for page in pages.values():
        display, text = page.display, page.text
        prose = prose_of(text, names_with_digits)
        digits = numerals().search(prose)
        if digits:
            number = prose.count("\n", 0, digits.start())
            column = digits.start() - (prose.rfind("\n", 0, digits.start()) + 1)
            line = text.split("\n")[number]  # blanking only shortens a line, never lengthens
            at = line.find(digits.group(0), column)
            at = at if at >= 0 else column
            shown = line[max(0, at - 40): at + 40].strip()
            raise BriefingError(
                f"a number typed into the prose ('{digits.group(0)}' in '{shown}')",
                file=display, line=prose.count("\n", 0, digits.start()) + 1,
                hint=NUMBERS_HINT)


def _line_of_field(text: str, field: str) -> int:
    match = re.search(rf"^{field}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _front_matter_texts(value: object, field: str) -> Iterable[tuple[str, str]]:
    """(field, text) for every text in a front-matter value, however nested."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _front_matter_texts(item, f"{field}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _front_matter_texts(item, f"{field}.{index}")


def _check_characters(page: PageSource) -> None:
    """No line break and no control or invisible character in any front-matter text: the
    title and description are shown in the navigation, the tab, search and link previews."""
    for name, value in page.meta.items():
        for field, text in _front_matter_texts(value, str(name)):
            text = text.rstrip("\n")   # a folded block (>) ends with one
            breaks, hidden = first_line_break(text), first_hidden(text)
            if breaks is None and hidden is None:
                continue
            at = breaks if breaks is not None else hidden
            values = {"value": shown(text), "character": describe(text[at]), "position": at + 1}
            problem, hint = (told("line-break", **values) if breaks is not None
                             else told("hidden-character", **values))
            raise BriefingError(problem, file=page.display,
                                line=_line_of_field(page.text, str(name)), key=field, hint=hint)


def check_front_matter(pages: Mapping[str, PageSource],
                       names_with_digits: tuple[str, ...] = ()) -> None:
    """Title and description of every page, with no digits (they are shown as prose); no
    hidden character in any front-matter text."""
    for page in pages.values():
        display, text, meta = page.display, page.text, page.meta
        _check_characters(page)
        for field in ("title", "description"):
            value = meta.get(field)
            prose = value if isinstance(value, str) else ""
            for name in names_with_digits:
                prose = prose.replace(name, " ")
            digits = numerals().search(prose)
            if digits:
                raise BriefingError(
                    f"a number typed into the front matter ('{digits.group(0)}' in "
                    f"{shown(value)})", file=display, line=_line_of_field(text, field),
                    key=field, hint=NUMBERS_HINT)
        for field in ("title", "description"):
            value = meta.get(field)
            if value is not None and not isinstance(value, str):
                raise BriefingError(
                    f"expected text, got {shown(value) if not isinstance(value, bytes) else 'binary data'}",
                    file=display, line=_line_of_field(text, field), key=field,
                    hint=f'write the {field} as plain text, in quotes if it starts with a symbol: '
                         f'{field}: "..."')
            if not isinstance(value, str) or not value.strip():
                raise BriefingError(
                    "missing from the front matter", file=display,
                    line=_line_of_field(text, field), key=field,
                    hint="start the page with front matter: a line ---, then title: ... and "
                         f"description: ... (one sentence, at least {MIN_DESCRIPTION} "
                         "characters), then ---")
        description = meta["description"].strip()
        if len(description) < MIN_DESCRIPTION:
            raise BriefingError(
                f"too short ({len(description)} characters; a description needs at least "
                f"{MIN_DESCRIPTION})", file=display, line=_line_of_field(text, "description"),
                key="description",
                hint="write one full sentence saying what the page covers; search results and "
                     "link previews show it")


def check_figures_used(briefing: Any, usage: Any) -> None:
    """Every figure shown somewhere, or marked appendix_only (and then shown nowhere)."""
    used = usage.used_keys()
    for key, fig in briefing.figures.items():
        if key not in used and not fig.appendix_only:
            raise BriefingError(
                "no page shows this figure", file=briefing.file, line=fig.line,
                key=f"figures.{key}",
                hint=f'show it on a page with {{{{ fig("{key}") }}}}, or add appendix_only: '
                     "true to list it only in the Figures appendix")
        if key in used and fig.appendix_only:
            pages = ", ".join(p.src_path for p in usage.pages_using(key))
            raise BriefingError(
                f"marked appendix_only, but shown on {pages}", file=briefing.file,
                line=fig.line, key=f"figures.{key}", hint="remove 'appendix_only: true'")
