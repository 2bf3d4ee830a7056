"""The checks of one page's template text around the generator's Jinja pass: links to pages
and template code in code before rendering, leftover template syntax after."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ...load.page_source import PageSource
from .links import check_links
from .templates import check_source, leftover_template


class PageChecker:
    """The site's pages (read once) and the list of page paths links may point to."""

    def __init__(self, sources: Mapping[str, PageSource], pages: Collection[str]) -> None:
        self.sources = sources
        self.pages = pages

    def before(self, src: str) -> None:
        page = self.sources[src]
        check_links(page.text, page.display, self.pages)
        check_source(page.text, page.display)

    def after(self, rendered: str, src: str) -> None:
        page = self.sources[src]
        leftover_template(rendered, page.text, page.display)
