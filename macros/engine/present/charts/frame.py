"""What every chart shares: argument checks, the accessible <svg> root, caption and data table."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...catalogue import told
from ...dates import PartialDate
from ...derive.briefing import ResolvedFigure
from ...errors import BriefingError
from ...format.values import format_partial_date
from ...kinds import NUMERIC_KINDS
from ..html import DATA_DIR, PageRenderer
from ..markup import escape, html_block
from ..markup import render as render_template
from .svg import element, num


@dataclass(frozen=True)
class Drawing:
    """The marks of a chart and the size of the area they need (user units)."""

    width: float
    height: float
    body: str


def chart_error(macro: str, problem: str, hint: str) -> BriefingError:
    """A catalogue message (`told`), after the chart macro's name."""
    return BriefingError(f"{macro}(): {problem}", key=macro, hint=hint)


def figures(r: PageRenderer, keys: object, macro: str, argument: str = "keys",
            kinds: Iterable[str] | None = None) -> list[ResolvedFigure]:
    """The figures for a list of keys, checked to be a non-empty list of the allowed kinds."""
    if not isinstance(keys, list | tuple) or not keys:
        raise chart_error(macro, *told("chart-keys-not-list", argument=argument))
    found = [r.briefing.figure(key) for key in keys]
    allowed = set(kinds) if kinds is not None else None
    for fig in found:
        if allowed is not None and fig.kind not in allowed:
            raise chart_error(macro, *told("chart-figure-kind", key=fig.key, kind=fig.kind,
                                           argument=argument, kinds=" or ".join(sorted(allowed))))
    return found


def numeric(r: PageRenderer, keys: object, macro: str, argument: str = "keys"):
    return figures(r, keys, macro, argument, kinds=NUMERIC_KINDS)


def one_unit(figs: Sequence[ResolvedFigure], macro: str) -> None:
    """Marks drawn on one scale must measure one thing in one unit."""
    units = {(f.kind, f.unit_label) for f in figs}
    if len(units) > 1:
        shown = ", ".join(f"{f.key} ({f.kind} {f.unit_label})".replace(" )", ")") for f in figs)
        raise chart_error(macro, *told("chart-units-mixed", shown=shown))


def positive(figs: Sequence[ResolvedFigure], macro: str) -> None:
    """Lengths and areas are drawn from zero, so every value must be above it."""
    for fig in figs:
        if not fig.value > 0:
            raise chart_error(macro, *told("chart-not-positive", key=fig.key, text=fig.text))


def parallel(r: PageRenderer, keys: object, count: int, macro: str, argument: str,
             kinds: Iterable[str] | None = None) -> list[ResolvedFigure | None]:
    """An optional list of keys, one per plotted figure; empty entries ("" or None) are allowed."""
    if keys is None:
        return [None] * count
    if not isinstance(keys, list | tuple) or len(keys) != count:
        raise chart_error(macro, *told("chart-keys-per-figure", argument=argument, count=count))
    chosen = [k for k in keys if k]
    found = iter(figures(r, chosen, macro, argument, kinds) if chosen else [])
    return [next(found) if k else None for k in keys]


def names_for(figs: Sequence[ResolvedFigure], names: object, macro: str) -> list[str]:
    """Display names: the page's own short names (a list, "" for none), else the figures'
    labels."""
    if names is None:
        return [fig.label for fig in figs]
    if not isinstance(names, list | tuple) or len(names) != len(figs) or not all(
            isinstance(v, str) for v in names):
        raise chart_error(macro, *told("chart-names-per-figure", count=len(figs)))
    return [name.strip() or fig.label for name, fig in zip(names, figs, strict=True)]


def agrees(stated: float, drawn: float, tolerance: float = 0.01) -> bool:
    """A labelled number matches what the marks show (relative tolerance)."""
    return abs(stated - drawn) <= tolerance * max(abs(drawn), 1e-12)


def plain_text(text: str) -> str:
    """A title built with short() or value() as plain text: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


def chart_id(kind: str, title: str, keys: Iterable[str]) -> str:
    """A stable id, unique for each chart's kind, title and figures."""
    digest = hashlib.sha1("|".join([kind, title, *keys]).encode()).hexdigest()[:8]
    return f"chart-{kind}-{digest}"


def _as_of_line(figs: Sequence[ResolvedFigure]) -> str:
    dates = sorted({f.as_of for f in figs if f.as_of.precision != "none"},
                   key=PartialDate.sort_key)
    undated = " Some figures are undated." if len(dates) < len({f.as_of for f in figs}) else ""
    if not dates:
        return "The figures are undated."
    if len(dates) == 1:
        return f"As of {format_partial_date(dates[0])}.{undated}"
    spans = {d: (d.start(), d.end()) for d in dates}
    covering = [d for d, (a, b) in spans.items()
                if all(a <= x and y <= b for x, y in spans.values())]
    if covering:   # '2 February' and 'early February': all within early February
        return (f"As of {format_partial_date(covering[0])}; the table gives each figure's "
                f"date.{undated}")
    first = min(dates, key=lambda d: spans[d][0])
    last = max(dates, key=lambda d: spans[d][1])
    return (f"As of dates from {format_partial_date(first)} to {format_partial_date(last)}; "
            f"the table gives each one.{undated}")


def render(r: PageRenderer, kind: str, title: str, description: str, drawing: Drawing,
           figs: Sequence[ResolvedFigure | None], note: str = "") -> str:
    """The chart as a raw HTML block: caption, SVG (titled, described), source line, data table."""
    if not isinstance(title, str) or not title.strip():
        raise chart_error(f"{kind}_chart", *told("chart-title"))
    title = plain_text(title)
    shown = list({f.key: f for f in figs if f is not None}.values())
    cid = chart_id(kind, title, [f.key for f in shown])
    svg = element(
        "svg",
        element("title", escape(title), id=f"{cid}-title")
        + element("desc", escape(description), id=f"{cid}-desc") + drawing.body,
        cls=f"chart-svg chart-{kind}",
        viewBox=f"0 0 {num(drawing.width)} {num(drawing.height)}",
        role="img", aria_labelledby=f"{cid}-title {cid}-desc")
    sources = dict.fromkeys(s for f in shown for s in f.sources)
    r.charts[cid] = tuple(f.key for f in shown)  # for the chart's data download
    rows = [{"label": f.label, "button": Markup(r.fig(f.key)),
             "as_of": format_partial_date(f.as_of, short=True)} for f in shown]
    return html_block(render_template(
        "chart.html", id=cid, title=title, note=note, svg=Markup(svg), rows=rows,
        sources=[{"href": r.source_href(sid), "name": r.briefing.source(sid).name}
                 for sid in sources],
        as_of=_as_of_line(shown), download_href=f"{r.page_href(DATA_DIR)}charts/{cid}.csv"))
