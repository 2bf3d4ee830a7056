"""Figures as HTML: machine-readable, escaped, with a panel of provenance opened in place."""

from __future__ import annotations

import re

from engine_data import load, replace
from macros.engine.present.html import PageRenderer, relative_url


def test_fig_is_a_button_that_opens_its_panel_in_place():
    html = PageRenderer(load(), "campaign/").fig("campaign.budget_usd")
    assert html.startswith('<button type="button" class="fig" id="at-campaign-budget_usd" '
                           'popovertarget="fp-campaign-budget_usd" aria-label="about US$431 '
                           'million, Campaign budget in dollars: show sources">'
                           '<data value="431000000">about US$431 million</data></button>'
                           '<fig-panel class="fig-panel" id="fp-campaign-budget_usd" popover '
                           "data-search-exclude>")
    panel = html.split("popover data-search-exclude>", 1)[1]
    assert '<span class="fp-label">Campaign budget in dollars</span>' in panel
    assert '<a href="../sources/#source-wire">' in panel and "reliability medium-high" in panel
    assert '<a href="../sources/#source-blog">' in panel and "reliability low" in panel
    assert "As of 2 February 2026" in panel
    assert panel.endswith('<a class="fp-more" href="../figures/#fig-campaign-budget_usd">'
                          "Entry in the Figures appendix</a></fig-panel>")


def test_panel_markup_is_phrasing_content_only():
    """The panel sits inside a Markdown paragraph: no block elements may appear in it."""
    r = PageRenderer(load(), "campaign/")
    for key in r.briefing.figures:
        html = r.fig(key)
        assert not re.search(r"<(div|p|ul|ol|li|dl|dt|dd|section|h\d|table|blockquote)\b", html), key
        assert "\n" not in html, key


def test_each_use_on_a_page_gets_its_own_panel_and_the_first_an_anchor():
    r = PageRenderer(load(), "campaign/")
    first, second = r.fig("campaign.budget_cny"), r.fig("campaign.budget_cny")
    assert 'id="at-campaign-budget_cny"' in first and 'id="fp-campaign-budget_cny"' in first
    assert 'id="at-' not in second and 'id="fp-campaign-budget_cny-2"' in second
    assert 'popovertarget="fp-campaign-budget_cny-2"' in second
    assert list(r.shown) == ["campaign.budget_cny"]


def test_dates_use_time_elements():
    html = PageRenderer(load(), "").fig("approval.date")
    assert '<time datetime="2026-01">late January 2026</time>' in html
    assert 'href="figures/#fig-approval-date"' in html


def test_derived_figure_panel_shows_formula_and_linked_inputs():
    html = PageRenderer(load(), "a/b/").fig("rival.ratio")
    assert 'href="../../figures/#fig-rival-ratio"' in html
    assert "Computed by this site: Campaign budget ÷ Rival budget" in html
    assert '<a href="../../figures/#fig-campaign-budget_cny">Campaign budget</a>' in html
    assert "source-" not in html


def test_value_short_and_asof_variants():
    r = PageRenderer(load(), "campaign/")
    assert r.value("rival.ratio") == '<data value="3">3×</data>'
    assert r.short("campaign.budget_cny") == '<data value="3000000000">3B yuan</data>'
    assert r.asof("shares.price") == ('<span class="fig-asof">as of <time datetime="2026-02-03">'
                                      "3 February 2026</time></span>")


def test_html_in_data_is_escaped():
    text = replace("    value: Tongyi Qianwen", "    value: \"<script>alert('x')</script>\"")
    text = replace("    label: Old name", "    label: <b>Old</b> name", text)
    text = replace("its AI chatbot Tongyi Qianwen", "its AI chatbot <script>alert('x')</script>", text)
    html = PageRenderer(load(text), "").fig("names.old")
    assert "<script>" not in html and "<b>" not in html
    assert "&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;" in html


def test_relative_urls():
    assert relative_url("", "figures/") == "figures/"
    assert relative_url("campaign/", "figures/") == "../figures/"
    assert relative_url("figures/", "figures/") == "./"
    assert relative_url("figures/", "") == "../"
