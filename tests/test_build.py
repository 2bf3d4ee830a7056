"""The built site: figures rendered with their source markup, strict failures with suggestions."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from engine_data import load_file
from macros.engine.present.html import PageRenderer
from tools.pages import nav_url, site_usage

DATA = ROOT / "data" / "briefing.yml"


def test_campaign_page_shows_budget_with_source_and_as_of(built_site):
    html = built_site.page(nav_url("Campaign"))
    shown = re.search(r'<button type="button" class="fig" id="at-campaign-budget_cny" '
                      r'popovertarget="(fp-campaign-budget_cny)" aria-label="3 billion yuan, Qwen Lunar New '
                      r'Year campaign budget: show sources"><data value="3000000000">'
                      r'3 billion yuan</data></button><fig-panel class="fig-panel" id="\1" popover '
                      r'data-search-exclude>(.*?)<a class="fp-more" href="../figures/#fig-campaign-'
                      r'budget_cny">', html)
    assert shown, "campaign budget not rendered as a sourced figure"
    assert 'href="../sources/#source-' in shown.group(2) and "As of 2 February 2026" in shown.group(2)


def test_every_literal_figure_call_is_rendered_as_the_engine_formats_it(built_site):
    briefing = load_file(DATA)
    usage = site_usage()
    for src, info in usage.pages.items():
        html = built_site.page(info.url)
        text = (ROOT / "docs" / src).read_text()
        renderer = PageRenderer(briefing, info.url)
        shown = re.sub(r' (?:id|popovertarget)="[^"]*"', "", html)
        for key in re.findall(r'\{\{\s*fig\("([^"]+)"\)\s*\}\}', text):
            button = renderer.fig(key).split("</button>", 1)[0]
            assert re.sub(r' (?:id|popovertarget)="[^"]*"', "", button) in shown, f"{src}: {key}"


def test_no_template_syntax_or_error_text_is_published(built_site):
    for page in built_site.site.rglob("*.html"):
        html = page.read_text()
        for marker in ("{{", "{%", "Macro Rendering Error", "Macro Syntax Error", "Traceback"):
            assert marker not in html, f"{page}: {marker}"


def test_appendix_has_an_anchor_for_every_figure(built_site):
    html = built_site.page(nav_url("Figures"))
    for key in load_file(DATA).figures:
        assert f'id="fig-{key.replace(".", "-")}"' in html, key


def test_downloads_match_the_data_file(built_site):
    briefing = load_file(DATA)
    figures = json.loads((built_site.site / "figures.json").read_text())
    assert [f["key"] for f in figures] == list(briefing.figures)
    for record in figures:
        fig = briefing.figure(record["key"])
        assert record["display"] == fig.text
        assert record["as_of"] == str(fig.as_of)
        assert record["sources"] == list(fig.sources)
        assert record["derived_from"] == list(fig.inputs)
    csv_lines = (built_site.site / "figures.csv").read_text().splitlines()
    assert csv_lines[0].startswith("key,label,kind,value,")
    assert len(csv_lines) == len(briefing.figures) + 1
    sources = json.loads((built_site.site / "sources.json").read_text())
    assert [s["id"] for s in sources] == list(briefing.sources)
    assert all(s["figures"] == briefing.cited_by(s["id"]) for s in sources)
