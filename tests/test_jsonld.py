"""Every built page's JSON-LD, expanded by PyLD with the schema.org vocabulary given inline (no
network): what the page is, its dates, publisher and principles, and its sources as citations."""

from __future__ import annotations

import json
import re

import pytest
from pyld import jsonld

from real_data import REAL

S = "http://schema.org/"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SOURCE_LINK = re.compile(r'href="[^"]*sources/#source-([a-z0-9-]+)"')


def refuse_remote(url, options=None):
    raise AssertionError(f"no network: {url}")


def expanded(data: dict) -> dict:
    [node] = jsonld.expand({**data, "@context": {"@vocab": S}}, {"documentLoader": refuse_remote})
    return node


def values(node: dict, term: str) -> list:
    return [v.get("@value", v.get("@id")) for v in node.get(S + term, ())]


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    return {p.parent.relative_to(built_site.site).as_posix(): p.read_text(encoding="utf-8")
            for p in built_site.site.rglob("index.html") if p.parent.name != "search"}


def page_node(html: str) -> dict:
    """The page's own description (the <head>'s script; the Data page adds its Dataset)."""
    head = html.split("</head>")[0]
    [script] = SCRIPT.findall(head)
    assert not any(c in script for c in "<>&")
    return expanded(json.loads(script))


def test_every_page_expands_with_its_dates_publisher_and_principles(pages):
    for url, html in pages.items():
        for script in SCRIPT.findall(html):
            expanded(json.loads(script))          # every block, the Dataset too
        node = page_node(html)
        assert node["@type"] in ([S + "Article"], [S + "WebPage"]), url
        assert values(node, "headline") and values(node, "datePublished"), url
        assert values(node, "dateModified") >= values(node, "datePublished"), url
        [publisher] = node[S + "publisher"]
        assert values(publisher, "name") and values(publisher, "url")[0].startswith("https://")
        assert values(node, "publishingPrinciples") == ["methodology/"], url


def test_topic_pages_are_articles_and_the_data_page_keeps_its_dataset(pages):
    assert page_node(pages["campaign"])["@type"] == [S + "Article"]
    assert page_node(pages["about"])["@type"] == [S + "WebPage"]
    types = [json.loads(s)["@type"] for s in SCRIPT.findall(pages["data"])]
    assert sorted(types) == ["Dataset", "WebPage"]


def test_the_page_sources_are_its_citations(pages):
    for url, html in pages.items():
        cited = {values(work, "name")[0] for work in page_node(html).get(S + "citation", ())}
        linked = {REAL.sources[sid].title for sid in SOURCE_LINK.findall(html)}
        assert linked <= cited, (url, linked - cited)
        if url in ("campaign", "competition", "figures"):
            assert linked and cited, url
    sources = page_node(pages["sources"])[S + "citation"]
    assert len(sources) == len(REAL.sources)
    with_address = [w for w in sources if values(w, "url")]
    assert {values(w, "url")[0] for w in with_address} == {
        s.url for s in REAL.sources.values() if s.url}


def test_corrected_figures_carry_their_corrections(pages):
    corrected = {c.figure for c in REAL.corrections}
    for html in pages.values():
        node = page_node(html)
        for correction in node.get(S + "correction", ()):
            assert correction["@type"] == [S + "CorrectionComment"]
            assert values(correction, "text") and values(correction, "datePublished")
    assert corrected and page_node(pages["corrections"])[S + "correction"]


def test_zensical_pages_carry_the_same_description(built_zensical, pages):
    """The same, but for the dates: Zensical's build runs in a copy without git history."""
    def undated(node: dict) -> dict:
        return {k: v for k, v in node.items() if k not in (S + "datePublished", S + "dateModified")}

    for url, html in pages.items():
        path = built_zensical.site / url / "index.html"
        assert undated(page_node(path.read_text(encoding="utf-8"))) == undated(page_node(html)), url
