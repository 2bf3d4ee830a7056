"""Citation formats, each read back by its own library, name what the citation line names."""

import datetime as dt
import json

import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from macros.engine.export.citations import bibtex, csl_json, ris
from macros.engine.present.citation import CitationRecord, citation_line, cited_title

FIGURE = CitationRecord(
    "campaign.budget_usd", "Figures", "Alibaba's AI push in figures",
    "Alibaba's AI push in figures maintainers", dt.date(2026, 12, 1),
    "https://example.org/figures/#fig-campaign-budget_usd",
    "Qwen campaign budget in US dollars, 50% & #1_{x}", "approximately US$431 million",
    "as of 2 February 2026")
BRIEFING = CitationRecord(
    "alibaba-ai-push-figures", "Alibaba's AI push in figures", "Alibaba's AI push in figures",
    "Alibaba's AI push in figures maintainers", dt.date(2026, 12, 1), "https://example.org/")


def test_line_names_the_figure_its_value_date_and_link():
    line = citation_line(FIGURE, "6 December 2026")
    assert line == ("Alibaba's AI push in figures, \u201cQwen campaign budget in US dollars, "
                    "50% & #1_{x}\u201d: approximately US$431 million (as of 2 February 2026). "
                    "https://example.org/figures/#fig-campaign-budget_usd "
                    "(accessed 6 December 2026).")
    assert citation_line(BRIEFING, "6 December 2026").endswith(
        "https://example.org/ (accessed 6 December 2026).")


def test_bibtex_reads_back_with_pybtex():
    titles = {FIGURE: r"{Qwen campaign budget in US dollars, 50\% \& \#1\_\{x\}: "
                      r"approximately US\$431 million (as of 2 February 2026)}",
              BRIEFING: "{Alibaba's AI push in figures}"}
    for record, title in titles.items():
        entry = parse_string(bibtex(record), "bibtex").entries[record.key]
        assert entry.type == "misc"
        assert entry.fields["title"] == title
        assert entry.persons["author"][0].last_names == ["{Alibaba's AI push in figures "
                                                         "maintainers}"]
        assert entry.fields["url"] == record.url
        assert (entry.fields["year"], entry.fields["month"]) == ("2026", "December")
        assert entry.fields["date"] == "2026-12-01"
        assert "urldate" not in entry.fields
    assert "howpublished" not in parse_string(bibtex(BRIEFING), "bibtex").entries[BRIEFING.key].fields


def test_csl_json_renders_with_citeproc():
    [item] = json.loads(csl_json(FIGURE))
    assert "accessed" not in item and item["URL"] == FIGURE.url
    assert "container-title" not in json.loads(csl_json(BRIEFING))[0]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]),
                                              citeproc_formatter.plain)
    bibliography.register(Citation([CitationItem(FIGURE.key)]))
    [rendered] = [str(entry) for entry in bibliography.bibliography()]
    assert "Qwen campaign budget in US dollars" in rendered
    assert "approximately US$431 million" in rendered and "2 February 2026" in rendered
    assert "2026" in rendered and FIGURE.url in rendered


def test_ris_reads_back_with_rispy():
    text = ris(FIGURE)
    assert text.endswith("ER  - \r\n") and all(len(x) <= 262 for x in text.splitlines())
    [entry] = rispy.loads(text)
    assert entry["type_of_reference"] == "ELEC"
    assert entry["title"] == cited_title(FIGURE)
    assert entry["urls"] == [FIGURE.url]
    assert entry["date"] == "2026/12/01/" and entry["year"] == "2026"
    assert entry["secondary_title"] == "Alibaba's AI push in figures"
    assert "access_date" not in entry


def test_ris_values_are_one_line():
    record = CitationRecord("k", "Two\nlines", "Site", "Pub", dt.date(2026, 1, 2), "https://x/")
    [entry] = rispy.loads(ris(record))
    assert entry["title"] == "Two lines"
