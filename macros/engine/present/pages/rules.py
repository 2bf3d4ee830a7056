"""The guide's rules for pages, checked in the build (not only by `make test`):

- every page has front matter with a `title` and a `description` of at least
  MIN_DESCRIPTION characters on one line (search results and link previews show it);
- every figure is shown on some page, or carries `appendix_only: true`; a figure marked
  `appendix_only` is shown on no page; every conflict, glossary entry, open question and
  correction is shown on some page (by the macro that shows it);
- front matter holds no template code (it is not rendered: `{{` would reach the title);
- page prose types no digits and writes no number in words: numbers come from figure macros
  (outside macros, code, link targets, HTML tags and character references; the data file's
  names_with_digits and number_words_allowed are allowed).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ...catalogue import told
from ...characters import describe, first_hidden, first_line_break, numerals
from ...errors import BriefingError, did_you_mean, shown
from ...load.page_source import FRONT_MATTER, PageSource
from ...validate.number_words import number_word
from .code import CODE, TEMPLATE_CODE

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
# The front-matter fields a page may set (the theme reads them while rendering the page, so a
# value of another shape would fail there): each with what its value must be.
FRONT_MATTER_FIELDS = {"title": "text", "description": "text", "subtitle": "text",
                       "template": "text", "icon": "text", "status": "text",
                       "hide": "a list of names, e.g. [toc, navigation]",
                       "card_figure": "text"}
NOT_PROSE = [
    TEMPLATE_CODE,                                         # macros
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


def check_prose(pages: Mapping[str, PageSource], names_with_digits: tuple[str, ...] = (),
                number_words_allowed: tuple[str, ...] = ()) -> None:
    """No number typed into page prose, in digits or in words ("four days"): a number there
    would escape the data file. Idioms in the data file's number_words_allowed may be written."""
    for page in pages.values():
        prose = prose_of(page.text, names_with_digits)
        digits = numerals().search(prose)
        if digits:
            raise BriefingError(
                f"a number typed into the prose ('{digits.group(0)}' in "
                f"'{_shown_at(page.text, prose, digits)}')",
                file=page.display, line=prose.count("\n", 0, digits.start()) + 1,
                hint=NUMBERS_HINT)
        word = number_word(prose, number_words_allowed)
        if word:
            problem, hint = told("number-word-in-prose", word=word.group(0),
                                 shown=_shown_at(page.text, prose, word))
            raise BriefingError(problem, hint=hint, file=page.display,
                                line=prose.count("\n", 0, word.start()) + 1)


def _shown_at(text: str, prose: str, found: re.Match) -> str:
    """About forty characters either side of what was found, from the page as written."""
    number = prose.count("\n", 0, found.start())
    column = found.start() - (prose.rfind("\n", 0, found.start()) + 1)
    line = text.split("\n")[number]  # blanking only shortens a line, never lengthens
    at = line.find(found.group(0), column)
    at = at if at >= 0 else column
    return line[max(0, at - 40): at + 40].strip()


def _line_of_field(text: str, field: str) -> int:
    match = re.search(rf"^{re.escape(field)}\s*:", text, re.M)
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
        for field, value in meta.items():
            _check_field(page, str(field), value)
            if isinstance(value, str) and re.search(r"\{[{%#]", value):
                problem, hint = told("front-matter-template")
                raise BriefingError(problem, file=display, line=_line_of_field(text, str(field)),
                                    key=str(field), hint=hint)
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


def field_fits(field: str, value: object) -> bool:
    """Whether a front-matter field is one the theme knows, with a value of the shape it reads."""
    wanted = FRONT_MATTER_FIELDS.get(field)
    if wanted == "text":
        return isinstance(value, str)
    return wanted is not None and isinstance(value, list) and all(
        isinstance(v, str) for v in value)


def _check_field(page: PageSource, field: str, value: object) -> None:
    if field_fits(field, value):
        return
    wanted = FRONT_MATTER_FIELDS.get(field)
    if wanted is None:
        problem, hint = told("front-matter-unknown", field=field,
                             suggestion=did_you_mean(field, FRONT_MATTER_FIELDS),
                             allowed=", ".join(FRONT_MATTER_FIELDS))
    else:
        written = "binary data" if isinstance(value, bytes) else shown(value)
        problem, hint = told("front-matter-shape", field=field, written=written, wanted=wanted)
    raise BriefingError(problem, file=page.display, line=_line_of_field(page.text, field),
                        key=field, hint=hint)


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


# The macro that shows each kind of entry whole, with how the hint names a place for it.
SECTION_MACROS = {"glossary": ("glossary", "the glossary"),
                  "open_questions": ("open_questions", "the open questions"),
                  "corrections": ("corrections_list", "the corrections")}


def check_entries_shown(briefing: Any, usage: Any) -> None:
    """Every conflict, glossary entry, open question and correction reaches some page: the
    data says it, so no page may silently leave it out."""
    called = set().union(*usage.macros_by_page.values())
    entries = {"glossary": briefing.glossary, "open_questions": briefing.open_questions,
               "corrections": dict(enumerate(briefing.corrections))}
    for section, (macro, what) in SECTION_MACROS.items():
        if entries[section] and macro not in called:
            first = next(iter(entries[section]))
            problem, hint = told("entries-not-shown", what=what, call=f"{{{{ {macro}() }}}}")
            raise BriefingError(problem, file=briefing.file, key=section,
                                line=briefing.line_of(section, first), hint=hint)
    if "conflicts_list" in called:
        return
    shown = set().union(*usage.conflicts_by_page.values())
    pages = sorted(src for src, ids in usage.conflicts_by_page.items() if ids)
    for conflict_id in briefing.conflicts:
        if conflict_id not in shown:
            problem, hint = told("conflict-not-shown", id=conflict_id,
                                 page=f"docs/{pages[0]}" if pages else "a page")
            raise BriefingError(problem, file=briefing.file, key=f"conflicts.{conflict_id}",
                                line=briefing.line_of("conflicts", conflict_id), hint=hint)
