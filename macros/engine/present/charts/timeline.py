"""A vertical timeline: dated figures placed on one linear scale, vague dates over the days they
can mean, periods as bands; a long quiet gap is cut out of the axis and labelled with its length."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

from ...catalogue import told
from ...dates import PartialDate
from ...format.values import format_partial_date
from ..html import PageRenderer, provenance
from . import frame
from .svg import FONT_SIZE, SMALL_SIZE, element, group, line_height, text_lines, titled, wrap

WIDTH = 360
AXIS_X = 84
RANGE_X = AXIS_X + 8     # vague dates: a bracket right of the axis
SPAN_X = AXIS_X - 16     # periods: a band left of the axis
MONTH_X = AXIS_X - 22    # right edge of the month names
LABEL_X = AXIS_X + 30
DAY = 7                 # user units per day, the same on every stretch of axis
MAX_DRAWN = 560         # when the drawn stretches hold more days, every day gets less height
BREAK_DAYS = 45         # a longer quiet gap breaks the axis
BREAK_HEIGHT = 40
BLOCK_GAP = 8
POINT_RADIUS = 5
MARK_WIDTH = 8
MACRO = "timeline_chart"


@dataclass(frozen=True)
class Item:
    """One thing on the timeline: a day (point), a vague date (range) or a period (span)."""

    shape: str
    first: dt.date
    last: dt.date
    when: str           # the date as shown (short form)
    when_long: str      # the date as described
    name: str
    tooltip: str
    key: str


def timeline_chart(r: PageRenderer, keys: list[str], title: str,
                   names: list[str] | None = None, spans: list[dict] | None = None) -> str:
    """Date figures on a vertical time axis, earliest at the top.

    `names`: short names per key (default: the figures' labels); `spans`: periods, each
    {"start": date key, "length": duration key (days or weeks), "name": "..."}.
    """
    figs = frame.figures(r, keys, MACRO, kinds={"date"})
    labels = frame.names_for(figs, names, MACRO)
    items = [_event(r, fig, label) for fig, label in zip(figs, labels, strict=True)]
    span_figs = []
    for span in spans or []:
        item, used = _span(r, span)
        items.append(item)
        span_figs += used
    items.sort(key=lambda item: (item.first, item.last))
    segments = _segments(items)
    drawing = _draw(segments)
    gaps = [_gap_text(before, after) for before, after in pairwise(segments)]
    description = ("Timeline, earliest first, on one scale. " + "; ".join(
        f"{item.when_long}: {item.name}" for item in items) + "."
        + "".join(f" The axis leaves out {gap}." for gap in gaps))
    in_order = sorted(figs, key=lambda fig: PartialDate.sort_key(fig.value))  # the data table
    return frame.render(r, "timeline", title, description, drawing, [*in_order, *span_figs],
                        note=_legend(items, segments))


def _event(r: PageRenderer, fig, name: str) -> Item:
    if fig.value.precision == "none":
        raise frame.chart_error(MACRO, *told("chart-undated", key=fig.key))
    first, last = fig.value.start(), fig.value.end()
    return Item("point" if first == last else "range", first, last, fig.short, fig.text, name,
                provenance(r.briefing, fig), fig.key)


def _span(r: PageRenderer, span: object) -> tuple[Item, list]:
    if not isinstance(span, dict) or set(span) != {"start", "length", "name"}:
        raise frame.chart_error(MACRO, *told("chart-span-fields"))
    start = frame.figures(r, [span["start"]], MACRO, "span start", kinds={"date"})[0]
    length = frame.figures(r, [span["length"]], MACRO, "span length", kinds={"duration"})[0]
    if start.value.precision != "day" or length.unit not in {"day", "week"}:
        raise frame.chart_error(MACRO, *told("chart-span-shape", name=span["name"]))
    days = round(length.value * (7 if length.unit == "week" else 1))
    first = start.value.start()
    item = Item("span", first, first + dt.timedelta(days=days - 1),
                f"{start.short}, {length.short}", f"from {start.text}, {length.text}",
                str(span["name"]), provenance(r.briefing, start) + " "
                + provenance(r.briefing, length), start.key)
    return item, [start, length]


def _segments(items: list[Item]) -> list[list[Item]]:
    """Runs of items separated by quiet gaps longer than BREAK_DAYS."""
    segments: list[list[Item]] = []
    end = None
    for item in items:
        if end is None or (item.first - end).days > BREAK_DAYS:
            segments.append([])
            end = item.last
        segments[-1].append(item)
        end = max(end, item.last)
    return segments


def _days(items: list[Item]) -> int:
    return (max(i.last for i in items) - min(i.first for i in items)).days + 1


def _gap(before: list[Item], after: list[Item]) -> tuple[dt.date, dt.date]:
    """The first and last day left out between two stretches of axis."""
    return (max(i.last for i in before) + dt.timedelta(days=1),
            min(i.first for i in after) - dt.timedelta(days=1))


def _length(days: int) -> str:
    """'about 11 months', '7 weeks': the length of a gap in the largest fitting unit."""
    if days >= 60:
        return f"about {round(days / 30.44)} months"
    return f"{round(days / 7)} weeks" if days >= 14 else f"{days} days"


def _gap_text(before: list[Item], after: list[Item]) -> str:
    first, last = _gap(before, after)
    return (f"{_length((last - first).days + 1)}, "
            f"{format_partial_date(PartialDate(first.year, first.month, first.day), short=True)}"
            f" to {format_partial_date(PartialDate(last.year, last.month, last.day), short=True)}")


class _Scale:
    """Days to y within one segment; every segment shares one number of units per day."""

    def __init__(self, items: list[Item], top: float, per_day: float) -> None:
        self.first = min(i.first for i in items)
        self.last = max(i.last for i in items)
        self.per_day = per_day
        self.top = top
        self.bottom = top + ((self.last - self.first).days + 1) * per_day

    def y(self, day: dt.date) -> float:
        """Top edge of a day."""
        return self.top + (day - self.first).days * self.per_day


def _draw(segments: list[list[Item]]) -> frame.Drawing:
    layers = {name: [] for name in ("axis", "ticks", "marks", "leaders", "when", "names",
                                    "months")}
    per_day = min(DAY, MAX_DRAWN / sum(_days(items) for items in segments))
    top, label_bottom, axis_bottom = float(FONT_SIZE), 0.0, None
    for before, items in zip([None, *segments], segments, strict=False):
        if axis_bottom is not None:
            gap_top = max(axis_bottom, label_bottom - BLOCK_GAP)
            top = gap_top + BREAK_HEIGHT
            layers["axis"].append(_break(axis_bottom, top))
            first, last = _gap(before, items)
            layers["months"].append(text_lines(
                [f"{_length((last - first).days + 1)} left out"], LABEL_X,
                gap_top + BREAK_HEIGHT / 2 + SMALL_SIZE * 0.35, SMALL_SIZE))
        scale = _Scale(items, top, per_day)
        axis_bottom = scale.bottom
        layers["axis"].append(element("line", x1=AXIS_X, y1=scale.top, x2=AXIS_X,
                                      y2=scale.bottom, cls="chart-axis"))
        _months(scale, layers)
        label_bottom = _items(items, scale, max(label_bottom, scale.top - FONT_SIZE), layers)
    body = ("".join(layers["axis"]) + group("".join(layers["ticks"]), "chart-axis")
            + group("".join(layers["leaders"]), "chart-guide")
            + group("".join(layers["marks"]), "chart-marks")
            + group("".join(layers["months"]), "chart-text chart-note", SMALL_SIZE)
            + group("".join(layers["when"]), "chart-text", FONT_SIZE, bold=True)
            + group("".join(layers["names"]), "chart-text", SMALL_SIZE))
    return frame.Drawing(WIDTH, max(axis_bottom, label_bottom) + POINT_RADIUS, body)


def _break(y1: float, y2: float) -> str:
    """A dotted stretch of axis with a double slash: time left out."""
    middle = (y1 + y2) / 2
    slash = " ".join(f"M{AXIS_X - 7} {middle + dy + 3:.1f} L{AXIS_X + 7} {middle + dy - 3:.1f}"
                     for dy in (-3, 3))
    return (element("line", x1=AXIS_X, y1=y1, x2=AXIS_X, y2=y2, cls="chart-axis chart-break")
            + element("path", d=slash, cls="chart-axis"))


def _months(scale: _Scale, layers: dict) -> None:
    """The segment's month at its top, and a tick and name at the start of each later month.

    The axis names months only: a day there ('21 Jan 2026', where a vague date's range starts)
    would read like an event's date."""
    head = PartialDate(scale.first.year, scale.first.month)
    layers["months"].append(text_lines([format_partial_date(head, short=True)], MONTH_X,
                                       scale.top + SMALL_SIZE * 0.8, SMALL_SIZE, "end"))
    month = dt.date(scale.first.year, scale.first.month, 1)
    while True:
        month = (month + dt.timedelta(days=32)).replace(day=1)
        if month > scale.last:
            break
        y = scale.y(month)
        layers["ticks"].append(element("line", x1=MONTH_X + 4, y1=y, x2=AXIS_X, y2=y))
        layers["months"].append(text_lines([format_partial_date(
            PartialDate(month.year, month.month), short=True)], MONTH_X,
            y + SMALL_SIZE * 0.35, SMALL_SIZE, "end"))


def _items(items: list[Item], scale: _Scale, floor: float, layers: dict) -> float:
    """Draw a segment's marks and labels; labels move down to clear each other."""
    bottom = floor
    for item in items:
        y1, y2 = scale.y(item.first), scale.y(item.last) + scale.per_day
        anchor = y1 + min(scale.per_day, y2 - y1) / 2
        if item.shape == "point":
            layers["marks"].append(titled("circle", item.tooltip, cx=AXIS_X, cy=anchor,
                                          r=POINT_RADIUS, cls="chart-point", data_key=item.key))
        else:
            x = RANGE_X if item.shape == "range" else SPAN_X
            layers["marks"].append(titled("rect", item.tooltip, x=x, y=y1, width=MARK_WIDTH,
                                          height=max(y2 - y1, MARK_WIDTH), rx=2,
                                          cls=f"chart-{item.shape}", data_key=item.key))
        lines = wrap(item.name, WIDTH - LABEL_X, SMALL_SIZE)
        top = max(anchor - FONT_SIZE * 0.7, bottom)
        first_baseline = top + FONT_SIZE
        layers["when"].append(text_lines([item.when], LABEL_X, first_baseline))
        layers["names"].append(text_lines(lines, LABEL_X, first_baseline + line_height(SMALL_SIZE),
                                          SMALL_SIZE))
        mid = top + FONT_SIZE * 0.65
        start = AXIS_X + POINT_RADIUS if item.shape != "range" else RANGE_X + MARK_WIDTH
        layers["leaders"].append(element(
            "path", d=f"M{start + 3} {anchor:.1f} L{LABEL_X - 10} {mid:.1f} "
                      f"L{LABEL_X - 4} {mid:.1f}"))
        bottom = first_baseline + len(lines) * line_height(SMALL_SIZE) + BLOCK_GAP
    return bottom


def _legend(items: list[Item], segments: list) -> str:
    shapes = {item.shape for item in items}
    parts = [text for shape, text in (
        ("point", "a dot marks a day"),
        ("range", "a bar right of the axis marks a date known only to part of a month, "
                  "a month or a year"),
        ("span", "a band left of the axis marks a period")) if shape in shapes]
    if len(segments) > 1:
        parts.append("every day has the same height, except where a dotted stretch of axis "
                     "leaves out a long quiet gap, labelled with its length")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""
