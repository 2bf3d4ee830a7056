"""One house style, from Babel: every kind renders the same way everywhere."""

from __future__ import annotations

import pytest

from engine_data import load, replace
from macros.engine.dates import PartialDate
from macros.engine.format.values import format_number, format_partial_date
from macros.engine.present.html import PageRenderer


@pytest.mark.parametrize("key, text, short", [
    ("campaign.budget_cny", "3 billion yuan", "3B yuan"),
    ("campaign.budget_usd", "about US$431 million", "about US$431M"),
    ("fx.rate", "about 6.96 yuan per US dollar", "about 6.96 yuan per US dollar"),
    ("rival.ratio", "3×", "3×"),
    ("shares.price", "€142.00", "€142.00"),
    ("shares.change", "-2.34%", "-2.34%"),
    ("chips.units", "more than 100,000 units", "more than 100K units"),
    ("holiday.length", "9 days", "9 days"),
    ("precedent.year", "2015", "2015"),
    ("campaign.start", "6 February 2026", "6 Feb 2026"),
    ("approval.date", "late January 2026", "late Jan 2026"),
    ("names.old", "Tongyi Qianwen", "Tongyi Qianwen"),
])
def test_each_kind_in_house_style(key, text, short):
    fig = load().figure(key)
    assert (fig.text, fig.short) == (text, short)


@pytest.mark.parametrize("raw, text", [
    ("2026-02-15", "15 February 2026"), ("2025-01", "January 2025"),
    ("mid 2026-02", "mid-February 2026"), ("early 2026-02", "early February 2026"),
    (2026, "2026"),
])
def test_dates_keep_their_precision(raw, text):
    assert format_partial_date(PartialDate.parse(raw)) == text


@pytest.mark.parametrize("kind, value, options, text", [
    ("percent", 34, {}, "34%"),
    ("percent", 7, {"decimals": 1}, "7.0%"),
    ("money", 53e9, {"currency": "USD"}, "US$53 billion"),
    ("money", 4.8e9, {"currency": "USD"}, "US$4.8 billion"),
    ("money", 500e6, {"currency": "CNY"}, "500 million yuan"),
    ("money", 250_000, {"currency": "EUR"}, "€250,000"),
    ("ratio", 6.0, {}, "6×"),
    ("ratio", 2.5, {}, "2.5×"),
    ("count", 100000, {}, "100,000"),
])
def test_numbers(kind, value, options, text):
    assert format_number(kind, value, **options) == text


def test_machine_values_hold_the_raw_number():
    briefing = load()
    assert briefing.figure("campaign.budget_cny").machine == "3000000000"
    assert briefing.figure("shares.change").machine == "-2.34"
    assert briefing.figure("approval.date").machine == "2026-01"


def test_undated_source_and_as_of_are_said_plainly():
    text = replace("    date: early 2026-02", "    date: undated")
    text = replace("    as_of: early 2026-02", "    as_of: undated", text)
    briefing = load(text)
    fig = briefing.figure("names.old")
    assert fig.as_of_text == "date not given"
    html = PageRenderer(briefing, "").fig("names.old")
    assert '<span class="fp-date">undated</span>' in html and "Date not given" in html
    assert PageRenderer(briefing, "").asof("names.old") == '<span class="fig-asof">date not given</span>'
