"""A part against its whole: a grid of a hundred squares, the part filled in to scale."""

from __future__ import annotations

import math

from ..html import PageRenderer, provenance
from ..markup import escape
from . import frame
from .svg import FONT_SIZE, element, group, line_height, text_lines, titled, wrap

WIDTH = 360
COLUMNS, ROWS = 20, 5
CELLS_IN_WORDS = "a hundred"      # COLUMNS * ROWS, as the description says it
EACH_CELL = "one hundredth"
CELL_GAP = 2
SWATCH = 12
GAP = 8
MACRO = "share_chart"


def share_chart(r: PageRenderer, part: str, whole: str, title: str, share: str | None = None,
                names: list[str] | None = None, share_name: str | None = None) -> str:
    """`part` filled into a grid standing for `whole` (same kind and unit).

    `share`: a percent figure stating the part's share, checked against the drawing;
    `names`: short names for [part, whole]; `share_name`: a short name for the share.
    """
    figs = frame.numeric(r, [part, whole], MACRO, "part and whole")
    frame.one_unit(figs, MACRO)
    frame.positive(figs, MACRO)
    part_fig, whole_fig = figs
    fraction = part_fig.value / whole_fig.value
    if fraction > 1:
        raise frame.chart_error(MACRO, f"{part} is larger than {whole}",
                                "the part must be at most the whole")
    share_fig = None
    if share:
        share_fig = frame.figures(r, [share], MACRO, "share", kinds={"percent"})[0]
        if not frame.agrees(share_fig.value / 100, fraction):
            raise frame.chart_error(
                MACRO, f"share {share} = {share_fig.text} does not match {part} / {whole}",
                "give the percent figure computed from the same part and whole")
    part_name, whole_name = frame.names_for(figs, names, MACRO)
    legend = [(frame.labelled(whole_name, whole_fig), "chart-cell"),
              (frame.labelled(part_name, part_fig), "chart-cell--part")]
    share_label = share_name or (share_fig.label if share_fig else "")
    statement = frame.labelled(share_label, share_fig) if share_fig else ""
    drawing = _draw(r, part_fig, whole_fig, fraction, legend, statement)
    stated = f": {frame.labelled(share_label, share_fig, long=True)}" if share_fig else ""
    description = (f"Part-of-whole chart. {whole_name}, {whole_fig.text}, is drawn as "
                   f"{CELLS_IN_WORDS} squares; {part_name}, {part_fig.text}, fills its share of "
                   f"them to scale{stated}.")
    return frame.render(r, "share", title, description, drawing,
                        [part_fig, whole_fig, share_fig],
                        note=f"Each square is {EACH_CELL} of the whole, {whole_fig.text}.")


def _draw(r, part_fig, whole_fig, fraction, legend, statement) -> frame.Drawing:
    texts, swatches = [], []
    y = 0.0
    for text, cls in legend:
        lines = wrap(text, WIDTH - SWATCH - GAP)
        swatches.append(element("rect", x=0, y=y + FONT_SIZE - SWATCH + 1, width=SWATCH,
                                height=SWATCH, cls=cls))
        texts.append(text_lines(lines, SWATCH + GAP, y + FONT_SIZE))
        y += len(lines) * line_height() + GAP / 2
    bold = ""
    if statement:
        lines = wrap(statement, WIDTH, bold=True)
        bold = group(text_lines(lines, 0, y + FONT_SIZE), "chart-text", FONT_SIZE, bold=True)
        y += len(lines) * line_height() + GAP / 2
    y += GAP / 2
    cell = (WIDTH - (COLUMNS - 1) * CELL_GAP) / COLUMNS
    pitch = cell + CELL_GAP
    grid_height = ROWS * pitch - CELL_GAP
    pattern_id = f"cells-{part_fig.key}-{whole_fig.key}".replace(".", "-")
    pattern = element("pattern", element("rect", width=cell, height=cell, cls="chart-cell"),
                      id=pattern_id, width=pitch, height=pitch, patternUnits="userSpaceOnUse",
                      x=0, y=y)
    grid = titled("rect", provenance(r.briefing, whole_fig), x=0, y=y, width=WIDTH,
                  height=grid_height, fill=f"url(#{pattern_id})", data_key=whole_fig.key)
    filled = fraction * COLUMNS * ROWS
    cells = []
    for index in range(math.ceil(filled)):
        row, column = divmod(index, COLUMNS)
        width = cell * min(1.0, filled - index)
        cells.append(element("rect", x=column * pitch, y=y + row * pitch, width=width,
                             height=cell))
    part = element("g", element("title", escape(provenance(r.briefing, part_fig))) + "".join(cells),
                   cls="chart-cell--part", data_key=part_fig.key)
    body = (group("".join(swatches), "chart-marks") + group("".join(texts), "chart-text",
                                                              FONT_SIZE)
            + bold + element("defs", pattern) + grid + part)
    return frame.Drawing(WIDTH, y + grid_height + 1, body)
