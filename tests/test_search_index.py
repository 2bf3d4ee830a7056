"""The search index holds what a reader reads: no chart text, data tables, evidence panels,
print-only lists, citation lines or the reporting line every page repeats, so a result's
snippet starts with the page's own prose; numbers and names with digits are still found.
Checked in MkDocs' index and in Zensical's."""

from __future__ import annotations

import json
import re

import pytest

NUMBERS = ("431", "6.96", "2.34", "Zhenwu 810E")
# Text that only the excluded parts hold: chart descriptions, legends and captions; a chart's
# and a conflict's data tables; panels; print lists; appendix citations and passages tables.
LEFT_OUT = ("Timeline, earliest first", "A dot marks a day", "Data table",
            "Download this chart's data", "Entry in the Figures appendix", "Figures on this page",
            "Permalink", "Cite:", "In the source's words", "Reporting as of",
            "Who says what", "FigureValueAs of")


def entries(build, generator: str) -> list[dict]:
    if generator == "mkdocs":
        return json.loads((build.site / "search" / "search_index.json").read_text())["docs"]
    return json.loads((build.site / "search.json").read_text())["items"]


@pytest.fixture(scope="module", params=("mkdocs", "zensical"))
def index(request) -> list[dict]:
    build = request.getfixturevalue("built_site" if request.param == "mkdocs" else "built_zensical")
    return entries(build, request.param)


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def test_excluded_parts_stay_out_of_the_index(index):
    for entry in index:
        text = plain(entry["text"])
        for phrase in LEFT_OUT:
            assert phrase not in text, (entry["location"], phrase)


def test_a_page_result_opens_with_its_own_prose(index):
    pages = {e["location"]: plain(e["text"]).strip() for e in index if "#" not in e["location"]}
    for location in ("conflicts/", "sources/", "figures/", "timeline/", "corrections/"):
        assert pages[location], location
        assert not pages[location].startswith("Reporting"), location
    assert pages["conflicts/"].startswith("When articles report the same thing differently")


def test_a_case_result_opens_with_its_verdict(index):
    cases = [e for e in index if e["location"].startswith("conflicts/#conflict-")]
    assert cases
    for entry in cases:
        assert plain(entry["text"]).strip().startswith("Verdict:"), entry["location"]


@pytest.mark.parametrize("term", NUMBERS)
def test_numbers_are_still_found(index, term):
    pattern = re.compile(r"(?<![\d.,])" + re.escape(term) + r"(?![\d])", re.IGNORECASE)
    assert any(pattern.search(plain(e["text"])) for e in index), term


def test_each_figure_is_a_result_of_its_own_that_lands_on_its_entry(index):
    import html

    from conftest import ROOT
    from engine_data import load_file

    figures = load_file(ROOT / "data" / "briefing.yml").figures
    found = {e["location"]: html.unescape(plain(e["title"])).strip() for e in index
             if e["location"].startswith("figures/#fig-")}
    for key, fig in figures.items():
        location = "figures/#fig-" + key.replace(".", "-")
        assert found.get(location) == fig.label, key
