"""The data model of issue 9 and 10: passages, editorial and expected figures, claims,
glossary, open questions, corrections; circular checks; precision of derived figures."""

from __future__ import annotations

import pytest

from engine_data import VALID, error_for, line_of, load, replace
from macros.engine.errors import BriefingError

EXTRA = """\
claims:
  campaign.largest:
    says: The wire calls it the largest campaign in the company's history
    sources:
      wire: "the largest marketing campaign in the company's history"
glossary:
  qwen:
    term: Qwen
    also: [Tongyi Qianwen]
    definition: Alibaba's AI app.
    sources: {blog: "its AI chatbot Tongyi Qianwen"}
open_questions:
  holiday-end:
    question: When does the holiday end?
    figures: [holiday.start, holiday.length]
    why: The wire gives only the start and the length.
corrections:
  - figure: rival.budget_usd
    date: 2026-12-01
    old: US$144 million
    new: about US$144 million
    reason: Computed from an approximate amount.
  - figure: names.gone
    date: 2026-12-01
    old: Something
    removed: true
    reason: No source states it.
"""
FULL = replace("conflicts:\n", EXTRA + "conflicts:\n", VALID)


def with_(old: str, new: str) -> str:
    return replace(old, new, FULL)


def test_new_sections_load():
    briefing = load(FULL)
    claim = briefing.claim("campaign.largest")
    assert claim.sources == {"wire": ("the largest marketing campaign in the company's history",)}
    assert claim.line == line_of("  campaign.largest:", FULL)
    assert briefing.glossary["qwen"].also == ("Tongyi Qianwen",)
    assert briefing.open_questions["holiday-end"].figures == ("holiday.start", "holiday.length")
    fixed, gone = briefing.corrections
    assert briefing.figure("rival.budget_usd").corrections == (fixed,)
    assert gone.removed and gone.new is None
    assert str(fixed.date) == "2026-12-01"


def test_source_name_and_estimated_date():
    later = replace("    date: 2026-02-03\n", "    date: 2026-02-13\n")
    briefing = load(replace("    date: 2026-02-13\n", "    date: 2026-02-13\n    date_estimated: true\n",
                            later))
    assert briefing.source("wire").name == "Example Wire"
    assert briefing.source("wire").date_estimated
    # the latest source date; an estimated day is given only as its part of the month
    assert str(briefing.reporting_as_of) == "mid 2026-02"
    assert str(load(later).reporting_as_of) == "2026-02-13"
    assert str(load().reporting_as_of) == "early 2026-02"


def test_unknown_claim_suggests_keys():
    with pytest.raises(BriefingError) as caught:
        load(FULL).claim("campaign.larges")
    assert "unknown claim key 'campaign.larges' (did you mean campaign.largest?)" in str(caught.value)


@pytest.mark.parametrize(("old", "new", "line_snippet", "message"), [
    ('      wire: "the largest', '      wirre: "the largest', '      wirre:',
     "claims.campaign.largest: unknown source 'wirre' (did you mean wire?)"),
    ("    says: The wire calls it the largest", "    says: The wire calls it the 1st",
     "    says:", "says: no digits allowed, found '1'"),
    ("    sources:\n      wire: \"the largest marketing campaign in the company's history\"\n",
     "    sources: {}\n", "    sources: {}", "sources: "),
    ("    figures: [holiday.start, holiday.length]", "    figures: [holiday.start, holiday.lenght]",
     "    figures: [holiday.start, holiday.lenght]",
     "open_questions.holiday-end: unknown figure 'holiday.lenght'"),
    ("    question: When does the holiday end?", "    question: Does it end on day 9?",
     "    question:", "question: no digits allowed, found '9'"),
    ("    new: about US$144 million", "    new: US$144 million", "    new: US$144 million",
     "corrections.0: 'new' is 'US$144 million', but rival.budget_usd now reads "
     "'about US$144 million'"),
    ("  - figure: names.gone", "  - figure: names.old", "    removed: true",
     "names.old is marked removed but is still under 'figures:'"),
    ("    old: Something\n    removed: true", "    old: Something", "  - figure: names.gone",
     "missing required field 'new'"),
    ("  campaign.largest:", "  rival.ratio:", "  rival.ratio:\n    says",
     "'rival.ratio' is also a figure key"),
])
def test_mistakes_in_the_new_sections(old, new, line_snippet, message):
    text = with_(old, new)
    error = error_for(text)
    assert message in str(error)
    assert error.line == line_of(line_snippet, text)
    assert error.hint


def test_a_list_of_ids_without_passages_is_refused():
    text = replace('    sources: {wire: "shares recently closed at 142.00 euros"}',
                   "    sources: [wire]")
    error = error_for(text)
    assert "sources: a list of ids has no passages" in str(error)
    assert error.line == line_of("    sources: [wire]", text)
    assert "stocknews-feb3:" in error.hint


def test_an_empty_passage_is_refused():
    text = replace('    sources: {wire: "shares recently closed at 142.00 euros"}',
                   '    sources: {wire: ""}')
    assert "the passage is empty" in str(error_for(text))


def test_source_names_are_unique():
    text = replace('    name: "Example Blog"', '    name: "example wire"')
    assert "name 'example wire' is already used by sources.wire" in str(error_for(text))


@pytest.mark.parametrize(("old", "new", "key"), [
    ('      wire: "the largest marketing campaign in the company\'s history"\n',
     '      wire: "the largest marketing campaign in the company\'s history"\n'
     '      wire: "the largest marketing campaign"\n', "claims.campaign.largest"),
    ('    sources: {blog: "its AI chatbot Tongyi Qianwen"}',
     '    sources: {blog: "its AI chatbot Tongyi Qianwen", blog: "Tongyi Qianwen"}',
     "glossary.qwen"),
])
def test_a_claim_or_glossary_entry_citing_a_source_twice_is_refused(old, new, key):
    error = error_for(with_(old, new))
    assert f"{key}: cites source" in str(error) and "twice (first on line" in str(error)
    assert "give them as a list" in error.hint


def test_a_source_cited_only_by_a_claim_counts_as_cited():
    text = replace('    sources: {blog: "to push its AI chatbot Tongyi Qianwen into the mainstream"}',
                   '    sources: {wire: "Tongyi Qianwen"}', FULL)
    text = replace('      blog: "a bet of about US$431 million"\n', "", text)
    text = replace('    sources: {blog: "its AI chatbot Tongyi Qianwen"}', "    sources: {}", text)
    assert "sources.blog: no figure, claim or glossary entry cites this source" in str(error_for(text))
    text = text.replace('      wire: "the largest', '      blog: "the largest')
    load(text)


# ---------------------------------------------------------------------- editorial, expected

EDITORIAL = """\
  names.new:
    label: Current name
    value: Gemini
    kind: text
    editorial: true
    expected: true
conflicts:
"""


def test_editorial_and_expected_figures():
    fig = load(replace("conflicts:\n", EDITORIAL)).figure("names.new")
    assert fig.editorial and fig.expected
    assert fig.sources == () and fig.passages == {} and fig.as_of.precision == "none"


@pytest.mark.parametrize(("extra", "message"), [
    ("    as_of: 2026-02-03\n", "an editorial figure has no as_of date"),
    ('    sources: {blog: "Gemini"}\n', "an editorial figure cites no sources"),
])
def test_editorial_figures_cite_nothing(extra, message):
    text = replace("conflicts:\n", EDITORIAL.replace("conflicts:\n", extra + "conflicts:\n"))
    assert message in str(error_for(text))


def test_a_derived_figure_cites_no_sources_of_its_own():
    text = replace("    formula: campaign.budget_cny / rival.budget_cny\n",
                   "    formula: campaign.budget_cny / rival.budget_cny\n"
                   "    sources: {wire: \"three times\"}\n")
    assert "a derived figure cites no sources of its own" in str(error_for(text))


def test_a_conflict_needs_no_explanation():
    assert load(replace("    explanation: Rounding.\n", "")).conflicts["dollar-amount"].explanation is None


# ------------------------------------------------------------------------- circular checks

def test_a_check_computed_from_the_figure_it_checks_is_refused():
    text = replace("    formula: rival.budget_cny / fx.rate\n",
                   "    formula: rival.budget_cny / fx.rate\n"
                   "    check: {stated: campaign.budget_usd, tolerance: 0.5}\n")
    error = error_for(text)
    assert error.key == "figures.rival.budget_usd"
    assert ("the check cannot fail: rival.budget_usd is computed from campaign.budget_usd itself "
            "(rival.budget_usd -> fx.rate -> campaign.budget_usd)") in str(error)


def test_an_independent_check_still_runs():
    text = replace("    formula: campaign.budget_cny / rival.budget_cny\n",
                   "    formula: campaign.budget_cny / rival.budget_cny\n"
                   "    check: {stated: holiday.length, tolerance: 0.01}\n")
    assert "disagrees with stated figure holiday.length" in str(error_for(text))


# ----------------------------------------------------------------------------- precision

def test_a_figure_computed_from_an_approximate_input_is_approximate():
    briefing = load()
    rate, dollars = briefing.figure("fx.rate"), briefing.figure("rival.budget_usd")
    assert rate.approximate and rate.qualifier == "approximately"
    assert rate.text == "about 6.96 yuan per US dollar"   # 3 significant figures, like 431
    assert dollars.text == "about US$144 million"          # nearest million, like 431 million
    assert dollars.machine == "144000000"
    assert dollars.value == pytest.approx(1e9 / (3e9 / 431e6))   # full precision kept
    assert not briefing.figure("rival.ratio").approximate   # exact inputs only
    assert briefing.figure("rival.ratio").text == "3×"


def test_money_is_rounded_to_the_unit_of_its_approximate_input():
    text = replace("    value: 1000000000", "    value: 500000000")
    text = replace("rival's 1 billion yuan", "rival's 500 million yuan", text)
    assert load(text).figure("rival.budget_usd").text == "about US$72 million"


def test_a_derived_figure_keeps_its_own_qualifier():
    text = replace("    formula: rival.budget_cny / fx.rate\n",
                   "    formula: rival.budget_cny / fx.rate\n    qualifier: up to\n")
    fig = load(text).figure("rival.budget_usd")
    assert fig.qualifier == "up to" and fig.text == "up to US$144 million"


def test_an_exact_input_does_not_make_a_figure_approximate():
    text = replace("    qualifier: about\n", "")
    text = text.replace("(about $431 million)", "($431 million)")
    text = replace('a bet of about US$431 million', 'a bet of US$431 million', text)
    fig = load(text).figure("rival.budget_usd")
    assert not fig.approximate and fig.text == "US$144 million"
