"""The checks of one page's template text around the generator's Jinja pass: links to pages,
template code in code and arithmetic or numbers in template code before rendering, leftover
template syntax after."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ...catalogue import told
from ...errors import BriefingError
from ...load.page_source import PageSource
from .expressions import check_expressions, included
from .links import check_links
from .markdown_bounds import check_markdown
from .templates import check_source, leftover_template


class PageChecker:
    """The site's pages (read once), the list of page paths links may point to, the names
    with digits that page text may write, and the other files under docs/."""

    def __init__(self, sources: Mapping[str, PageSource], pages: Collection[str],
                 names_with_digits: tuple[str, ...] = (),
                 files: Collection[str] | None = None) -> None:
        self.sources = sources
        self.pages = pages
        self.files = files   # the other files under docs/ (None: links to them not checked)
        self.names_with_digits = names_with_digits

    def before(self, src: str) -> None:
        self.links_and_code(src)
        self.expressions(src)

    def links_and_code(self, src: str) -> None:
        """Links to pages, and template code inside code (the page can still be rendered)."""
        page = self.sources[src]
        check_markdown(page.text, page.display)   # first: bounds what the other checks read
        check_links(page.text, page.display, self.pages, self.files)
        check_source(page.text, page.display)

    def expressions(self, src: str) -> None:
        """Template code that must not run: rendering the page would compute, print or change
        what it should not, or not end."""
        page = self.sources[src]
        check_expressions(page.text, page.display, self.names_with_digits)
        for name, line in included(page.text):
            self._include(name, (src,), page.display, line)

    def _include(self, name: str, chain: tuple[str, ...], display: str, line: int) -> None:
        """A page includes only pages of the site (checked as pages themselves), and never
        itself through any chain of includes, which would not end; told at the line of the
        include in the page checked."""
        if name not in self.sources:
            detail = f"it includes '{name}', which is not a page of the site"
        elif name in chain:
            detail = f"it includes itself ({' -> '.join((*chain, name))})"
        else:
            for inner, _ in included(self.sources[name].text):
                self._include(inner, (*chain, name), display, line)
            return
        problem, hint = told("template-transform", detail=detail)
        raise BriefingError(problem, file=display, line=line, hint=hint)

    def after(self, rendered: str, src: str) -> None:
        page = self.sources[src]
        leftover_template(rendered, page.text, page.display)
