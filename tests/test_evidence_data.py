"""The evidence in data/briefing.yml: every stated figure quotes each source it cites, every
claim quotes a source, and a mistyped value, date, currency or qualifier fails the build with
one message naming file, line, key and the passage (issue 9's mutation tests)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, build
from macros.engine.errors import BriefingError
from macros.engine.pipeline import briefing_from_text, load_briefing

DATA = "data/briefing.yml"
TEXT = (ROOT / DATA).read_text(encoding="utf-8")
REAL = load_briefing(ROOT / DATA, DATA)


def test_every_stated_figure_has_a_passage_per_cited_source():
    stated = [f for f in REAL.figures.values() if not f.derived and not f.editorial]
    assert stated
    for fig in stated:
        assert fig.passages, fig.key
        assert tuple(fig.passages) == fig.sources, fig.key
        for source, passages in fig.passages.items():
            assert passages and all(p.strip() for p in passages), (fig.key, source)


def test_derived_and_editorial_figures_quote_nothing():
    for fig in REAL.figures.values():
        if fig.derived or fig.editorial:
            assert fig.passages == {}, fig.key
        if fig.editorial:
            assert fig.sources == () and fig.as_of.precision == "none", fig.key


def test_every_claim_has_a_passage_from_a_known_source():
    assert REAL.claims
    for claim in REAL.claims.values():
        assert claim.sources, claim.key
        for source, passages in claim.sources.items():
            assert source in REAL.sources, (claim.key, source)
            assert passages and all(p.strip() for p in passages), (claim.key, source)


def test_glossary_and_questions_refer_to_what_exists():
    for entry in REAL.glossary.values():
        assert set(entry.sources) <= set(REAL.sources), entry.key
    for question in REAL.open_questions.values():
        assert set(question.figures) <= set(REAL.figures), question.key


def test_corrections_match_the_figures_current_text():
    for correction in REAL.corrections:
        if not correction.removed:
            fig = REAL.figure(correction.figure)
            assert fig.text == correction.new
            assert correction in fig.corrections


def test_reporting_date_is_the_latest_source_date():
    assert str(REAL.reporting_as_of) == "early 2026-02"


# ------------------------------------------------------------------------ mutation tests

def block_of(key: str) -> str:
    match = re.search(rf"\n  {re.escape(key)}:\n(?:(?:    .*)?\n)+?(?=  \S|\n\S)", TEXT)
    assert match, key
    return match.group(0)


def mutate(key: str, old: str, new: str) -> str:
    block = block_of(key)
    assert old in block, (key, old)
    return TEXT.replace(block, block.replace(old, new, 1), 1)


def first_passage_line(text: str, key: str) -> int:
    start = text.index(f"\n  {key}:\n") + 1
    return text[:text.index("\n    sources:\n", start)].count("\n") + 3


MUTATIONS = {
    "value times ten": ("campaign.budget_cny", "value: 3000000000", "value: 30000000000",
                        "looked for 30,000,000,000 CNY with no qualifier"),
    "date shifted by a day": ("holiday.start", 'value: "2026-02-15"', 'value: "2026-02-16"',
                              "looked for the date 2026-02-16"),
    "currency changed": ("campaign.budget_cny", "currency: CNY", "currency: USD",
                         "looked for 3,000,000,000 USD with no qualifier"),
    "qualifier dropped": ("campaign.budget_usd", "    qualifier: approximately\n", "",
                          "looked for 431,000,000 USD with no qualifier"),
    "qualifier dropped from a count": ("chips.zhenwu_shipped", "    qualifier: more than\n", "",
                                       "looked for 100,000 units with no qualifier"),
    "duration changed": ("holiday.duration", "value: 9", "value: 8",
                         "looked for 8 days with no qualifier"),
    "percent mistyped": ("shares.decline_feb3", "value: 2.34", "value: 2.43",
                         "looked for 2.43% with no qualifier"),
    "year changed": ("china.ai_leadership_target", "value: 2030", "value: 2035",
                     "looked for 2035 with no qualifier"),
    "text changed": ("chips.ipo_unit", 'value: "T-Head"', 'value: "T-Heads"',
                     "does not contain that text"),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_a_mutated_figure_fails_with_file_line_key_and_passage(name):
    key, old, new, looked_for = MUTATIONS[name]
    text = mutate(key, old, new)
    with pytest.raises(BriefingError) as caught:
        briefing_from_text(text, DATA)
    error, message = caught.value, str(caught.value)
    assert error.file == DATA and error.key == f"figures.{key}"
    assert error.line == first_passage_line(text, key)
    assert message.startswith(f"{DATA}:{error.line}: figures.{key}: the passage from ")
    assert looked_for in message
    first_source = next(iter(REAL.figure(key).passages))
    assert REAL.figure(key).passages[first_source][0] in message
    assert "How to fix: correct the value, unit, currency, qualifier, date or kind" in message


def test_a_mutated_value_fails_the_strict_build(project_copy):
    data = project_copy / DATA
    data.write_text(mutate("campaign.budget_cny", "value: 3000000000", "value: 30000000000"),
                    encoding="utf-8")
    result = build(project_copy)
    assert result.returncode != 0
    line = first_passage_line(data.read_text(encoding="utf-8"), "campaign.budget_cny")
    assert (f"{DATA}:{line}: figures.campaign.budget_cny: the passage from stocknews-feb3 "
            "does not support '30 billion yuan'") in result.output
