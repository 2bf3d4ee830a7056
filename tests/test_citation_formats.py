"""The built site's citation files (cite/*.bib, .json, .ris), each read back by its own library,
name the same title, date, URL and figure as the citation line the Figures appendix shows."""

from __future__ import annotations

import html
import json
import re

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from macros.engine.present.citation import BRIEFING_KEY, SITE_NAME

ENTRY = re.compile(r'<section class="fig-entry"><h3 id="fig-([^"]+)">(.*?)</section>', re.S)
LINE = re.compile(r'<span class="fig-citation">(.*?)</span>', re.S)
# site, “label”: value (as of). link (accessed day).
PARTS = re.compile(r"^(?P<site>.+?), \u201c(?P<label>.+)\u201d: (?P<value>.+) \((?P<as_of>[^()]+)\)\. "
                   r"(?P<url>\S+) \(accessed (?P<accessed>[^)]+)\)\.$")


@pytest.fixture(scope="module")
def lines(built_site) -> dict[str, dict]:
    """Each figure's citation line in the appendix, in its parts, with its citation links."""
    found = {}
    for _, body in ENTRY.findall(built_site.page("figures/")):
        parts = PARTS.match(html.unescape(LINE.search(body).group(1)))
        assert parts, body
        links = re.findall(r'<span class="fig-cite-files"[^>]*>(.*?)</span>', body,
                           re.S)
        found[parts["url"].rsplit("#", 1)[1]] = {**parts.groupdict(), "links": links[0]}
    return found


def read(built_site, key: str, suffix: str) -> str:
    return (built_site.site / "cite" / f"{key}.{suffix}").read_text(encoding="utf-8")


def key_of(anchor: str) -> str:
    """The figure key whose files the appendix entry links to."""
    return re.search(r'href="\.\./cite/([^"]+)\.bib"', anchor).group(1)


def test_every_figure_offers_the_three_formats(built_site, lines):
    assert len(lines) > 20
    for line in lines.values():
        names = re.findall(r'href="\.\./cite/[^"]+\.(bib|json|ris)" download>([^<]+)<',
                           line["links"])
        assert names == [("bib", "BibTeX"), ("json", "CSL-JSON"), ("ris", "RIS")]


def test_bibtex_names_what_the_line_names(built_site, lines):
    for line in lines.values():
        key = key_of(line["links"])
        entry = parse_string(read(built_site, key, "bib"), "bibtex").entries[key]
        title = entry.fields["title"].strip("{}").replace("\\$", "$").replace("\\%", "%")
        assert title == f"{line['label']}: {line['value']} ({line['as_of']})"
        assert entry.fields["url"] == line["url"]
        assert entry.fields["date"][:4] == entry.fields["year"] == line["accessed"][-4:]
        assert "urldate" not in entry.fields   # the access date is the reader's


def test_csl_json_renders_what_the_line_names(built_site, lines):
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    for line in lines.values():
        key = key_of(line["links"])
        [item] = json.loads(read(built_site, key, "json"))
        assert item["URL"] == line["url"] and "accessed" not in item
        assert item["title"] == f"{line['label']}: {line['value']} ({line['as_of']})"
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]),
                                                  citeproc_formatter.plain)
        bibliography.register(Citation([CitationItem(key)]))
        [rendered] = [str(entry) for entry in bibliography.bibliography()]
        assert line["label"] in rendered and line["url"] in rendered


def test_ris_names_what_the_line_names(built_site, lines):
    for line in lines.values():
        key = key_of(line["links"])
        [entry] = rispy.loads(read(built_site, key, "ris"))
        assert entry["title"] == f"{line['label']}: {line['value']} ({line['as_of']})"
        assert entry["urls"] == [line["url"]]
        assert entry["secondary_title"] == line["site"] == SITE_NAME
        assert entry["year"] == line["accessed"][-4:] and "access_date" not in entry


def test_cite_this_briefing_in_every_footer(built_site):
    page = built_site.page("about/")
    footer = page.split('<div class="md-copyright__cite">')[1].split("</div>")[0]
    assert f'href="../cite/{BRIEFING_KEY}.bib" download>BibTeX' in footer
    entry = parse_string(read(built_site, BRIEFING_KEY, "bib"), "bibtex").entries[BRIEFING_KEY]
    assert entry.fields["title"].strip("{}") == SITE_NAME
    [item] = json.loads(read(built_site, BRIEFING_KEY, "json"))
    [ris_entry] = rispy.loads(read(built_site, BRIEFING_KEY, "ris"))
    assert item["URL"] == ris_entry["urls"][0] == entry.fields["url"]


def test_citation_links_stay_out_of_the_search_index(built_site):
    index = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Cite this figure" not in index and "BibTeX" not in index
