"""SVG building blocks shared by the charts: coordinates, elements, text measured and wrapped.

Text cannot be measured at build time, so widths are estimated from Helvetica/Arial
metrics (the fonts Material's system font stack resolves to) with a safety margin.
"""

from __future__ import annotations

from ..markup import escape

FONT_SIZE = 14.5        # names and values
SMALL_SIZE = 13.5       # notes, dates on axes
LINE_HEIGHT = 1.3       # multiple of the font size
BOLD_FACTOR = 1.1       # bold glyphs are wider
SAFETY = 1.05
_WIDTHS = {ch: width for chars, width in (
    ("'", 191), ("ijl‘’", 222), ("|", 260), (" \u00a0!,./:;I[\\]ft", 278), ("()-`r", 333),
    ("{}", 334), ('"', 355), ("*", 389), ("^", 469), ("Jcksvxyz", 500),
    ("#$0123456789?_abdeghnopquL–€", 556), ("+<=>~×", 584), ("FTZ", 611),
    ("&ABEKPSVXY", 667), ("CDHNRUw", 722), ("GOQ", 778), ("Mm", 833), ("%", 889),
    ("W", 944), ("—", 1000), ("@", 1015)) for ch in chars}
_DEFAULT_WIDTH = 600


def num(value: float) -> str:
    """A coordinate rounded to one decimal, without a trailing '.0'."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def element(tag: str, content: str = "", **attrs: object) -> str:
    """<tag attrs>content</tag>; `cls` becomes class, underscores become hyphens."""
    parts = [tag]
    for name, value in attrs.items():
        if value is None:
            continue
        name = "class" if name == "cls" else name.rstrip("_").replace("_", "-")
        shown = num(value) if isinstance(value, int | float) else escape(value)
        parts.append(f'{name}="{shown}"')
    return f"<{' '.join(parts)}>{content}</{tag}>"


def titled(tag: str, tooltip: str, **attrs: object) -> str:
    """A mark with its own <title> (the tooltip giving what it is, its source and date)."""
    return element(tag, element("title", escape(tooltip)), **attrs)


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """Estimated width of a line of text in user units."""
    per_mille = sum(_WIDTHS.get(ch, _DEFAULT_WIDTH) for ch in text)
    return per_mille / 1000 * size * SAFETY * (BOLD_FACTOR if bold else 1)


def wrap(text: str, width: float, size: float = FONT_SIZE, bold: bool = False) -> list[str]:
    """Greedy word wrap to an estimated width; a word longer than the width keeps its own line."""
    lines: list[str] = []
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def line_height(size: float = FONT_SIZE) -> float:
    return size * LINE_HEIGHT


def text_lines(lines: list[str], x: float, y: float, size: float = FONT_SIZE,
               anchor: str | None = None) -> str:
    """One <text> per line, the first baseline at y."""
    step = line_height(size)
    return "".join(element("text", escape(line), x=x, y=y + i * step, text_anchor=anchor)
                   for i, line in enumerate(lines))


def group(content: str, cls: str, size: float | None = None, bold: bool = False) -> str:
    """A <g> carrying the class (colours come from stylesheets/site.css) and the font of its texts."""
    return element("g", content, cls=cls, font_size=size, font_weight="bold" if bold else None)
