"""The engine's front door: one object per build that loads the checked data, learns which
page uses which figure, runs the guide's page rules, and runs a macro for a page.

The adapters (macros/adapters/) create it with the settings and the pages the site generator
reports; the macro table is macro_table, the page checks present.pages.checker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

from .catalogue import told
from .config import BriefingConfig
from .errors import BriefingError
from .load.page_source import PageSource
from .macro_table import Macro, PageContext, macros
from .pipeline import load_briefing
from .present.html import PageRenderer
from .present.pages.checker import PageChecker
from .present.pages.rules import (
    check_entries_shown,
    check_figures_used,
    check_front_matter,
    check_prose,
)
from .present.pages.site_pages import docs_files
from .present.pages.templates import call_macro
from .present.pages.usage import QUOTED, PageInfo, Usage, scan_pages, shown_template

_BUTTON_CALLS = re.compile(r"\{\{-?\s*(?:fig|cards)\s*\(.*?\}\}", re.S)
# The macros that show a whole section the site links to or counts as shown.
_SECTIONS = {"figures_appendix", "sources_list", "glossary", "open_questions",
             "corrections_list", "conflicts_list", "timeline"}


class Site:
    """Everything one build needs: the checked data, the site's pages and which use what."""

    def __init__(self, project_dir: Path, docs_dir: Path, config: BriefingConfig,
                 pages: Mapping[str, PageInfo], sources: Mapping[str, PageSource],
                 site_url: str = "", links_from_source: bool = False):
        """`sources`: every page read once (load.page_source.read_pages).
        `links_from_source`: the generator rewrites relative links in the HTML as relative
        to the page's source file (Zensical does; MkDocs leaves raw HTML alone)."""
        self.docs_dir = docs_dir
        self.project_dir = project_dir
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.links_from_source = links_from_source
        self.config = config
        config.check_pages(pages)
        self.briefing = load_briefing(project_dir / config.data, display=config.data,
                                      root=project_dir,
                                      articles=(project_dir / config.articles, config.articles))
        self.sources = sources
        self.usage: Usage = scan_pages(pages, sources)
        config.check_sections(self.usage.macros_by_page)
        self.checker = PageChecker(sources, self.usage.pages, self.briefing.names_with_digits,
                                   docs_files(docs_dir))
        self.appendix_url = pages[config.appendix].url
        self.sources_url = pages[config.sources].url
        self.changes_url = self._changes_url()
        self.shown_by = self._generated_keys()   # generator -> the figures it shows
        self._add_generated_keys()
        site_pages = {src: sources[src] for src in pages}
        check_front_matter(site_pages, self.briefing.names_with_digits)  # the guide's rules
        check_prose(site_pages, self.briefing.names_with_digits,
                    self.briefing.number_words_allowed)
        check_figures_used(self.briefing, self.usage)
        check_entries_shown(self.briefing, self.usage)
        self._bound: dict[str, dict[str, Macro]] = {}
        self._renderers: dict[str, PageRenderer] = {}
        self._ran: dict[str, set[tuple[str, object]]] = {}  # per page: (macro, first argument)

    def _generated_keys(self) -> dict[str, list[str]]:
        """The figures each whole-section generator shows, as buttons with panels."""
        b = self.briefing
        conflict_keys = [k for c in b.conflicts.values() for k in c.figures]
        return {
            "timeline": [k for k, f in b.figures.items() if f.kind == "date"],
            "conflicts_list": conflict_keys,
            "conflict": conflict_keys,
            "open_questions": [k for q in b.open_questions.values() for k in q.figures],
            "corrections_list": [c.figure for c in b.corrections],
            "changes_list": [k for u in b.updates for k in u.figures],
        }

    def _changes_url(self) -> str | None:
        """The URL of the What has changed page (the page that calls changes_list()), which
        every update links to; recorded updates need one."""
        listing = [src for src, called in self.usage.macros_by_page.items()
                   if "changes_list" in called]
        if listing:
            return self.usage.pages[listing[0]].url
        if self.briefing.updates:
            first = self.briefing.updates[0]
            problem, hint = told("updates-not-shown")
            raise BriefingError(problem, hint=hint, file=self.config.data, line=first.line,
                                key="updates")
        return None

    def _add_generated_keys(self) -> None:
        """Count figures shown by whole-page generators (timeline, conflicts...) as used there."""
        for src, called in self.usage.macros_by_page.items():
            keys = self.usage.keys_by_page[src]
            seen = set(keys)
            for generator in sorted(called & self.shown_by.keys()):
                for k in self.shown_by[generator]:
                    if k not in seen:
                        seen.add(k)
                        keys.append(k)

    def anchored_keys(self) -> dict[str, set[str]]:
        """Per page URL, the figures it shows as a button with the id the appendix links back
        to (fig(), cards() and the generators); figures only drawn in a chart have none."""
        return self._anchored

    @cached_property
    def _anchored(self) -> dict[str, set[str]]:
        generated = self.shown_by.keys()
        return {info.url: self._button_keys(src).union(
                    *(self.shown_by[g] for g in self.usage.macros_by_page[src] & generated))
                for src, info in self.usage.pages.items()}

    def _button_keys(self, src: str) -> set[str]:
        """The figures the page's fig() and cards() calls show (outside comments)."""
        text = shown_template(self.sources[src].text)
        return {k for block in _BUTTON_CALLS.findall(text) for _, k in QUOTED.findall(block)}

    def check_rendered(self, src: str) -> None:
        """After the page rendered: each figure its fig() and cards() calls name got its button,
        which the appendix links back to (a call in a branch not taken or a loop that never
        runs shows nothing, yet counted as shown)."""
        page = self.sources[src]
        shown = set(self._renderers[src].shown) if src in self._renderers else set()
        for key in sorted(self._button_keys(src) - shown):
            if key not in self.briefing.figures:  # no appendix entry links to it
                continue
            problem, hint = told("figure-not-rendered", key=key)
            raise BriefingError(problem, file=page.display, line=_line_naming(page, f'"{key}"',
                                f"'{key}'"), key=key, hint=hint)
        ran = self._ran.get(src, set())
        missing = [(f"{name}()", f"{name}(") for name in sorted(
            self.usage.macros_by_page[src] & _SECTIONS - {name for name, _ in ran})]
        missing += [(f'conflict("{cid}")', cid) for cid in sorted(
            self.usage.conflicts_by_page[src] - {arg for name, arg in ran if name == "conflict"})]
        for call, written in missing:
            problem, hint = told("section-not-rendered", call=call)
            raise BriefingError(problem, file=page.display, line=_line_naming(page, written),
                                key=call.partition("(")[0], hint=hint)

    def chart_keys(self) -> dict[str, tuple[str, ...]]:
        """The figures of every chart the pages drew, by chart id (each chart's data file)."""
        return {cid: keys for r in self._renderers.values() for cid, keys in r.charts.items()}

    def page_context(self, src: str) -> PageContext:
        """What the page's macros are bound to; links are relative to the page."""
        folder = src.rpartition("/")[0]
        base = (folder + "/" if folder else "") if self.links_from_source else None
        url = self.usage.pages[src].url
        renderer = PageRenderer(self.briefing, url, self.appendix_url, self.sources_url, base,
                                self.changes_url)
        self._renderers[src] = renderer
        return PageContext(renderer, self.usage, self.anchored_keys, self.site_url)

    def call(self, name: str, src: str, args: list, kwargs: dict) -> str:
        """Run one macro for one page; a mistake raises BriefingError (without a place).
        One renderer per page, so popover ids stay unique and the print list sees every
        figure the page showed."""
        bound = self._bound.get(src)
        if bound is None:
            bound = self._bound[src] = macros.bind(self.page_context(src))
        first = args[0] if args else next(iter(kwargs.values()), None)
        self._ran.setdefault(src, set()).add((name, first if isinstance(first, str) else None))
        return call_macro(name, bound[name], args, kwargs)

    def page_file(self, src: str) -> str:
        """How messages name a page: 'docs/campaign.md'."""
        return self.sources[src].display

    def page_source(self, src: str) -> PageSource:
        return self.sources[src]


def _line_naming(page: PageSource, *written: str) -> int | None:
    """The first line of the page that holds one of `written`."""
    return next((n for n, row in enumerate(page.text.splitlines(), 1)
                 if any(text in row for text in written)), None)
