"""The page macros: one table that both adapters register and CONTRIBUTING's table is tested
against. Each entry makes the macro for one page: most macros are functions whose first
argument is the page's renderer (`macros.on_renderer`); the others say what they need
(`@macros.register`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from .export.data_page import data_dictionary as data_page_dictionary
from .present import charts, generated
from .present.html import PageRenderer
from .present.pages.usage import Usage


@dataclass(frozen=True)
class PageContext:
    """What a page's macros are bound to: its renderer (links relative to the page), which
    page uses which figure, the figures each page anchors, the site's address."""

    renderer: PageRenderer
    usage: Usage
    anchored_keys: Callable[[], dict[str, set[str]]]
    site_url: str


Macro = Callable[..., str]


def _given_renderer(function: Macro, page: PageContext) -> Macro:
    return partial(function, page.renderer)


class MacroTable:
    """Macro names, each with the function that makes the macro for one page."""

    def __init__(self) -> None:
        self._makers: dict[str, Callable[[PageContext], Macro]] = {}

    def register(self, maker: Callable[[PageContext], Macro]) -> Callable[[PageContext], Macro]:
        self._makers[maker.__name__] = maker
        return maker

    def on_renderer(self, *functions: Macro) -> None:
        """Each function(renderer, ...) as the macro of its name, given the page's renderer."""
        for function in functions:
            self._makers[function.__name__] = partial(_given_renderer, function)

    def names(self) -> tuple[str, ...]:
        return tuple(self._makers)

    def bind(self, page: PageContext) -> dict[str, Macro]:
        return {name: make(page) for name, make in self._makers.items()}


macros = MacroTable()
macros.on_renderer(
    PageRenderer.fig, PageRenderer.value, PageRenderer.short, PageRenderer.asof,
    PageRenderer.cite, PageRenderer.source,
    generated.cards, generated.timeline, generated.sources_list, generated.conflict,
    generated.conflicts_list, generated.conflicts_summary, generated.glossary,
    generated.open_questions, generated.corrections_list, generated.changes_list,
    generated.reporting_as_of, generated.sources_account, generated.downloads,
    charts.bar_chart, charts.timeline_chart, generated.print_list)


@macros.register
def figures_appendix(page: PageContext) -> Macro:
    return partial(generated.figures_appendix, page.renderer, page.usage, page.anchored_keys,
                   page.site_url)


@macros.register
def data_dictionary(page: PageContext) -> Macro:
    return partial(data_page_dictionary, page.renderer, page.site_url)
