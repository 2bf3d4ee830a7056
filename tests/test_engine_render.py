"""Figures as HTML: machine-readable, escaped, with provenance and a link to the appendix."""

from __future__ import annotations

from engine_data import load, replace
from macros.engine.present.html import PageRenderer, relative_url


def test_fig_markup_carries_value_source_and_as_of():
    html = PageRenderer(load(), "campaign/").fig("campaign.budget_usd")
    assert html.startswith('<a class="fig" href="../figures/#fig-campaign-budget_usd" title="')
    assert "Sources: Example Wire, as reported by Example Daily, 3 February 2026; " in html
    assert "Example Blog, early February 2026. As of 2 February 2026." in html
    assert html.endswith('<data value="431000000">about US$431 million</data></a>')


def test_dates_use_time_elements():
    html = PageRenderer(load(), "").fig("approval.date")
    assert '<time datetime="2026-01">late January 2026</time>' in html
    assert 'href="figures/#fig-approval-date"' in html


def test_derived_figure_tooltip_names_its_inputs():
    html = PageRenderer(load(), "a/b/").fig("rival.ratio")
    assert 'href="../../figures/#fig-rival-ratio"' in html
    assert "Computed from: Campaign budget, Rival budget." in html


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
