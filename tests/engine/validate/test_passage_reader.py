"""Reading quantities from passages: the forms CONTRIBUTING.md promises the check accepts."""

from __future__ import annotations

import pytest

from macros.engine.dates import PartialDate
from macros.engine.validate.passage_reader import read


def one(passage: str, kind: str, year: int | None = 2026):
    found = [r for r in read(passage, year) if r.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("passage", "value", "currency", "qualifier"), [
    ("3 billion yuan", 3e9, "CNY", None),
    ("$431 million", 431e6, "USD", None),
    ("US$431 million", 431e6, "USD", None),
    ("USD 431M", 431e6, "USD", None),
    ("approximately $431 million USD", 431e6, "USD", "approximately"),
    ("(≈ $431 million)", 431e6, "USD", "approximately"),
    ("about ~ nothing, ~$5 million", 5e6, "USD", "approximately"),
    ("(more than $430 million)", 430e6, "USD", "more than"),
    ("exceeding 53 billion US dollars", 53e9, "USD", "more than"),
    ("more than 53 billion dollars", 53e9, "USD", "more than"),
    ("closed at 142.00 euros", 142.0, "EUR", None),
    ("to trade at €134.60.", 134.6, "EUR", None),
    ("$4.8 billion", 4.8e9, "USD", None),
    ("RMB 500 million", 500e6, "CNY", None),
    ("up to €2.5 million", 2.5e6, "EUR", "up to"),
])
def test_money(passage, value, currency, qualifier):
    reading = one(passage, "money")
    assert (reading.value, reading.currency, reading.qualifier) == (value, currency, qualifier)


@pytest.mark.parametrize(("passage", "kind", "value", "qualifier"), [
    ("impressive 34% revenue growth", "percent", 34, None),
    ("a decline of 2.34% over the preceding seven trading days", "percent", 2.34, None),
    ("declining over 7% on a weekly basis", "percent", 7, "more than"),
    ("more than 100,000 units", "number", 100000, "more than"),
    ("three times larger than", "times", 3, None),
    ("more than three times the reported budgets", "times", 3, "more than"),
    ("it reportedly triples the budgets", "times", 3, None),
    ("run from February 15 for nine days", "duration", 9, None),
    ("The nine-day festival", "duration", 9, None),
    ("over the preceding seven trading days", "number", 7, None),
])
def test_numbers(passage, kind, value, qualifier):
    reading = one(passage, kind)
    assert (reading.value, reading.qualifier) == (value, qualifier)


def test_a_bare_number_keeps_the_words_after_it():
    assert one("seven trading days", "number").unit == "trading days"


@pytest.mark.parametrize(("passage", "date", "year_given"), [
    ("revealed on Monday, February 2, significantly", "2026-02-02", False),
    ("Campaign Launch Date: February 6, 2026", "2026-02-06", True),
    ("expected in mid-February", "mid 2026-02", False),
    ("approval in late January for Alibaba", "late 2026-01", False),
    ("the January 2025 launch", "2025-01", True),
    ("on 15 February 2026", "2026-02-15", True),
])
def test_dates(passage, date, year_given):
    reading = one(passage, "date")
    assert reading.value == PartialDate.parse(date)
    assert reading.year_given is year_given


def test_a_year_less_date_takes_the_figures_year():
    assert one("from February 15", "date", year=2027).value == PartialDate.parse("2027-02-15")


def test_a_year_is_a_plain_number():
    assert one("A precedent was set by Tencent in 2015.", "number").value == 2015


def test_words_that_look_like_months_or_numbers_are_not_read():
    assert read("Investors may march on; Qwen3-Max and H200 chips", 2026) == []


def test_reading_is_described_for_messages():
    described = one("(≈ $431 million)", "money").describe()
    assert described == "approximately 431,000,000 USD (from '$431 million')"


@pytest.mark.parametrize("passage", [
    "Marketing spend rose sharply.", "Augmented reality glasses", "Decentralised Junk Mayhem",
    "a Janus-faced Octopus"])
def test_a_word_that_starts_with_a_month_name_is_not_a_date(passage):
    assert [r for r in read(passage, 2026) if r.kind == "date"] == []


@pytest.mark.parametrize(("passage", "value"), [
    ("Marketing began in Mar. 2026", "2026-03"), ("Mar 5, 2026", "2026-03-05"),
    ("due on Feb. 19", "2026-02-19"), ("Sept 2025", "2025-09")])
def test_month_names_and_abbreviations_are_still_dates(passage, value):
    assert one(passage, "date").value == PartialDate.parse(value)
