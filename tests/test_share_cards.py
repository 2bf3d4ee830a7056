"""Every page's share card: named in its <head> (og:image with its size and text, a large
Twitter card), written with the site under both generators, a 1200 x 630 PNG; its figure
says as of when and from where, and a page without one (or opting out) shows its
description."""

from __future__ import annotations

import html
import posixpath
import re

import pytest
from PIL import Image, ImageDraw

from conftest import ROOT
from engine_data import site_for
from macros.engine.errors import BriefingError
from macros.engine.export.cards import MARGIN, SIZE, CardStyle, fitted
from macros.engine.publication import Publication, Publisher, card_alt, card_figure, card_of

META = re.compile(r'<meta (?:property|name)="([a-z:_]+)" content="([^"]*)">')


def pages(site):
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "search")


def head_meta(page) -> dict[str, str]:
    head = page.read_text(encoding="utf-8").split("</head>")[0]
    return {name: html.unescape(value.replace("&#x2f;", "/")) for name, value in META.findall(head)}


def card_file(site, page, url: str):
    folder = page.parent.relative_to(site).as_posix()
    return site / posixpath.normpath(posixpath.join(folder, url))


@pytest.mark.parametrize("generator", ["built_site", "built_zensical"])
def test_every_page_names_a_card_that_is_a_1200_by_630_png(request, generator):
    site = request.getfixturevalue(generator).site
    seen = set()
    for page in pages(site):
        meta = head_meta(page)
        assert meta["twitter:card"] == "summary_large_image", page
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"] and meta["og:image:alt"] == meta["twitter:image:alt"]
        path = card_file(site, page, meta["og:image"])
        with Image.open(path) as image:
            assert image.format == "PNG" and image.size == (1200, 630), path
        seen.add(path)
    assert len(seen) == len(pages(site))      # one card per page


def test_the_card_shows_the_chosen_or_the_first_figure_with_its_date_and_source(built_site):
    alt = head_meta(built_site.site / "competition" / "index.html")["og:image:alt"]
    assert alt == ("The competition: Alibaba's campaign budget as a multiple of Tencent's, 3\u00d7. "
                   "As of early February 2026 \u00b7 Computed by this site. "
                   "Alibaba's AI push in figures.")                          # card_figure:
    alt = head_meta(built_site.site / "campaign" / "index.html")["og:image:alt"]
    assert alt.startswith("The Qwen Lunar New Year campaign: Qwen Lunar New Year campaign budget, "
                          "3 billion yuan. As of 2 February 2026 \u00b7 Stock news, 3 Feb.")


@pytest.fixture(scope="module")
def site():
    return site_for(ROOT)


@pytest.fixture(scope="module")
def cards(site):
    """Every page's card as the build draws it, by page file."""
    return {src: card_of(site, src) for src in site.usage.pages}


def test_a_figure_card_says_as_of_when_and_from_which_source(site, cards):
    for src, card in cards.items():
        if not card.figure_value:
            continue
        fig = site.briefing.figures[card_figure(site, src)]
        assert card.figure_as_of == fig.as_of_text[0].upper() + fig.as_of_text[1:], src
        source = ("Computed by this site" if fig.derived else
                  site.briefing.sources[fig.sources[0]].name)
        assert card.figure_source == source, src
        assert card.provenance in card_alt(card)
    financial = cards["financial.md"]
    assert (financial.figure_label, financial.figure_as_of, financial.figure_source) == (
        "Alibaba's planned multi-year AI investment", "Date not given",
        "Background article, undated")


def test_a_page_without_a_figure_or_opting_out_shows_its_description(site, cards):
    plain = {"conflicts.md", "corrections.md", "changes.md", "methodology.md",   # card_figure: none
             "glossary.md", "sources.md", "figures.md", "data.md", "about.md"}
    assert {src for src, card in cards.items() if not card.figure_value} == plain
    for src in plain:
        card, description = cards[src], site.sources[src].meta["description"]
        assert (card.figure_label, card.figure_as_of, card.description) == ("", "", description)
        assert card_alt(card) == f"{card.title}: {description} {card.site_name}."


def test_every_card_text_fits_its_lines(cards):
    """Title in two lines, description in three, figure value in one, its note in one: at the
    smallest size a longer text is cut with an ellipsis, which no page's card needs."""
    draw = ImageDraw.Draw(Image.new("RGB", SIZE))
    style = CardStyle()
    for src, card in cards.items():
        checks = [(card.title, style.bold, range(64, 39, -4), 2),
                  (card.description, style.regular, range(36, 27, -2), 3),
                  (card.figure_value, style.bold, range(88, 47, -8), 1),
                  (card.provenance, style.regular, range(28, 21, -2), 1)]
        for text, font, sizes, most in checks:
            _, lines = fitted(draw, text, font, sizes, SIZE[0] - 2 * MARGIN, most)
            assert not any(line.endswith("\u2026") for line in lines), (src, text)


def test_a_card_figure_that_is_not_a_figure_is_told_at_its_line(project_copy):
    page = project_copy / "docs" / "campaign.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "---\n", "---\ncard_figure: campaign.budgte\n", 1), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        Publication(site_for(project_copy), Publisher("P", "https://github.com/a/b")).page_meta(
            "campaign.md")
    assert str(caught.value).startswith("docs/campaign.md:2: card_figure: card_figure names "
                                        "'campaign.budgte', which is not a figure")
    assert "How to fix" in str(caught.value) and "'none'" in str(caught.value)
