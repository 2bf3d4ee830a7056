"""Share cards: 1200 x 630 PNGs with text drawn, small and the same in every build."""

from PIL import Image, ImageChops, ImageDraw

from macros.engine.export.cards import SIZE, Card, CardStyle, fitted, write_card

SITE = "Alibaba's AI push in figures"
CARD = Card("Campaign: the Qwen Lunar New Year push", SITE, "3 billion yuan",
            "Qwen Lunar New Year campaign budget", "As of 2 February 2026", "Stock news, 3 Feb")


def ink(path) -> int:
    """How many pixels differ from the background."""
    image = Image.open(path).convert("RGB")
    blank = Image.new("RGB", SIZE, CardStyle().background)
    return sum(ImageChops.difference(image, blank).convert("L").histogram()[41:])


def test_card_is_a_small_png_with_text(tmp_path):
    path = write_card(CARD, tmp_path / "campaign.png")
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
    assert path.stat().st_size < 60_000
    bars = ink(write_card(Card("", ""), tmp_path / "bare.png"))
    assert ink(path) > bars + 20_000


def test_the_figure_is_drawn_and_output_is_deterministic(tmp_path):
    with_figure = write_card(CARD, tmp_path / "a.png")
    without = write_card(Card(CARD.title, SITE), tmp_path / "b.png")
    assert ink(with_figure) > ink(without) + 5_000
    assert write_card(CARD, tmp_path / "c.png").read_bytes() == with_figure.read_bytes()


def test_the_figure_note_and_a_description_are_drawn(tmp_path):
    no_note = Card(CARD.title, SITE, CARD.figure_value, CARD.figure_label)
    assert ink(write_card(CARD, tmp_path / "a.png")) > ink(write_card(no_note, tmp_path / "b.png")) + 2_000
    assert CARD.provenance == "As of 2 February 2026 \u00b7 Stock news, 3 Feb"
    described = Card("Glossary", SITE, description="The names and terms used in the briefing.")
    path = write_card(described, tmp_path / "d.png")
    assert ink(path) > ink(write_card(Card("Glossary", SITE), tmp_path / "e.png")) + 5_000
    assert write_card(described, tmp_path / "f.png").read_bytes() == path.read_bytes()


def test_a_long_title_is_cut_to_two_lines_that_fit():
    draw = ImageDraw.Draw(Image.new("RGB", SIZE))
    font, lines = fitted(draw, " ".join(["word"] * 80), CardStyle().bold, range(64, 39, -4),
                         1000, 2)
    assert font.size == 40 and len(lines) == 2 and lines[-1].endswith("\u2026")
    assert all(draw.textlength(line, font=font) <= 1000 for line in lines)
    font, lines = fitted(draw, "Competition", CardStyle().bold, range(64, 39, -4), 1000, 2)
    assert (font.size, lines) == (64, ["Competition"])
