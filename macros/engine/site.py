"""The engine's front door: one object per build, holding data, pages and page macros.

The adapters (macros/adapters/) create it with the settings and the pages the site generator
reports, and register `macros()` with the generator's template pass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from .config import BriefingConfig
from .derive.briefing import Briefing
from .load.page_source import read_page
from .pages.links import check_links
from .pages.rules import check_figures_used, check_front_matter, check_prose
from .pages.templates import AFTER_TITLE, PAGE_END, call_macro, check_source, leftover_template
from .pages.usage import PageInfo, Usage, body_start, scan_pages
from .present import charts, datapackage, generated
from .present.exports import write_downloads
from .present.html import PageRenderer

DEFAULT_DATA_FILE = BriefingConfig.data  # for check.py (the data file when settings name none)


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
        self.briefing = Briefing.load(project_dir / config.data, display=config.data)
        self.usage: Usage = scan_pages(docs_dir, pages)
        self.appendix_url = pages[config.appendix].url
        self.sources_url = pages[config.sources].url
        self._add_generated_keys()
        check_front_matter(docs_dir, list(self.usage.pages))  # the guide's rules for pages
        check_prose(docs_dir, list(self.usage.pages))
        check_figures_used(self.briefing, self.usage)
        self._bound: dict[str, dict[str, Callable[..., str]]] = {}

    def _add_generated_keys(self) -> None:
        """Count figures shown by whole-page generators (timeline, conflicts) as used there."""
        shown_by = {
            "timeline": [k for k, f in self.briefing.figures.items() if f.kind == "date"],
            "conflicts_list": [k for c in self.briefing.conflicts.values() for k in c.figures],
        }
        for src, called in self.usage.macros_by_page.items():
            keys = self.usage.keys_by_page[src]
            for generator in sorted(called & shown_by.keys()):
                keys.extend(k for k in shown_by[generator] if k not in keys)

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
            "figures_appendix": partial(generated.figures_appendix, r, self.usage),
            "conflict": partial(generated.conflict, r),
            "conflicts_list": partial(generated.conflicts_list, r),
            "glossary": partial(generated.glossary, r),
            "open_questions": partial(generated.open_questions, r),
            "corrections_list": partial(generated.corrections_list, r),
            "reporting_as_of": partial(generated.reporting_as_of, r),
            "downloads": partial(generated.downloads, r),
            "data_dictionary": partial(datapackage.data_dictionary, r, self.site_url),
            "bar_chart": partial(charts.bar_chart, r),
            "price_chart": partial(charts.price_chart, r),
            "share_chart": partial(charts.share_chart, r),
            "timeline_chart": partial(charts.timeline_chart, r),
        }

    def _page_macros(self, src: str) -> dict[str, Callable[..., str]]:
        """The macro table for one page, plus the page frame (see pages.templates.frame)."""
        folder = src.rpartition("/")[0]
        base = (folder + "/" if folder else "") if self.links_from_source else None
        url = self.usage.pages[src].url
        r = PageRenderer(self.briefing, url, self.appendix_url, self.sources_url, base)
        bound = self.macros(url, r)

        def after_title(titled: bool) -> str:
            line = generated.reporting_as_of(r).strip()
            return f"\n\n{line}\n" if titled else f"{line}\n\n"

        bound[AFTER_TITLE] = after_title
        bound[PAGE_END] = partial(generated.print_list, r)
        return bound

    def call(self, name: str, src: str, args: list, kwargs: dict) -> str:
        """Run one macro for one page; a mistake raises BriefingError (without a place)."""
        bound = self._bound.get(src)
        if bound is None:
            bound = self._bound[src] = self._page_macros(src)
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
    blank = SimpleNamespace(briefing=None, usage=None, site_url="")
    return tuple(Site.macros(blank, "", SimpleNamespace(  # type: ignore[arg-type]
        **{name: None for name in ("fig", "value", "short", "asof", "cite", "source")})))


FRAME_MACROS = (AFTER_TITLE, PAGE_END)
