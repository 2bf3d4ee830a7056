"""The page macros: one table, filled by `@macros.register`, that both adapters register and
CONTRIBUTING's table is tested against. Each entry makes the macro for one page."""

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


class MacroTable:
    """Macro names, each with the function that makes the macro for one page."""

    def __init__(self) -> None:
        self._makers: dict[str, Callable[[PageContext], Macro]] = {}

    def register(self, maker: Callable[[PageContext], Macro]) -> Callable[[PageContext], Macro]:
        self._makers[maker.__name__] = maker
        return maker

    def names(self) -> tuple[str, ...]:
        return tuple(self._makers)

    def bind(self, page: PageContext) -> dict[str, Macro]:
        return {name: make(page) for name, make in self._makers.items()}


macros = MacroTable()


@macros.register
def fig(page: PageContext) -> Macro:
    return page.renderer.fig


@macros.register
def value(page: PageContext) -> Macro:
    return page.renderer.value


@macros.register
def short(page: PageContext) -> Macro:
    return page.renderer.short


@macros.register
def asof(page: PageContext) -> Macro:
    return page.renderer.asof


@macros.register
def cite(page: PageContext) -> Macro:
    return page.renderer.cite


@macros.register
def source(page: PageContext) -> Macro:
    return page.renderer.source


@macros.register
def cards(page: PageContext) -> Macro:
    return partial(generated.cards, page.renderer)


@macros.register
def timeline(page: PageContext) -> Macro:
    return partial(generated.timeline, page.renderer)


@macros.register
def sources_list(page: PageContext) -> Macro:
    return partial(generated.sources_list, page.renderer)


@macros.register
def figures_appendix(page: PageContext) -> Macro:
    return partial(generated.figures_appendix, page.renderer, page.usage, page.anchored_keys,
                   page.site_url)


@macros.register
def conflict(page: PageContext) -> Macro:
    return partial(generated.conflict, page.renderer)


@macros.register
def conflicts_list(page: PageContext) -> Macro:
    return partial(generated.conflicts_list, page.renderer)


@macros.register
def conflicts_summary(page: PageContext) -> Macro:
    return partial(generated.conflicts_summary, page.renderer)


@macros.register
def glossary(page: PageContext) -> Macro:
    return partial(generated.glossary, page.renderer)


@macros.register
def open_questions(page: PageContext) -> Macro:
    return partial(generated.open_questions, page.renderer)


@macros.register
def corrections_list(page: PageContext) -> Macro:
    return partial(generated.corrections_list, page.renderer)


@macros.register
def changes_list(page: PageContext) -> Macro:
    return partial(generated.changes_list, page.renderer)


@macros.register
def reporting_as_of(page: PageContext) -> Macro:
    return partial(generated.reporting_as_of, page.renderer)


@macros.register
def sources_account(page: PageContext) -> Macro:
    return partial(generated.sources_account, page.renderer)


@macros.register
def downloads(page: PageContext) -> Macro:
    return partial(generated.downloads, page.renderer)


@macros.register
def data_dictionary(page: PageContext) -> Macro:
    return partial(data_page_dictionary, page.renderer, page.site_url)


@macros.register
def bar_chart(page: PageContext) -> Macro:
    return partial(charts.bar_chart, page.renderer)


@macros.register
def timeline_chart(page: PageContext) -> Macro:
    return partial(charts.timeline_chart, page.renderer)


@macros.register
def print_list(page: PageContext) -> Macro:
    return partial(generated.print_list, page.renderer)
