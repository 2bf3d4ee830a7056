"""The engine's front door: one object per build, holding data, pages and page macros.

The adapters (macros/adapters/) create it with the settings and the pages the site generator
reports, and register `macros()` with the generator's template pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from .config import BriefingConfig
from .load.cache import load_briefing
from .load.page_source import read_page
from .pages.links import check_links
from .pages.rules import check_figures_used, check_front_matter, check_prose
from .pages.templates import call_macro, check_source, leftover_template
from .pages.usage import QUOTED, PageInfo, Usage, body_start, scan_pages
from .present import charts, datapackage, generated
from .present.exports import write_downloads
from .present.html import PageRenderer
from .validate.articles import check_data_file

DEFAULT_DATA_FILE = BriefingConfig.data  # for check.py (the data file when settings name none)
_BUTTON_CALLS = re.compile(r"\{\{-?\s*(?:fig|cards)\s*\(.*?\}\}", re.S)
_TITLE = re.compile(r"^#\s+.*$", re.M)
_CALLS_AS_OF = re.compile(r"\{\{-?\s*reporting_as_of\s*\(")


def frame_markdown(markdown: str, print_list: bool = True) -> str:
    """Every page's frame, as macro calls added to its Markdown: the reporting date at the start
    of the line after the title (or of the first line), and the print list at the very end.

    No line is added before or between the page's own lines, so messages keep their line
    numbers, and any generator that renders the page's macros renders these too (the print
    list last, after every figure the page shows). A page that calls reporting_as_of() itself
    places the date where it wants. The adapters' Jinja extension applies it to every page.
    """
    if not _CALLS_AS_OF.search(markdown):
        title = _TITLE.search(markdown)
        at = markdown.find("\n", title.end()) + 1 if title and "\n" in markdown[title.end():] else 0
        if title and at == 0:
            markdown += "\n"
            at = len(markdown)
        markdown = f"{markdown[:at]}{{{{ reporting_as_of() }}}}{markdown[at:]}"
    return markdown + "\n{{ print_list() }}" if print_list else markdown


class Site:
    """Everything one build needs: the checked data, the site's pages and which use what."""

    def __init__(self, project_dir: Path, docs_dir: Path, config: BriefingConfig,
                 pages: Mapping[str, PageInfo], site_url: str = "",
                 links_from_source: bool = False):
        """`links_from_source`: the generator rewrites relative links in the HTML as relative
        to the page's source file (Zensical does; MkDocs leaves raw HTML alone)."""
        self.docs_dir = docs_dir
        self.project_dir = project_dir
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.links_from_source = links_from_source
        self.config = config
        config.check_pages(pages)
        self.briefing = load_briefing(project_dir / config.data, config.data,
                                      project_dir)   # checked data, cached by content
        check_data_file(project_dir / config.data, config.data, project_dir / config.articles,
                        config.articles)   # the article texts are read afresh on every build
        self.usage: Usage = scan_pages(docs_dir, pages)
        self.appendix_url = pages[config.appendix].url
        self.sources_url = pages[config.sources].url
        self._anchored: dict[str, set[str]] | None = None
        self._add_generated_keys()
        check_front_matter(docs_dir, list(self.usage.pages))  # the guide's rules for pages
        check_prose(docs_dir, list(self.usage.pages))
        check_figures_used(self.briefing, self.usage)
        self._bound: dict[str, dict[str, Callable[..., str]]] = {}

    def _generated_keys(self) -> dict[str, list[str]]:
        """The figures each whole-section generator shows, as buttons with panels."""
        b = self.briefing
        conflict_keys = [k for c in b.conflicts.values() for k in c.figures]
        return {
            "timeline": [k for k, f in b.figures.items() if f.kind == "date"],
            "conflicts_list": conflict_keys,
            "conflict": conflict_keys,
            "open_questions": [k for q in getattr(b, "open_questions", {}).values()
                               for k in q.figures],
            "corrections_list": [c.figure for c in getattr(b, "corrections", ())],
        }

    def _add_generated_keys(self) -> None:
        """Count figures shown by whole-page generators (timeline, conflicts...) as used there."""
        shown_by = self._generated_keys()
        for src, called in self.usage.macros_by_page.items():
            keys = self.usage.keys_by_page[src]
            seen = set(keys)
            for generator in sorted(called & shown_by.keys()):
                for k in shown_by[generator]:
                    if k not in seen:
                        seen.add(k)
                        keys.append(k)

    def anchored_keys(self) -> dict[str, set[str]]:
        """Per page URL, the figures it shows as a button with the id the appendix links back
        to (fig(), cards() and the generators); figures only drawn in a chart have none."""
        if self._anchored is None:
            shown_by = self._generated_keys()
            self._anchored = {}
            for src, info in self.usage.pages.items():
                text = (self.docs_dir / src).read_text(encoding="utf-8")
                keys = {k for block in _BUTTON_CALLS.findall(text) for _, k in QUOTED.findall(block)}
                for generator in self.usage.macros_by_page[src] & shown_by.keys():
                    keys.update(shown_by[generator])
                self._anchored[info.url] = keys
        return self._anchored

    def macros(self, page_url: str,
               renderer: PageRenderer | None = None) -> dict[str, Callable[..., str]]:
        """The page macros, bound to one page (links are relative to it): the one macro table
        that both adapters register and CONTRIBUTING's table is tested against."""
        r = renderer or PageRenderer(self.briefing, page_url)
        return {
            "fig": r.fig, "value": r.value, "short": r.short, "asof": r.asof, "cite": r.cite,
            "source": r.source,
            "cards": partial(generated.cards, r),
            "timeline": partial(generated.timeline, r),
            "sources_list": partial(generated.sources_list, r),
            "figures_appendix": partial(generated.figures_appendix, r, self.usage,
                                        self.anchored_keys, getattr(self, "site_url", "")),
            "conflict": partial(generated.conflict, r),
            "conflicts_list": partial(generated.conflicts_list, r),
            "glossary": partial(generated.glossary, r),
            "open_questions": partial(generated.open_questions, r),
            "corrections_list": partial(generated.corrections_list, r),
            "reporting_as_of": partial(generated.reporting_as_of, r),
            "sources_account": partial(generated.sources_account, r),
            "downloads": partial(generated.downloads, r),
            "data_dictionary": partial(datapackage.data_dictionary, r, self.site_url),
            "bar_chart": partial(charts.bar_chart, r),
            "price_chart": partial(charts.price_chart, r),
            "share_chart": partial(charts.share_chart, r),
            "timeline_chart": partial(charts.timeline_chart, r),
            "print_list": partial(generated.print_list, r),
        }

    def call(self, name: str, src: str, args: list, kwargs: dict) -> str:
        """Run one macro for one page; a mistake raises BriefingError (without a place).
        One renderer per page, so popover ids stay unique and the print list sees every
        figure the page showed."""
        bound = self._bound.get(src)
        if bound is None:
            folder = src.rpartition("/")[0]
            base = (folder + "/" if folder else "") if self.links_from_source else None
            url = self.usage.pages[src].url
            r = PageRenderer(self.briefing, url, self.appendix_url, self.sources_url, base)
            bound = self._bound[src] = self.macros(url, r)
        return call_macro(name, bound[name], args, kwargs)

    def page_file(self, src: str) -> str:
        """How messages name a page: 'docs/campaign.md'."""
        return f"{self.docs_dir.name}/{src}"

    def page_source(self, src: str) -> tuple[str, int]:
        """The page's whole file and the line number its rendered body starts after."""
        text = read_page(self.docs_dir / src, self.page_file(src))
        return text, body_start(text)

    def check_page(self, src: str) -> None:
        """Before rendering: links to pages, and template code inside code blocks."""
        text, _ = self.page_source(src)
        check_links(text, self.page_file(src), self.usage.pages)
        check_source(text, self.page_file(src))

    def check_rendered(self, rendered: str, src: str) -> None:
        leftover_template(rendered, self.page_source(src)[0], self.page_file(src))

    def write_downloads(self, site_dir: Path) -> list[Path]:
        return write_downloads(self.briefing, site_dir, self.site_url, self.project_dir)


def macro_names() -> tuple[str, ...]:
    """The names in the macro table, read without data (the table only binds functions)."""
    blank = SimpleNamespace(briefing=None, usage=None, site_url="", anchored_keys=None)
    return tuple(Site.macros(blank, "", SimpleNamespace(  # type: ignore[arg-type]
        **{name: None for name in ("fig", "value", "short", "asof", "cite", "source")})))
