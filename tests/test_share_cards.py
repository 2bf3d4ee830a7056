"""Every page's share card: named in its <head> (og:image with its size and text, a large
Twitter card), written with the site under both generators, a 1200 x 630 PNG."""

from __future__ import annotations

import html
import posixpath
import re

import pytest
from PIL import Image

from engine_data import site_for
from macros.engine.errors import BriefingError
from macros.engine.publication import Publication, Publisher

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


def test_the_card_shows_the_chosen_or_the_first_figure(built_site):
    alt = head_meta(built_site.site / "competition" / "index.html")["og:image:alt"]
    assert "Alibaba's campaign budget as a multiple of Tencent's" in alt   # card_figure:
    alt = head_meta(built_site.site / "campaign" / "index.html")["og:image:alt"]
    assert alt.startswith("The Qwen Lunar New Year campaign: Qwen Lunar New Year campaign budget")


def test_a_card_figure_that_is_not_a_figure_is_told_at_its_line(project_copy):
    page = project_copy / "docs" / "campaign.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "---\n", "---\ncard_figure: campaign.budgte\n", 1), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        Publication(site_for(project_copy), Publisher("P", "https://github.com/a/b")).page_meta(
            "campaign.md")
    assert str(caught.value).startswith("docs/campaign.md:2: card_figure: card_figure names "
                                        "'campaign.budgte', which is not a figure")
    assert "How to fix" in str(caught.value)
