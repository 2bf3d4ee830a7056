"""Derived figures: computed from the data, checked against stated values, never typed."""

from __future__ import annotations

import pytest

from engine_data import error_for, line_of, load, replace


def test_ratio_and_currency_conversion_are_computed():
    briefing = load()
    assert briefing.figure("rival.ratio").value == 3.0
    rate = briefing.figure("fx.rate").value
    assert rate == pytest.approx(3_000_000_000 / 431_000_000)
    assert briefing.figure("rival.budget_usd").value == pytest.approx(1_000_000_000 / rate)
    # computed from an approximate input: approximate, and no more precise than it
    assert briefing.figure("rival.budget_usd").text == "about US$144 million"


def test_date_difference_and_date_plus_duration():
    briefing = load()
    assert briefing.figure("campaign.lead_days").value == 9
    assert briefing.figure("campaign.lead_days").text == "9 days"
    assert briefing.figure("holiday.after").machine == "2026-02-24"


def test_derived_figures_inherit_sources_and_latest_as_of():
    fig = load().figure("rival.budget_usd")
    assert fig.sources == ("wire", "blog")
    assert fig.inputs == ("rival.budget_cny", "fx.rate")
    assert fig.as_of_text == "as of 2 February 2026"
    assert load().figure("campaign.lead_days").as_of_text == "as of 3 February 2026"


def test_changing_an_input_changes_every_derived_figure():
    text = replace("    value: 1000000000", "    value: 500000000")
    briefing = load(replace("rival's 1 billion yuan", "rival's 500 million yuan", text))
    assert briefing.figure("rival.ratio").text == "6×"
    assert briefing.figure("rival.budget_usd").text == "about US$72 million"


def test_unknown_reference_suggests_keys():
    text = replace("formula: campaign.budget_cny / rival.budget_cny",
                   "formula: campaign.budget_cny / rival.budget_cyn")
    error = error_for(text)
    assert "formula refers to unknown figure 'rival.budget_cyn' (did you mean rival.budget_cny" in str(error)
    assert error.line == line_of("    formula: campaign.budget_cny / rival.budget_cyn", text)
    assert error.key == "figures.rival.ratio"


def test_cycle_is_reported_with_its_path():
    text = replace("formula: campaign.budget_cny / campaign.budget_usd",
                   "formula: campaign.budget_cny / rival.budget_usd")
    message = str(error_for(text))
    assert "derived figures form a cycle: " in message
    assert "fx.rate -> rival.budget_usd -> fx.rate" in message


def test_division_by_zero_names_the_operand():
    text = replace("formula: campaign.budget_cny / rival.budget_cny",
                   "formula: campaign.budget_cny / (rival.budget_cny - rival.budget_cny)")
    message = str(error_for(text))
    assert "division by zero: rival.budget_cny - rival.budget_cny is zero" in message


def test_disallowed_syntax_in_formula():
    text = replace("formula: campaign.budget_cny / rival.budget_cny",
                   "formula: __import__('os').system('true')")
    assert "may use only figure keys, numbers, + - * / ( )" in str(error_for(text))


def test_result_must_match_kind():
    text = replace("    kind: date\n    formula: holiday.start + holiday.length",
                   "    kind: count\n    formula: holiday.start + holiday.length")
    assert "the formula gives a date, but the figure's kind is count" in str(error_for(text))


def test_vague_dates_cannot_take_part_in_arithmetic():
    text = replace("formula: holiday.start - campaign.start", "formula: holiday.start - approval.date")
    assert "date arithmetic needs a date with a day" in str(error_for(text))


CLAIMED_RATIO = """\
  claimed.ratio:
    label: Claimed multiple
    value: {claim}
    kind: ratio
    as_of: 2026-02-03
    sources: {{blog: "{claim} times"}}
conflicts:
"""


def checked(claim: str) -> str:
    """The valid file plus a stated multiple that rival.ratio is checked against."""
    text = replace("    formula: campaign.budget_cny / rival.budget_cny",
                   "    formula: campaign.budget_cny / rival.budget_cny\n"
                   "    check: {stated: claimed.ratio, tolerance: 0.05}")
    return replace("conflicts:\n", CLAIMED_RATIO.format(claim=claim), text)


def test_stated_value_within_tolerance_passes():
    assert load(checked("3.1")).figure("rival.ratio").value == 3.0


def test_stated_and_derived_disagreeing_names_both():
    error = error_for(checked("6"))
    message = str(error)
    assert error.key == "figures.rival.ratio"
    assert "derived value 3× (3) disagrees with stated figure claimed.ratio = 6× (6) by 50.00%" in message
    assert "more than the tolerance of 5.00%" in message


def test_a_number_added_to_a_date_counts_days():
    text = replace("formula: holiday.start + holiday.length",
                   "formula: holiday.start + holiday.length - 1")
    assert load(text).figure("holiday.after").text == "23 February 2026"
