"""The generated reference pages lead with the answer: the Sources page opens with one
overview table and folds each source's details; the Figures appendix groups figures by the
page topic they belong to, one anchor per figure."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import ROOT
from engine_data import Briefing, load_file
from macros.engine.present.html import RELIABILITY_ORDER


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_file(ROOT / "data" / "briefing.yml")


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def article(page: str) -> str:
    return re.search(r"<article.*?</article>", page, re.S).group(0)


def test_sources_page_opens_with_an_overview_of_every_source(built_site, briefing):
    page = article(built_site.page("sources/"))
    first_table = page.index("<table")
    overview = re.search(r'<div class="stack-table sources-overview">(.*?)</table>', page, re.S)
    assert overview and page.index(overview.group(0)) < first_table + 1
    assert page.index(overview.group(0)) < page.index('class="source-entry"')
    header = re.findall(r"<th>(.*?)</th>", overview.group(1))
    assert header == ["Source", "Publisher", "Published", "Rating", "Link", "Supports"]
    listed = re.findall(r'<a href="#source-([a-z0-9-]+)">', overview.group(1))
    assert sorted(listed) == sorted(briefing.sources)
    ranks = [RELIABILITY_ORDER.index(briefing.source(s).reliability) for s in listed]
    assert ranks == sorted(ranks)


def test_sources_overview_opens_each_article_under_its_sites_name(built_site, briefing):
    page = article(built_site.page("sources/"))
    overview = re.search(r'<div class="stack-table sources-overview">(.*?)</table>', page, re.S)
    rows = re.findall(r'<a href="#source-([a-z0-9-]+)">.*?<td data-label="Link">(.*?)</td>',
                      overview.group(1), re.S)
    assert sorted(sid for sid, _ in rows) == sorted(briefing.sources)
    for sid, cell in rows:
        src = briefing.source(sid)
        if src.url:
            assert text(cell) == f"{briefing.article_publisher(sid)}: open article", sid
            assert f'<a href="{htmllib.escape(src.url)}" rel="nofollow noopener"' in cell, sid
        else:
            assert text(cell) == "address not known", sid


def test_each_source_shows_its_rating_note_and_folds_its_details(built_site, briefing):
    page = article(built_site.page("sources/"))
    for sid, src in briefing.sources.items():
        entry = page[page.index(f'id="source-{sid}"'):]
        entry = entry[:entry.index("</details>")]
        note, folded = entry.split("<details", 1)
        assert text(src.note)[:60] in text(note), sid
        assert "<table" in folded or "Cited by nothing" in folded, sid
        assert "<table" not in note, sid


def test_appendix_marks_only_figures_whose_value_was_corrected(built_site, briefing):
    page = article(built_site.page("figures/"))
    entries = re.findall(r'<section class="fig-entry"><h3 id="fig-([a-z0-9_-]+)">(.*?)</section>',
                         page, re.S)
    assert len(entries) == len(briefing.figures)
    for anchor, entry in entries:
        key = next(k for k in briefing.figures if k.replace(".", "-") == anchor)
        value_line = entry[:entry.index("<details")]
        marked = '<span class="fig-flag">corrected</span>' in value_line
        assert marked is briefing.figure(key).corrected, key
    assert any(f.corrections and not f.corrected for f in briefing.figures.values()), (
        "the data should hold a figure whose wording alone was clarified")


def test_conflicts_list_puts_the_cases_that_are_not_disagreements_last(briefing):
    from macros.engine.present.generated import conflicts_list
    from macros.engine.present.html import PageRenderer

    markdown = conflicts_list(PageRenderer(briefing, "conflicts/"))
    headings = re.findall(r"^(#+) (.*?)(?: \{: #conflict-([a-z0-9-]+) \})?$", markdown, re.M)
    split = [h[1] for h in headings].index("Not disagreements")
    for level, _, cid in headings[:split]:
        assert level == "##" and briefing.conflicts[cid].disagrees, cid
    for level, _, cid in headings[split + 1:]:
        assert level == "###" and not briefing.conflicts[cid].disagrees, cid
    assert len(headings) == len(briefing.conflicts) + 1
