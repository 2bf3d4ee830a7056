"""Share cards: a 1200 x 630 PNG per page (title, one key figure with its date and source, or
else the page's description, the site name), drawn with
Pillow in the site's light deep-orange palette with Debian's DejaVu fonts (fonts-dejavu-core),
so a build needs no network. The same input always gives the same bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 72
FONTS = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Card:
    """What a card shows: a figure under the title (its value, label and a line saying as of
    when and from where), or, without one, the page's description."""

    title: str
    site_name: str
    figure_value: str = ""
    figure_label: str = ""
    figure_as_of: str = ""          # 'As of 2 February 2026'
    figure_source: str = ""         # 'Stock news, 3 Feb', or 'Computed by this site'
    description: str = ""

    @property
    def provenance(self) -> str:
        """The line under the figure's label: 'As of 2 February 2026 · Stock news, 3 Feb'."""
        return " \u00b7 ".join(filter(None, (self.figure_as_of, self.figure_source)))


@dataclass(frozen=True)
class CardStyle:
    background: str = "#fffaf7"
    band: str = "#ff5722"          # Material's deep orange, the theme's primary
    title: str = "#212121"
    value: str = "#d84315"
    label: str = "#4e4e4e"
    provenance: str = "#6b6b6b"
    site: str = "#bf360c"
    regular: Path = FONTS / "DejaVuSans.ttf"
    bold: Path = FONTS / "DejaVuSans-Bold.ttf"
    colours: int = 64              # palette size of the written PNG


def wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
            width: int) -> list[str]:
    """`text` broken into lines no wider than `width` (a word wider than that stays whole)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fitted(draw: ImageDraw.ImageDraw, text: str, font_path: Path, sizes: range, width: int,
           max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size in `sizes` at which `text` fits `max_lines` lines; at the smallest,
    the last line ends with an ellipsis."""
    for size in sizes:
        font = ImageFont.truetype(str(font_path), size)
        lines = wrapped(draw, text, font, width)
        if len(lines) <= max_lines and all(draw.textlength(x, font=font) <= width for x in lines):
            return font, lines
    lines = lines[:max_lines]
    while draw.textlength(lines[-1] + "\u2026", font=font) > width and " " in lines[-1]:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += "\u2026"
    return font, lines


def draw_lines(draw: ImageDraw.ImageDraw, lines: list[str], font: ImageFont.FreeTypeFont,
               top: int, colour: str, spacing: float = 1.2) -> int:
    """Draws `lines` from `top` down; returns the y below the last one."""
    step = round(font.size * spacing)
    for n, line in enumerate(lines):
        draw.text((MARGIN, top + n * step), line, font=font, fill=colour)
    return top + len(lines) * step


def card_image(card: Card, style: CardStyle = CardStyle()) -> Image.Image:
    image = Image.new("RGB", SIZE, style.background)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], 14), fill=style.band)
    draw.rectangle((0, SIZE[1] - 6, SIZE[0], SIZE[1]), fill=style.band)
    site_font = ImageFont.truetype(str(style.bold), 30)
    draw.text((MARGIN, 58), card.site_name, font=site_font, fill=style.site)
    font, lines = fitted(draw, card.title, style.bold, range(64, 39, -4), width, 2)
    y = draw_lines(draw, lines, font, 118, style.title)
    if card.figure_value:
        draw_figure(draw, card, style, y, width)
    elif card.description:
        draw_description(draw, card.description, style, y, width)
    return image


def draw_figure(draw: ImageDraw.ImageDraw, card: Card, style: CardStyle, below: int,
                width: int) -> None:
    """The figure at the card's foot (never closer than 66 px to the title ending at `below`):
    its value, its label and the line saying as of when and from where."""
    value_font, values = fitted(draw, card.figure_value, style.bold, range(88, 47, -8), width, 1)
    label_font, labels = fitted(draw, card.figure_label, style.regular, range(32, 25, -2),
                                width, 2)
    note = card.provenance
    note_font, notes = fitted(draw, note, style.regular, range(28, 21, -2), width, 1)
    height = (round(value_font.size * 1.15) + 6 + len(labels) * round(label_font.size * 1.3)
              + (8 + round(note_font.size * 1.3) if note else 0))
    top = max(below + 66, SIZE[1] - 58 - height)
    draw.rectangle((MARGIN, top - 32, MARGIN + 96, top - 26), fill=style.band)
    y = draw_lines(draw, values, value_font, top, style.value, spacing=1.15)
    y = draw_lines(draw, labels, label_font, y + 6, style.label, spacing=1.3)
    if note:
        draw_lines(draw, notes, note_font, y + 8, style.provenance, spacing=1.3)


def draw_description(draw: ImageDraw.ImageDraw, text: str, style: CardStyle, below: int,
                     width: int) -> None:
    """A card without a figure: the page's description at its foot, in at most three lines."""
    font, lines = fitted(draw, text, style.regular, range(36, 27, -2), width, 3)
    top = max(below + 66, SIZE[1] - 64 - len(lines) * round(font.size * 1.35))
    draw.rectangle((MARGIN, top - 32, MARGIN + 96, top - 26), fill=style.band)
    draw_lines(draw, lines, font, top, style.label, spacing=1.35)


def write_card(card: Card, path: Path, style: CardStyle = CardStyle()) -> Path:
    """Writes the card as a palette PNG at `path`: the fast octree quantizer and zlib's default
    level take a tenth of the time of median cut with Pillow's `optimize`, for a tenth more
    bytes (about 15 kB a card)."""
    image = card_image(card, style).quantize(colors=style.colours,
                                             method=Image.Quantize.FASTOCTREE,
                                             dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG")
    return path
