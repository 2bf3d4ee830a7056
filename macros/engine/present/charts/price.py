"""Price readings over time: a point per dated observation, joined, each with its change."""

from __future__ import annotations

import itertools

from ...format.values import format_partial_date
from ..html import PageRenderer, provenance
from . import frame
from .svg import FONT_SIZE, SMALL_SIZE, element, group, line_height, text_lines, text_width, titled, wrap

WIDTH = 360
PLOT_TOP = 30
PLOT_HEIGHT = 110
INSET = 95            # distance of the first and last points from the edges
NOTE_WIDTH = 170      # wrap width of the texts under each point
MIN_SPAN = 0.1        # the vertical scale covers at least this fraction of the highest value
POINT_RADIUS = 5
GAP = 10
MACRO = "price_chart"
SCALE_NOTE = ("Points are placed by date. The vertical scale covers a tenth of the highest "
              "value or more and does not start at zero.")


def price_chart(r: PageRenderer, keys: list[str], title: str, changes: list[str] | None = None,
                change_names: list[str] | None = None, between: list[str] | None = None,
                between_names: list[str] | None = None) -> str:
    """Readings of one price at their as-of dates (in date order), with the reported changes.

    `changes`: per reading, a figure for the change reported with it; `between`: per pair of
    consecutive readings, a figure for the change from one to the next; `*_names`: short
    names shown before those figures.
    """
    figs = frame.numeric(r, keys, MACRO)
    frame.one_unit(figs, MACRO)
    frame.positive(figs, MACRO)
    days = [fig.as_of.start() for fig in figs]
    if any(fig.as_of.precision == "none" for fig in figs) or any(
            later <= earlier for earlier, later in itertools.pairwise(days)):
        raise frame.chart_error(MACRO, "the readings must have different as-of dates, listed "
                                "earliest first", "order the keys by their as_of dates")
    count, pairs = len(figs), "pair of consecutive readings"
    reported = frame.parallel(r, changes, count, MACRO, "changes")
    reported_names = frame.texts(change_names, count, MACRO, "change_names")
    moves = frame.parallel(r, between, count - 1, MACRO, "between", per=pairs)
    move_names = frame.texts(between_names, count - 1, MACRO, "between_names", per=pairs)
    points = _positions(figs, days)
    drawing = _draw(r, figs, points, reported, reported_names, moves, move_names)
    dates = [format_partial_date(fig.as_of) for fig in figs]
    description = " ".join(
        [f"Line chart of {count} readings in date order."]
        + [f"{date}: {fig.text}" + (f" ({frame.labelled(name, change, long=True)})."
                                    if change else ".")
           for date, fig, change, name in zip(dates, figs, reported, reported_names, strict=True)]
        + [f"From {dates[i]} to {dates[i + 1]}: {frame.labelled(name, move, long=True)}."
           for i, (move, name) in enumerate(zip(moves, move_names, strict=True)) if move])
    return frame.render(r, "price", title, description, drawing, [*figs, *reported, *moves],
                        note=SCALE_NOTE)


def _positions(figs, days) -> list[tuple[float, float]]:
    """x by date between the insets; y linear in value, the range centred in the plot."""
    first, last = days[0], days[-1]
    values = [fig.value for fig in figs]
    span = max(max(values) - min(values), MIN_SPAN * max(values))
    high = (max(values) + min(values) + span) / 2
    out = []
    for day, value in zip(days, values, strict=True):
        share = (day - first).days / (last - first).days if last > first else 0.5
        out.append((INSET + share * (WIDTH - 2 * INSET), PLOT_TOP + (high - value) / span
                    * PLOT_HEIGHT))
    return out


def _draw(r, figs, points, reported, reported_names, moves, move_names) -> frame.Drawing:
    axis_y = PLOT_TOP + PLOT_HEIGHT + GAP
    marks, guides, prices, dates, notes = [], [], [], [], []
    for i, (fig, (x, y)) in enumerate(zip(figs, points, strict=True)):
        guides.append(element("line", x1=x, y1=y, x2=x, y2=axis_y))
        marks.append(titled("circle", provenance(r.briefing, fig), cx=x, cy=y, r=POINT_RADIUS,
                            cls="chart-point", data_key=fig.key))
        anchor, dx = (("end", -GAP) if i == 0 and len(figs) > 1 else
                      ("start", GAP) if i == len(figs) - 1 and len(figs) > 1 else ("middle", 0))
        offset = FONT_SIZE * 0.35 if anchor != "middle" else -GAP
        prices.append(text_lines([fig.short], x + dx, y + offset, anchor=anchor))
        dates.append(text_lines([format_partial_date(fig.as_of, short=True)], x,
                                axis_y + GAP + FONT_SIZE, anchor="middle"))
    lowest = axis_y + GAP + FONT_SIZE
    for (x, _), change, name in zip(points, reported, reported_names, strict=True):
        if change:
            lines = wrap(frame.labelled(name, change), NOTE_WIDTH, SMALL_SIZE)
            top = axis_y + GAP + FONT_SIZE + GAP / 2 + SMALL_SIZE
            notes.append(text_lines(lines, x, top, SMALL_SIZE, anchor="middle"))
            lowest = max(lowest, top + (len(lines) - 1) * line_height(SMALL_SIZE))
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f} {y:.1f}" for i, (x, y) in enumerate(points))
    line = element("path", d=path, cls="chart-line")
    for (x1, y1), (x2, y2), move, name in zip(points, points[1:], moves, move_names,
                                              strict=False):
        if move:
            notes.append(_between_label(frame.labelled(name, move), (x1, y1), (x2, y2)))
    body = (group("".join(guides), "chart-guide") + line
            + element("line", x1=0, y1=axis_y, x2=WIDTH, y2=axis_y, cls="chart-axis")
            + group("".join(marks), "chart-marks")
            + group("".join(prices), "chart-text", FONT_SIZE, bold=True)
            + group("".join(dates), "chart-text", FONT_SIZE)
            + group("".join(notes), "chart-text chart-note", SMALL_SIZE))
    return frame.Drawing(WIDTH, lowest + GAP, body)


def _between_label(text: str, start, end) -> str:
    """A label centred over the middle of a segment, lifted clear of the line's slope."""
    (x1, y1), (x2, y2) = start, end
    lines = wrap(text, max(x2 - x1 - 2 * GAP, NOTE_WIDTH * 0.6), SMALL_SIZE)
    half = max(text_width(line, SMALL_SIZE) for line in lines) / 2
    slope = abs(y2 - y1) / (x2 - x1)
    bottom = (y1 + y2) / 2 - slope * half - GAP
    first = max(bottom - (len(lines) - 1) * line_height(SMALL_SIZE), SMALL_SIZE)
    return text_lines(lines, (x1 + x2) / 2, first, SMALL_SIZE, anchor="middle")
