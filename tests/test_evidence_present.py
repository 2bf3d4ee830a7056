"""The evidence where it is read, in the built pages: figure panels, citations, conflicts,
glossary, open questions, corrections, the reporting date, the Sources table, the appendix
and the print list."""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter

import pytest

from conftest import ROOT
from engine_data import Briefing, load_file
from macros.engine.present.generated import APPENDIX_ONLY_GROUP
from macros.engine.present.html import RELIABILITY_ORDER, passages
from tools.pages import nav_url, site_usage

DATA = ROOT / "data" / "briefing.yml"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_file(DATA)


@pytest.fixture(scope="module")
def usage():
    return site_usage()


def text(fragment: str) -> str:
    """Visible text of an HTML fragment, entities read, spaces folded."""
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def folded(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def panels(page: str) -> dict[str, str]:
    """Panel id -> panel HTML."""
    return dict(re.findall(r'<fig-panel class="fig-panel" id="([^"]+)" popover data-search-exclude>'
                           r"(.*?)</fig-panel>", page, re.S))


def test_ids_are_unique_on_every_page(built_site):
    for path in built_site.site.rglob("*.html"):
        ids = Counter(re.findall(r'\sid="([^"]+)"', path.read_text()))
        assert not [i for i, n in ids.items() if n > 1], path


def test_panels_and_print_lists_stay_out_of_the_search_index(built_site):
    import json

    index = json.loads((built_site.site / "search" / "search_index.json").read_text())
    for doc in index["docs"]:
        markers = ["Entry in the Figures appendix", "Figures on this page", "Source notes"]
        if not doc["location"].startswith((nav_url("Figures"), nav_url("Sources"))):
            markers.append("reliability medium")  # the panels' wording; the appendix has it too
        for marker in markers:
            assert marker not in doc["text"], (doc["location"], marker)


def test_every_invoker_has_its_panel(built_site, usage):
    for info in usage.pages.values():
        page = built_site.page(info.url)
        found = panels(page)
        targets = re.findall(r'popovertarget="([^"]+)"', page)
        assert set(targets) == set(found), info.url


def test_stated_figure_panels_quote_every_source(built_site, briefing, usage):
    checked = 0
    for info in usage.pages.values():
        page = built_site.page(info.url)
        for pid, body in panels(page).items():
            if not pid.startswith("fp-"):
                continue
            key = next(k for k in briefing.figures
                       if re.fullmatch("fp-" + re.escape(k.replace(".", "-")) + r"(-\d+)?", pid))
            fig, shown = briefing.figure(key), text(body)
            assert shown.startswith(folded(fig.label)), pid
            assert f'figures/#fig-{key.replace(".", "-")}"' in body
            if fig.derived:
                assert "Computed by this site" in shown
                for k in fig.inputs:
                    assert f'figures/#fig-{k.replace(".", "-")}"' in body
            elif not getattr(fig, "editorial", False):
                for sid in fig.sources:
                    assert folded(briefing.source(sid).name) in shown
                    for passage in passages(fig, sid):
                        assert folded(passage) in shown, (key, sid)
                assert folded(fig.as_of_text).lower() in shown.lower() or "date not given" in shown
            if getattr(fig, "expected", False):
                assert "expected" in shown, key
            checked += 1
    assert checked > 50


def test_cite_numbers_claims_and_opens_their_passages(built_site, briefing, usage):
    claims = getattr(briefing, "claims", {})
    if not claims:
        pytest.skip("the data has no claims")
    cited = 0
    for src, info in usage.pages.items():
        keys = re.findall(r'cite\("([^"]+)"\)', (ROOT / "docs" / src).read_text())
        if not keys:
            continue
        page, found = built_site.page(info.url), panels(built_site.page(info.url))
        numbers = dict.fromkeys(keys)
        buttons = re.findall(r'<button type="button" class="cite" popovertarget="(cp-[^"]+)" '
                             r'aria-label="Source note (\d+): show sources" data-search-exclude>'
                             r'(\d+)</button>', page)
        assert len(buttons) == len(keys), src
        assert [int(n) for _, n, _ in buttons] == [list(numbers).index(k) + 1 for k in keys]
        for (pid, _, _), key in zip(buttons, keys, strict=True):
            shown, claim = text(found[pid]), briefing.claim(key)
            assert shown.startswith(folded(claim.says))
            for sid in claim.sources:
                for passage in passages(claim, sid):
                    assert folded(passage) in shown, key
            cited += 1
    assert cited >= len(claims)


def test_conflict_macro_writes_heading_verdict_and_figures_table(built_site, briefing):
    page = built_site.page(nav_url("Where sources differ")).replace("&#39;", "'")
    for cid, item in briefing.conflicts.items():
        level = "h2" if item.disagrees else "h3"
        heading = re.search(rf'<{level} id="conflict-{cid}">' + re.escape(item.title), page)
        assert heading, item.title
        after = page[heading.end():]
        verdict = re.search(r'<p class="conflict-verdict">(.*?)</p>', after, re.S)
        assert verdict and after.index(verdict.group(0)) < after.index("<table"), cid
        assert text(verdict.group(1)).startswith(folded("Verdict: " + item.verdict))
        table = after[:after.index("</table>")]
        for key in item.figures:
            assert f'popovertarget="fp-{key.replace(".", "-")}' in table, key


def test_conflicts_page_opens_with_one_summary_of_the_disagreements(built_site, briefing):
    page = built_site.page("conflicts/").replace("&#39;", "'")
    summary = re.search(r'<div class="stack-table conflicts-summary">(.*?)</table>', page, re.S)
    assert summary and page.index(summary.group(0)) < page.index('class="conflict-verdict"')
    rows = re.findall(r'<a href="#conflict-([a-z0-9-]+)">', summary.group(1))
    assert rows == [cid for cid, item in briefing.conflicts.items() if item.disagrees]
    assert set(rows) < set(briefing.conflicts), "the data should hold a case that is not one"
    others = page[page.index('id="not-disagreements"'):]
    for cid, item in briefing.conflicts.items():
        assert (f'id="conflict-{cid}"' in others) is not item.disagrees, cid


def test_glossary_entries_have_key_anchors_and_passages(built_site, briefing):
    glossary = getattr(briefing, "glossary", {})
    if not glossary:
        pytest.skip("the data has no glossary")
    page = built_site.page(nav_url("Glossary"))
    for key, entry in glossary.items():
        found = re.search(rf'<dt id="{re.escape(key)}">(.*?)</dd>', page, re.S)
        assert found, key
        shown = text(found.group(1))
        assert shown.startswith(folded(entry.term))
        for also in entry.also:
            assert also in shown
        for sid in entry.sources:
            for passage in passages(entry, sid):
                assert folded(passage) in shown


def test_open_questions_show_their_figures(built_site, briefing):
    questions = getattr(briefing, "open_questions", {})
    if not questions:
        pytest.skip("the data has no open questions")
    page = built_site.page(nav_url("What we know and what we don't"))
    for key, q in questions.items():
        found = re.search(rf'<li id="question-{re.escape(key)}">(.*?)</li>', page, re.S)
        assert found, key
        assert folded(q.question) in text(found.group(1))
        for fig in q.figures:
            assert f'popovertarget="fp-{fig.replace(".", "-")}' in found.group(1)


def test_corrections_are_listed_and_marked_where_the_figure_is_read(built_site, briefing, usage):
    corrections = getattr(briefing, "corrections", [])
    if not corrections:
        pytest.skip("the data has no corrections")
    listed = text(built_site.page(nav_url("Corrections")))
    for c in corrections:
        assert folded(c.old) in listed and folded(briefing.figure(c.figure).label) in listed
    for info in usage.pages.values():
        page = built_site.page(info.url)
        for m in re.finditer(r'<button type="button" class="fig"[^>]*popovertarget="fp-([^"]+)">'
                             r"(.*?)</button>", page):
            key = next(k for k in briefing.figures
                       if re.fullmatch(re.escape(k.replace(".", "-")) + r"(-\d+)?", m.group(1)))
            marked = '<span class="fig-flag">corrected</span>' in m.group(2)
            assert marked == briefing.figure(key).corrected, key
    clarified = [c for c in corrections if c.kind == "clarification"]
    assert clarified, "the data should hold a clarification"
    page = built_site.page("corrections/")
    section = text(page[page.index('id="wording-clarifications"'):])
    for c in corrections:
        assert (folded(c.old) in section) is (c.kind == "clarification"), c.figure
        assert briefing.figure(c.figure).corrected is (c.kind == "value") or any(
            other.kind == "value" for other in corrections if other.figure == c.figure)


def test_every_page_says_when_it_reports_from(built_site, briefing):
    date = text(f"<p>{briefing.reporting_as_of}</p>")
    pages = list(built_site.site.rglob("index.html"))
    assert len(pages) > 10
    for path in pages:
        lines = re.findall(r'<p class="reporting-as-of"[^>]*>(.*?)</p>', path.read_text(), re.S)
        assert len(lines) == 1, path
        assert text(lines[0]).startswith("Reporting as of "), path
    assert "Reporting as of early February 2026" in text(built_site.page("")) or date


def test_every_source_line_in_a_panel_opens_its_article(built_site, briefing, usage):
    """Beside its entry on the Sources page, each source in a panel links straight to the
    article it is read in (a relayed report: the relaying article), or says it has no address."""
    lines = 0
    for info in usage.pages.values():
        for body in panels(built_site.page(info.url)).values():
            for line in re.findall(r'<span class="fp-src"><a href="[^"]*#source-([a-z0-9-]+)">'
                                   r'(.*?)<q|<span class="fp-src"><a href="[^"]*#source-'
                                   r'([a-z0-9-]+)">(.*?)</span>$', body, re.S):
                sid, html = line[0] or line[2], line[1] or line[3]
                src = briefing.source(sid)
                if src.url:
                    site = briefing.article_publisher(sid)
                    assert (f'{htmllib.escape(site, quote=True).replace("&#x27;", "&#39;")}: '
                            f'<a href="{htmllib.escape(src.url)}" rel="nofollow noopener" '
                            f'target="_blank">open article</a>') in html, (info.url, sid)
                else:
                    assert "address not known" in text(html), (info.url, sid)
                lines += 1
    assert lines > 50


def test_financial_share_price_table_opens_a_panel_for_every_number(built_site):
    page = built_site.page(nav_url("Financial context"))
    table = re.search(r"<table>.*?</table>", page.split('id="share-price"', 1)[1], re.S).group(0)
    bare = re.sub(r"<fig-panel.*?</fig-panel>", "", table, flags=re.S)
    bare = re.sub(r'<button type="button" class="fig".*?</button>', "", bare, flags=re.S)
    assert "<data" in table and "<data" not in bare, "every number in the table is a figure"


def test_glossary_marks_the_articles_own_missing_spaces_sic_and_quotes_them_verbatim(
        built_site, briefing):
    entry = briefing.glossary["gemini"]
    passage = passages(entry, "ai-analysis")[0]
    assert "'sChatGPT" in passage, "the passage keeps the article's own run-together words"
    page = built_site.page(nav_url("Glossary"))
    shown = text(re.search(r'<dt id="gemini">(.*?)</dd>', page, re.S).group(1))
    assert "[sic" in shown and folded(passage) in shown


def test_sources_page_orders_by_reliability_and_tables_what_each_supports(built_site, briefing):
    page = built_site.page(nav_url("Sources"))
    order = re.findall(r'<h2 id="source-([a-z0-9-]+)"', page)
    assert sorted(order) == sorted(briefing.sources)
    ranks = [RELIABILITY_ORDER.index(briefing.source(s).reliability) for s in order]
    assert ranks == sorted(ranks)
    for sid in order:
        section = page.split(f'<h2 id="source-{sid}"', 1)[1].split("<h2", 1)[0]
        assert "<table>" in section
        shown = text(section)
        for key, fig in briefing.figures.items():
            if sid in fig.sources and not fig.derived:
                assert f'figures/#fig-{key.replace(".", "-")}"' in section, (sid, key)
                for passage in passages(fig, sid):
                    assert folded(passage) in shown


def test_appendix_groups_are_single_containers_with_permalinks_passages_and_ways_back(
        built_site, briefing, usage):
    page = built_site.page(nav_url("Figures")).replace("&#39;", "'")
    titles = [info.title for info in usage.pages.values()]
    sections = re.split(r'<h2 id="[^"]+">', page)[1:]
    groups = [section[:section.index("<")] for section in sections]
    assert groups, "the appendix has no groups"
    known = [t for t in groups if t in titles]
    assert known == sorted(known, key=titles.index), "groups follow the navigation"
    assert set(groups) - set(known) <= {APPENDIX_ONLY_GROUP}
    assert page.count('<div class="fig-group">') == len(groups)
    seen = []
    for title, body in zip(groups, sections, strict=True):
        body = body[body.index('<div class="fig-group">'):]
        for a, entry in re.findall(r'<section class="fig-entry"><h3 id="fig-([a-z0-9_-]+)">(.*?)</section>',
                                   body, re.S):
            key = next(k for k in briefing.figures if k.replace(".", "-") == a)
            seen.append(key)
            assert f'<a class="headerlink" href="#fig-{a}"' in entry
            assert "<dt>Cite:</dt>" in entry and "<details" in entry
            in_view, details = entry.split("<details", 1)
            assert key not in text(in_view), "the key is folded, for data users"
            assert f"Key: {key} ({briefing.figure(key).kind})" in text(details)
            assert "as of" in text(in_view).lower() or "date not given" in text(in_view) \
                or briefing.figure(key).derived or briefing.figure(key).editorial, key
            shown_on = re.findall(r'href="\.\./([a-z0-9-]*/?)#?[^"]*">([^<]+)</a>',
                                  entry[entry.index("Shown on:"):entry.index("<details")])
            topical = [t for _, t in shown_on if t != titles[0]] or [t for _, t in shown_on]
            assert (topical[0] if topical else APPENDIX_ONLY_GROUP) == title, key
            fig = briefing.figure(key)
            if not fig.derived:
                for sid in fig.sources:
                    for passage in passages(fig, sid):
                        assert folded(passage) in text(entry)
            for href in re.findall(r'href="\.\./([a-z0-9-]*/?)#(at-[^"]+)"', entry):
                target = built_site.page(href[0])
                assert f'id="{href[1]}"' in target, (key, href)
    assert sorted(seen) == sorted(briefing.figures), "one entry per figure"


def test_print_list_names_every_figure_shown_and_its_sources(built_site, briefing):
    page = built_site.page(nav_url("Campaign"))
    block = re.search(r'<div class="print-figures" data-search-exclude>(.*?)</div>', page, re.S)
    assert block
    shown = text(block.group(1))
    keys = dict.fromkeys(re.findall(r'class="fig" id="at-([^"]+)"', page))
    assert keys
    for anchor_key in keys:
        key = next(k for k in briefing.figures if k.replace(".", "-") == anchor_key)
        fig = briefing.figure(key)
        assert folded(f"{fig.label}: {fig.text}") in shown
        if not fig.derived and not getattr(fig, "editorial", False):
            for sid in fig.sources:
                assert folded(briefing.source(sid).name) in shown


@pytest.mark.parametrize("markdown", ["# Title\n\nText {{ x }}\n", "Intro\n\nMore",
                                      "# Only title", "# T\nText right after"])
def test_page_frame_moves_no_line_of_the_page(markdown):
    from macros.engine.present.pages.frame import frame_markdown

    framed = frame_markdown(markdown)
    assert framed.count("{{ reporting_as_of() }}") == 1 and framed.endswith("{{ print_list() }}")
    original = markdown.split("\n")
    shown = framed.replace("{{ reporting_as_of() }}", "").split("\n")
    assert shown[:len(original)] == original
    assert frame_markdown("A {{ reporting_as_of() }} B") == "A {{ reporting_as_of() }} B\n{{ print_list() }}"


def test_source_macro_names_and_links_the_source(built_site, briefing, usage):
    found = 0
    for src, info in usage.pages.items():
        page = built_site.page(info.url)
        for sid in re.findall(r'source\("([^"]+)"\)', (ROOT / "docs" / src).read_text()):
            link = re.search(r'<a class="source-name" href="[^"]*sources/#source-' + re.escape(sid)
                             + r'" title="([^"]*)">([^<]*)</a>', page)
            assert link, (src, sid)
            source = briefing.source(sid)
            assert text(link.group(2)) == source.name
            assert text(link.group(1)) == f"{source.publisher}: {source.title}"
            found += 1
    assert found
