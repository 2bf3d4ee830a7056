"""Horizontal bar chart: one bar per figure, drawn to scale from zero, each labelled."""

from __future__ import annotations

from ...catalogue import told
from ..html import PageRenderer, provenance
from . import frame
from .svg import FONT_SIZE, SMALL_SIZE, group, line_height, text_lines, text_width, titled, wrap

WIDTH = 360
BAR_HEIGHT = 22
GAP = 6          # between a bar and its value, and around the bar
ROW_GAP = 18
MACRO = "bar_chart"


def bar_chart(r: PageRenderer, keys: list[str], title: str, names: list[str] | None = None,
              also: list[str] | None = None, multiples: list[str] | None = None,
              highlight: str | None = None) -> str:
    """Bars for figures of one kind and unit, with optional equivalents and multiples.

    `also`: per bar, a figure shown under it (e.g. the dollar equivalent); `multiples`: per
    bar, a ratio figure saying how many times this bar the first bar is (checked against the
    bars); `highlight`: the key of the bar to set apart in colour.
    """
    figs = frame.numeric(r, keys, MACRO)
    frame.one_unit(figs, MACRO)
    frame.positive(figs, MACRO)
    labels = frame.names_for(figs, names, MACRO)
    extras = frame.parallel(r, also, len(figs), MACRO, "also")
    ratios = frame.parallel(r, multiples, len(figs), MACRO, "multiples", kinds={"ratio"})
    if highlight is not None and highlight not in keys:
        raise frame.chart_error(MACRO, *told("chart-highlight", highlight=highlight))
    for fig, ratio in zip(figs, ratios, strict=True):
        if ratio is not None and not frame.agrees(ratio.value, figs[0].value / fig.value):
            raise frame.chart_error(MACRO, *told("chart-multiple", ratio=ratio.key,
                                                 text=ratio.text, first=figs[0].key, key=fig.key))
    drawing = _draw(r, figs, labels, _notes(extras, ratios, labels[0]), highlight)
    description = "Bar chart, bars drawn to scale from zero. " + "; ".join(
        f"{label}: {fig.text}" + (f", {note}" if note else "")
        for label, fig, note in zip(labels, figs, _notes(extras, ratios, labels[0], long=True),
                                    strict=True)) + "."
    return frame.render(r, "bar", title, description, drawing, [*figs, *extras, *ratios])


def _notes(extras, ratios, lead: str, long: bool = False) -> list[str]:
    """Under each bar: its equivalent (marked if computed) and how many times it the first is."""
    notes = []
    for extra, ratio in zip(extras, ratios, strict=True):
        parts = []
        if extra is not None:
            parts.append((extra.text if long else extra.short)
                         + (" (computed)" if extra.derived else ""))
        if ratio is not None:
            parts.append(f"{lead} is {ratio.text if long else ratio.short} this")
        notes.append((", " if long else " · ").join(parts))
    return notes


def _draw(r: PageRenderer, figs, labels, notes, highlight) -> frame.Drawing:
    top = max(fig.value for fig in figs)
    span = WIDTH - max(text_width(fig.text) for fig in figs) - 2 * GAP
    names, bars, values, small = [], [], [], []
    y = 0.0
    for fig, label, note in zip(figs, labels, notes, strict=True):
        name_lines = wrap(label, WIDTH, bold=True)
        names.append(text_lines(name_lines, 0, y + FONT_SIZE))
        y += len(name_lines) * line_height() + GAP / 2
        width = fig.value / top * span
        cls = "chart-bar" if highlight in (None, fig.key) else "chart-bar chart-bar--other"
        bars.append(titled("rect", provenance(r.briefing, fig), x=0, y=y, width=width,
                           height=BAR_HEIGHT, cls=cls, data_key=fig.key))
        values.append(text_lines([fig.text], width + GAP, y + BAR_HEIGHT / 2 + FONT_SIZE * 0.35))
        y += BAR_HEIGHT
        if note:
            note_lines = wrap(note, WIDTH, SMALL_SIZE)
            small.append(text_lines(note_lines, 0, y + GAP + SMALL_SIZE))
            y += GAP + len(note_lines) * line_height(SMALL_SIZE)
        y += ROW_GAP
    body = (group("".join(bars), "chart-marks")
            + group("".join(names), "chart-text", FONT_SIZE, bold=True)
            + group("".join(values), "chart-text", FONT_SIZE)
            + group("".join(small), "chart-text chart-note", SMALL_SIZE))
    return frame.Drawing(WIDTH, y - ROW_GAP + GAP, body)
