"""Pages' JSON-LD, expanded by pyld with the schema.org vocabulary given inline (no network)."""

import datetime as dt
import json

import pytest
from pyld import jsonld

from macros.engine.export.jsonld import (
    CorrectionRef,
    PageMeta,
    Publisher,
    SourceRef,
    page_jsonld,
    script_safe_json,
)

S = "http://schema.org/"
PUBLISHER = Publisher("Alibaba's AI push in figures", "https://example.org/",
                      "https://example.org/methodology/")
PAGE = PageMeta(
    "Competition </script><!-- & more", "https://example.org/competition/",
    dt.date(2026, 2, 10), dt.date(2026, 12, 1), topic=True,
    sources=(SourceRef("Reuters, early Feb", "Reuters", "2026-02"),
             SourceRef("Logos Press item", "Logos Press", None, "https://logos-pres.md/?p=49983")),
    corrections=(CorrectionRef("Baidu's budget: US$71.8 million is now about US$72 million.",
                               dt.date(2026, 12, 1)),))


def refuse_remote(url, options=None):
    raise AssertionError(f"no network: {url}")


def expanded(data: dict) -> dict:
    local = {**data, "@context": {"@vocab": S}}
    [node] = jsonld.expand(local, {"documentLoader": refuse_remote})
    return node


def value(node, term):
    return [v.get("@value", v.get("@id")) for v in node[S + term]]


def test_topic_page_is_an_article_with_sources_publisher_and_corrections():
    data = page_jsonld(PAGE, PUBLISHER)
    assert data["@context"] == "https://schema.org"
    node = expanded(data)
    assert node["@type"] == [S + "Article"]
    assert value(node, "headline") == [PAGE.title]
    assert value(node, "datePublished") == ["2026-02-10"]
    assert value(node, "dateModified") == ["2026-12-01"]
    assert value(node, "publishingPrinciples") == ["https://example.org/methodology/"]
    [publisher] = node[S + "publisher"]
    assert publisher["@type"] == [S + "Organization"] and value(publisher, "url")
    first, second = node[S + "citation"]
    assert first["@type"] == [S + "CreativeWork"]
    assert value(first, "datePublished") == ["2026-02"] and S + "url" not in first
    assert value(second, "url") == ["https://logos-pres.md/?p=49983"]
    [correction] = node[S + "correction"]
    assert correction["@type"] == [S + "CorrectionComment"]
    assert value(correction, "datePublished") == ["2026-12-01"]


def test_other_pages_are_web_pages_without_empty_lists():
    page = PageMeta("About", "https://example.org/about/", dt.date(2026, 2, 10),
                    dt.date(2026, 2, 10), topic=False)
    node = expanded(page_jsonld(page, PUBLISHER))
    assert node["@type"] == [S + "WebPage"]
    assert S + "citation" not in node and S + "correction" not in node


def test_script_is_safe_and_reads_back():
    body = script_safe_json(page_jsonld(PAGE, PUBLISHER))
    assert not any(c in body for c in "<>&")
    assert json.loads(body) == page_jsonld(PAGE, PUBLISHER)


def test_remote_context_is_refused():
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(page_jsonld(PAGE, PUBLISHER), {"documentLoader": refuse_remote})
