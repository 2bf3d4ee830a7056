"""The passage check: a passage supports a figure only with its value, currency, unit,
qualifier and date."""

from __future__ import annotations

import pytest

from macros.engine.dates import PartialDate
from macros.engine.validate.passages import expected_text, supporting

BUDGET = "Alibaba has allocated 3 billion yuan (approximately $431 million USD) to promote Qwen."
RELAY = ("Alibaba Group has announced a plan to invest 3 billion yuan (≈ $431 million) to drive "
         "interest in its Qwen AI app during the Lunar New Year period, which in 2026 will run "
         "from February 15 for nine days, notes Investing.com.")


def ok(passage, kind, value, **options) -> bool:
    return supporting([passage], kind, value, **options)[0]


def test_money_needs_value_currency_and_qualifier():
    assert ok(BUDGET, "money", 3_000_000_000, currency="CNY")
    assert ok(BUDGET, "money", 431_000_000, currency="USD", qualifier="approximately")
    assert ok(BUDGET, "money", 431_000_000, currency="USD", qualifier="about")
    assert not ok(BUDGET, "money", 30_000_000_000, currency="CNY")          # x10
    assert not ok(BUDGET, "money", 3_000_000_000, currency="USD")           # currency
    assert not ok(BUDGET, "money", 431_000_000, currency="USD")             # qualifier dropped
    assert not ok(BUDGET, "money", 431_000_000, currency="USD", qualifier="more than")


def test_a_relayed_sentence_supports_each_of_its_numbers():
    assert ok(RELAY, "money", 431_000_000, currency="USD", qualifier="approximately")
    assert ok(RELAY, "date", PartialDate.parse("2026-02-15"))
    assert not ok(RELAY, "date", PartialDate.parse("2026-02-16"))
    assert ok(RELAY, "duration", 9, unit="day")
    assert not ok(RELAY, "duration", 9, unit="week")


def test_dates_keep_their_precision():
    assert ok("in late January", "date", PartialDate.parse("late 2026-01"))
    assert not ok("in late January", "date", PartialDate.parse("2026-01"))
    assert ok("A precedent was set by Tencent in 2015.", "date", PartialDate.parse("2015"))
    assert not ok("A precedent was set by Tencent in 2015.", "date", PartialDate.parse("2016"))
    assert ok("the January 2025 launch", "date", PartialDate.parse("2025-01"))


def test_ratio_percent_count_year():
    assert ok("it reportedly triples the budgets", "ratio", 3)
    assert ok("more than three times the budgets", "ratio", 3, qualifier="more than")
    assert not ok("more than three times the budgets", "ratio", 3)
    assert ok("a decline of 2.34%", "percent", -2.34)
    assert not ok("a decline of 2.34%", "percent", 23.4)
    assert ok("declining over 7%", "percent", 7, qualifier="over", label="Weekly fall")
    assert ok("more than 100,000 units", "count", 100000, qualifier="more than")
    assert ok("by 2030", "year", 2030)


def test_text_is_contained_case_insensitively():
    assert ok("Google'sBard face well-funded rivals", "text", "Bard")
    assert ok("its chip unit, T-Head.", "text", "t-head")
    assert not ok("Google'sBard face well-funded rivals", "text", "Gemini")


@pytest.mark.parametrize(("passage", "value", "label"), [
    ("34% revenue growth", 34, ""), ("fell 3%", -3, ""), ("shares were down 3%", -3, ""),
    ("a 3% drop in sales", -3, ""), ("a decline of 2.34%", -2.34, ""), ("rose 5%", 5, ""),
    ("up 5% on the week", 5, ""), ("a change of -3%", -3, ""), ("a change of \u22123%", -3, ""),
    ("covering 99% of the market", 99, ""), ("declining over 7%", 7, "Weekly fall"),
    ("a decline of 2.34%", 2.34, "Fall in the share price"), ("up to 5% lower", -5, ""),
    ("unemployment fell to 3%", 3, ""), ("margins rose from 5% to 8%", 8, ""),
    ("shares shed 3% on the week", -3, ""), ("shares tumbled 3%", -3, ""),
    ("sales soared 40%", 40, ""),
])
def test_a_change_is_read_with_its_direction(passage, value, label):
    qualifier = ("up to" if passage.startswith("up to") else "over" if " over " in passage
                 else None)
    assert ok(passage, "percent", value, label=label, qualifier=qualifier)


@pytest.mark.parametrize(("passage", "value", "label"), [
    ("34% revenue growth", -34, ""), ("fell 3%", 3, ""), ("rose 5%", -5, ""),
    ("a 3% drop in sales", 3, "Share of sales"), ("covering 99% of the market", -99, ""),
    ("a decline of 2.34%", -2.34, "Fall in the share price"), ("growth of 4%", 4, "Fall"),
    ("margins fell from 5% to 3%", -5, ""), ("unemployment fell to 3%", -3, ""),
])
def test_a_change_of_the_wrong_direction_is_not_supported(passage, value, label):
    # a figure whose label names a fall records the fall's size, a positive number
    assert not ok(passage, "percent", value, label=label)


@pytest.mark.parametrize(("passage", "text", "found"), [
    ("Google'sBard face well-funded rivals", "Ba", False),
    ("Google's Bard", "Bar", False), ("Google's Bard", "ard", False),
    ("the Qwen3 model", "Qwen", False), ("its Qwen app", "Qwen", True),
    ("“Qwen.”", "Qwen", True), ("OpenAI'sChatGPT", "ChatGPT", True),
    ("Tongyi Qianwen into the mainstream", "Tongyi Qianwen", True),
    ("Tongyi Qianwens", "Tongyi Qianwen", False), ("T-Head.", "Head", True),
])
def test_text_is_matched_on_word_boundaries(passage, text, found):
    assert ok(passage, "text", text) is found


def test_one_of_several_passages_is_enough():
    passages = ["A precedent was set by Tencent in 2015.", "digital Red Envelopes within WeChat"]
    assert supporting(passages, "date", PartialDate.parse("2015"))[0]


@pytest.mark.parametrize(("kind", "value", "options", "text"), [
    ("money", 431000000, {"currency": "USD", "qualifier": "about"},
     "approximately 431,000,000 USD"),
    ("count", 7, {"unit": "trading days"}, "7 trading days with no qualifier"),
    ("year", 2030, {}, "2030 with no qualifier"),
])
def test_expected_text(kind, value, options, text):
    full = {"currency": None, "unit": None, "qualifier": None, **options}
    assert expected_text(kind, value, **full) == text


@pytest.mark.parametrize(("passage", "value", "unit", "supported"), [
    ("over the preceding seven trading days", 7, "trading days", True),
    ("over the preceding seven trading days", 7, "weeks", False),
    ("over the preceding seven trading days", 7, "trading day", True),
    ("over the preceding seven trading days", 7, "days", False),
    ("shipped more than 100,000 units of its chip", 100_000, "units", False),   # qualifier
    ("shipped 100,000 units of its chip", 100_000, "units", True),
    ("shipped 100,000 units of its chip", 100_000, "chips", False),
    ("a seven-day window", 7, "day", False),   # a duration: kind duration
    ("leader in AI by 2030", 2030, "years", False),
    ("leader in AI by 2030", 2030, None, False),
    ("the 2015 red envelope war", 2015, None, False),
    ("some 2030 units were sold", 2030, "units", False),   # qualifier again
    ("2030 units were sold", 2030, "units", True),
    ("sold 2,030 phones", 2030, None, True),
    ("a team of 12", 12, None, True),
])
def test_a_count_has_its_unit_and_is_no_year(passage, value, unit, supported):
    assert ok(passage, "count", value, unit=unit) is supported


def test_a_year_is_still_read_as_a_year():
    assert ok("leader in AI by 2030", "year", 2030)
    assert ok("the 2015 red envelope war", "date", PartialDate.parse("2015"))
