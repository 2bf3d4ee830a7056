"""The data file's mistakes: each stops the engine with one message naming the file, line and
key, the problem and How to fix, exactly as `make build` prints it.

The cases add entries of their own to the real data file's text (so the real content can change
freely) and load it in-process through tests/engine_data.py; `test_the_build_prints_the_same_message`
runs real strict builds for a few of them and finds the very same message in the build's output.
The engine-level variants at the end try more forms of the same mistakes on a small data file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import build
from engine_data import DATA, VALID, BriefingError, error_for, file_error, line_of, load, replace
from real_data import KEY, REAL, REAL_TEXT, SOURCE, add, derived, line, stated


def told(message: str, place: str, problem: str, hint: str) -> str:
    """Check one message '<place>: <problem>' with its one How to fix line; return it."""
    assert "Traceback" not in message
    assert message.startswith(f"{place}: {problem}"), message
    assert message.count("How to fix:") == 1, message
    assert f"\n  How to fix: {hint}" in message, message
    return message


def fails(text: str, place: str, problem: str, hint: str) -> str:
    """Loading `text` as the data file stops with exactly this message."""
    return told(str(error_for(text)), place, problem, hint)


# ---------------------------------------------------------------- the data file

def test_yaml_syntax_error():
    text = add("figures", stated("test.syntax", "note: Test: broken"))
    fails(text, f"{DATA}:{line(text, 'note: Test: broken')}",
          "YAML syntax error: mapping values are not allowed in this context",
          "check indentation, colons and quotes on this line and the one before it")


def test_duplicate_key():
    text = add("figures", stated("test.twice", "kind: money"))
    start = line(text, "  test.twice:")   # then label, value, kind, as_of, sources, kind
    first = start + 3
    fails(text, f"{DATA}:{start + 6}: figures.test.twice.kind",
          f"duplicate key 'kind' (first defined on line {first})",
          "keep one of the two entries; YAML would silently drop the first")


def test_unknown_field():
    text = add("figures", stated("test.typo", "unti: units"))
    fails(text, f"{DATA}:{line(text, 'unti: units')}: figures.test.typo",
          "unknown field 'unti' (did you mean unit?)", "remove it or use one of: appendix_only,")


def test_missing_required_field():
    text = add("figures", stated("test.nolabel").replace("    label: Test figure\n", ""))
    fails(text, f"{DATA}:{line(text, '  test.nolabel:')}: figures.test.nolabel",
          "missing required field 'label'", "add 'label:' to this entry")


def test_text_where_a_number_is_expected():
    text = add("figures", stated("test.words", value="three billion"))
    fails(text, f"{DATA}:{line(text, 'value: three billion')}: figures.test.words",
          "expected a number for a count figure, got 'three billion'",
          "write the plain number, e.g. 3000000000")


def test_negative_where_impossible():
    text = add("figures", stated("test.negative", value="-5"))
    fails(text, f"{DATA}:{line(text, 'value: -5')}: figures.test.negative",
          "a count figure must be greater than zero, got -5",
          "check the sign and the number; a fall or decline belongs in a percent figure")


def test_unknown_currency():
    text = add("figures", stated("test.pounds", "currency: GBP", kind="money"))
    fails(text, f"{DATA}:{line(text, 'currency: GBP')}: figures.test.pounds",
          "unknown currency 'GBP'", "use one of the allowed values ('CNY', 'USD' or 'EUR')")


def test_impossible_date():
    text = add("figures", stated("test.when", value="2026-02-30", kind="date"))
    fails(text, f"{DATA}:{line(text, 'value: 2026-02-30')}: figures.test.when.value",
          "2026-02-30 is not a real calendar date (day is out of range for month)",
          "write a date that exists, like 2026-02-15")


def test_figure_citing_an_unknown_source():
    typo = SOURCE[:-1]
    text = add("figures", stated("test.cites").replace(f"{{{SOURCE}:", f"{{{typo}:"))
    fails(text, f"{DATA}:{line(text, f'sources: {{{typo}:')}: figures.test.cites",
          f"unknown source '{typo}' (did you mean {SOURCE}", "add the source under 'sources:'")


def test_source_that_no_figure_cites():
    text = add("sources", "  test-unused:\n    name: Unused\n    publisher: Nobody\n"
               "    title: Unused\n    date: 2026\n    reliability: low\n    note: Cited nowhere.\n")
    fails(text, f"{DATA}:{line(text, '  test-unused:')}: sources.test-unused",
          "no figure, claim or glossary entry cites this source",
          "add it with its passage to the 'sources:' of the figures or claims it supports, "
          "or delete the source")


def test_derived_figure_using_an_unknown_figure():
    typo = KEY[:-1]
    text = add("figures", derived("test.sum", f"{typo} * 2", "currency: CNY",
                                                kind="money"))
    fails(text, f"{DATA}:{line(text, f'formula: {typo} * 2')}: figures.test.sum",
          f"formula refers to unknown figure '{typo}' (did you mean {KEY}",
          "fix the key in the formula or add the figure")


def test_derived_figure_cycle():
    text = add("figures", derived("test.loop_a", "test.loop_b * 2")
               + derived("test.loop_b", "test.loop_a / 2"))
    fails(text, f"{DATA}:{line(text, 'formula: test.loop_a / 2')}: figures.test.loop_b",
          "derived figures form a cycle: test.loop_a -> test.loop_b -> test.loop_a",
          "one figure in the loop must be a stated value")


def test_division_by_zero():
    formula = "test.base / (test.base - test.base)"
    text = add("figures", stated("test.base")
               + derived("test.quotient", formula, kind="ratio"))
    fails(text, f"{DATA}:{line(text, f'formula: {formula}')}: figures.test.quotient",
          f"cannot compute '{formula}': division by zero: test.base - test.base is zero",
          "a figure you divide by must not be zero")


def test_stated_and_derived_disagree():
    check = "check: {stated: test.total, tolerance: 0.05}"
    text = add("figures", stated("test.total", value="100") + stated("test.part", value="40")
               + derived("test.double", "test.part * 2", check))
    fails(text, f"{DATA}:{line(text, check)}: figures.test.double",
          "derived value 80 (80) disagrees with stated figure test.total = 100 (100) by 20.00%, "
          "more than the tolerance of 5.00%",
          "check both figures against their sources, or record the difference under 'conflicts:'")


def test_missing_data_file(tmp_path):
    told(str(file_error(tmp_path / "briefing.yml")), DATA, "data file not found",
          "create it, or check 'data:' under 'extra: briefing:' in mkdocs.yml")


def test_yaml_alias_is_refused():
    text = add("figures", stated("test.alias", "note: &r [*r]"))
    fails(text, f"{DATA}:{line(text, 'note: &r [*r]')}",
          "YAML anchors and aliases are not supported (found '&r')",
          "write the value out in full at each place it is needed")


def test_yaml_11_number_is_refused():
    text = add("figures", stated("test.octal", value="0431"))
    fails(text, f"{DATA}:{line(text, 'value: 0431')}: figures.test.octal.value",
          "0431 is not a plain decimal number: YAML reads it as 281", "write 431 (digits")


def test_data_path_is_a_directory(tmp_path):
    told(str(file_error(tmp_path)), DATA, "the data path is a folder, not a file",
          "point 'data:' under 'extra: briefing:' in mkdocs.yml at the YAML file")


def test_data_file_unreadable(tmp_path):
    looped = tmp_path / "briefing.yml"
    looped.symlink_to(looped)  # a link to itself cannot be read
    told(str(file_error(looped)), DATA, "cannot read the data file (Too many levels of symbolic links)",
          "check that the file exists and that you may read it")


def test_line_break_in_a_one_line_field():
    text = add("sources", "  test-broken:\n    name: \"Broken Press\"\n"
               "    publisher: \"Broken\n\n    - Press\"\n"
               "    title: Broken\n    date: 2026\n    reliability: low\n    note: Broken.\n")
    text = add("figures", stated("test.broken", "appendix_only: true")
               .replace(f"{{{SOURCE}:", "{test-broken:"), text)
    at = line(text, 'publisher: "Broken')
    fails(text, f"{DATA}:{at}: sources.test-broken",
          "publisher: a line break in a one-line field ('Broken\\n- Press')",
          "write it on one line")


def test_derived_figure_gets_the_range_checks():
    text = add("figures", stated("test.year", value="2015", kind="year")
               + derived("test.far", "test.year * 1000", kind="year"))
    fails(text, f"{DATA}:{line(text, 'formula: test.year * 1000')}: figures.test.far",
          "2015000 is not a plausible year (a whole year from 1900 to 2100)",
          "check the formula and its inputs")


def test_conflict_with_one_figure():
    text = add("conflicts", f"  test-alone:\n    title: Alone\n    type: renamed\n"
               f"    figures: [{KEY}]\n    explanation: Only one.\n")
    fails(text, f"{DATA}:{line(text, f'    figures: [{KEY}]')}: conflicts.test-alone",
          "a conflict needs at least two figures, got 1", "list every figure that disagrees")


def test_empty_conflicts_section():
    text = REAL_TEXT[: REAL_TEXT.index("\nconflicts:\n")] + "\nconflicts:\n"
    fails(text, f"{DATA}:{line(text, chr(10) + 'conflicts:') + 1}: conflicts",
          "'conflicts:' is empty", "delete the empty 'conflicts:' line")


def test_unknown_section_lists_the_sections():
    text = REAL_TEXT + "glosary:\n  qwen: Qwen\n"
    fails(text, f"{DATA}:{line(text, 'glosary:')}: glosary",
          "unknown field 'glosary' (did you mean glossary?)",
          "remove it or use one of: claims, conflicts, corrections, figures, glossary, "
          "names_with_digits, number_words_allowed, open_questions, sources, updates")


def test_a_date_where_text_is_expected_is_not_a_python_repr():
    text = add("figures", stated("test.name", value="2026-02-03", kind="text"))
    output = fails(text, f"{DATA}:{line(text, 'value: 2026-02-03')}: figures.test.name",
                   "a text figure needs text, got 2026-02-03", "quote the value")
    assert "datetime" not in output


def test_check_against_a_stated_zero():
    check = "check: {stated: test.zero, tolerance: 0.05}"
    text = add("figures", stated("test.zero", value="0", kind="percent",
                                               passage="0%")
               + stated("test.part", value="40") + derived("test.double", "test.part * 2", check))
    output = fails(text, f"{DATA}:{line(text, check)}: figures.test.double",
                   "derived value 80 cannot be compared with stated figure test.zero, which is zero",
                   "check both figures against their sources; a check cannot compare with a "
                   "figure of zero")
    assert not re.search(r"\binf\b", output), output


def test_as_of_later_than_every_source():
    text = add("figures", stated("test.late").replace("as_of: 2026-02-03",
                                                                     "as_of: 2026-12-03"))
    fails(text, f"{DATA}:{line(text, 'as_of: 2026-12-03')}: figures.test.late",
          f"as_of 2026-12-03 is later than every cited source (the latest, {SOURCE}",
          "a source cannot report what was true after it was published")


BUDGET = '  campaign.budget_cny:\n'


def budget_as_of(as_of: str, *extra: str) -> str:
    """The real data with the campaign budget's as_of (and further fields) replaced."""
    start = REAL_TEXT.index(BUDGET)
    old = REAL_TEXT[start:].index('    as_of: "2026-02-02"\n') + start
    new = f'    as_of: "{as_of}"\n' + "".join(f"    {field}\n" for field in extra)
    return REAL_TEXT[:old] + new + REAL_TEXT[old + len('    as_of: "2026-02-02"\n'):]


@pytest.mark.parametrize("as_of", ["2019-03-01", "2024", "early 2025-01"])
def test_as_of_long_before_every_source(as_of):
    """A figure true years before any of its sources was written is a typo, unless recalled."""
    text = budget_as_of(as_of)
    fails(text, f'{DATA}:{line(text, f"as_of: {chr(34)}{as_of}")}: figures.campaign.budget_cny',
          f"as_of {as_of} is more than a year before every cited source (the earliest, "
          "logos-press, is dated early 2026-02)", "write when the figure was true or reported")


@pytest.mark.parametrize(("as_of", "extra"), [
    ("2019-03-01", ("historical: true",)),   # recalled from long before
    ("2025-03", ()),                         # within a year of the sources
])
def test_as_of_before_the_sources_within_reason_passes(as_of, extra):
    assert load(budget_as_of(as_of, *extra)).figures["campaign.budget_cny"].as_of


def test_a_date_figure_may_be_as_of_long_before_its_sources():
    old = '  deepseek.r1_launch:\n'
    start = REAL_TEXT.index(old)
    at = REAL_TEXT.index('    as_of: "early 2026-02"\n', start)
    text = REAL_TEXT[:at] + '    as_of: "2024-06"\n' + REAL_TEXT[at + len('    as_of: "early 2026-02"\n'):]
    assert str(load(text).figures["deepseek.r1_launch"].as_of) == "2024-06"


def test_an_expected_figure_is_still_not_as_of_after_its_sources():
    start = REAL_TEXT.index('  deepseek.v4_expected:\n')
    at = REAL_TEXT.index('    as_of: "early 2026-02"\n', start)
    text = REAL_TEXT[:at] + '    as_of: "2026-06"\n' + REAL_TEXT[at + len('    as_of: "early 2026-02"\n'):]
    assert "is later than every cited source" in error_for(text).problem


@pytest.mark.parametrize("as_of", ["0001-02-03", "2999"])
def test_as_of_outside_the_plausible_range(as_of):
    text = add("figures", stated("test.when").replace("as_of: 2026-02-03",
                                                                     f"as_of: '{as_of}'"))
    fails(text, f"{DATA}:{line(text, f'as_of: {chr(39)}{as_of}')}: figures.test.when",
          f"as_of: {as_of} is outside the plausible range 1900 to 2100", "check the year")


def test_positive_count_shown_as_zero():
    text = add("figures", stated("test.tiny", "unit: units", value="0.3"))
    fails(text, f"{DATA}:{line(text, 'value: 0.3')}: figures.test.tiny",
          "0.3 would be shown as '0 units'", "set 'decimals:' high enough to show it")


def test_same_source_twice():
    """`sources:` is a mapping, so a second citation of a source is a duplicate key, which
    YAML would silently merge into one: the loader refuses it."""
    twice = f'{{{SOURCE}: "5", {SOURCE}: "5"}}'
    text = add("figures", stated("test.twice_cited").replace(
        f'{{{SOURCE}: "5"}}', twice))
    at = line(text, twice)
    fails(text, f"{DATA}:{at}: figures.test.twice_cited",
          f"cites source '{SOURCE}' twice (first on line {at})",
          "cite each source once; to quote two passages from it, give them as a list")


def test_check_naming_its_own_figure():
    check = "check: {stated: test.self, tolerance: 0.05}"
    text = add("figures", stated("test.part", value="40")
               + derived("test.self", "test.part * 2", check))
    fails(text, f"{DATA}:{line(text, check)}: figures.test.self",
          "the check names this figure itself, so it can never fail",
          "name the stated figure this one must agree with")


def test_label_of_only_spaces():
    text = add("figures", stated("test.blank").replace("label: Test figure",
                                                                      'label: "   "'))
    at = line(text, 'label: "   "')
    fails(text, f"{DATA}:{at}: figures.test.blank",
          "label: only spaces", "write the label")


def test_digits_in_a_label():
    text = add("figures", stated("test.digits").replace(
        "label: Test figure", "label: Downloads in 2026"))
    fails(text, f"{DATA}:{line(text, 'label: Downloads in 2026')}: figures.test.digits",
          "label: no digits allowed, found '2026' in 'Downloads in 2026'",
          "say it in words without the number")


def test_a_number_in_words_in_a_label():
    text = add("figures", stated("test.words").replace(
        "label: Test figure", "label: Downloads in the first four days"))
    fails(text, f"{DATA}:{line(text, 'label: Downloads in the first')}: figures.test.words",
          "label: a number written in words, 'four', in 'Downloads in the first four days'",
          "say it without the number (the number belongs in a figure); an idiom such as \"one "
          "of\" goes in 'number_words_allowed:' next to 'names_with_digits:'")


def test_digits_in_a_conflict_explanation():
    other = next(k for k in REAL.figures if k != KEY)
    explanation = "Only one outlet reports 10 million downloads."
    text = add("conflicts", f"  test-digits:\n    title: Downloads\n"
               f"    type: same-quantity\n    figures: [{KEY}, {other}]\n"
               f"    explanation: {explanation}\n")
    fails(text, f"{DATA}:{line(text, explanation)}: conflicts.test-digits",
          "explanation: no digits allowed, found '10'", "say it in words without the number")


@pytest.mark.parametrize(("old", "new", "key", "field", "found"), [
    ("in the year Tencent set that precedent", "in 2015", "glossary.red-envelopes",
     "definition", "2015"),
    ('term: "Red envelopes"', 'term: "Red envelopes of 2015"', "glossary.red-envelopes", "term",
     "2015"),
    ("gives only the year of the Games.", "gives only the year of the Games, 2026.",
     "open_questions.olympics-dates", "why", "2026"),
    ("'late January' and prints no year; the year is", "'late January' and prints no year; 2026 is",
     "figures.chips.h200_approval", "note", "2026"),
    ("Its credited sentences are listed", "Its 2 credited sentences are listed",
     "sources.stocknews-feb3", "note", "2"),
    ("now marked 'about'.", "now marked 'about' (rounded to 3 places).", "corrections.1", "reason",
     "3"),
    ('unit: "yuan per US dollar"', 'unit: "yuan per 100 US dollars"', "figures.fx.implied_cny_per_usd",
     "unit", "100"),
])
def test_digits_in_any_prose_field_of_the_data_file(old, new, key, field, found):
    """Every text the site shows as prose follows the labels' rule, wherever in the file."""
    assert old in REAL_TEXT, old
    text = REAL_TEXT.replace(old, new, 1)
    error = error_for(text)
    assert (error.file, error.key) == (DATA, key), str(error)
    assert isinstance(error.line, int)
    if field not in {"definition", "note"}:   # a folded text is told at its field's line
        assert error.line == line(text, new), str(error)
    assert error.problem.startswith(f"{field}: no digits allowed, found '{found}'"), str(error)
    assert error.hint.startswith("say it in words without the number"), str(error)


@pytest.mark.parametrize(("old", "new", "word"), [
    ("in the year Tencent set that precedent", "in one of twelve years, 4 in total", "4"),
    ("in the year Tencent set that precedent", "in one of twelve years", "twelve"),
    ("gives only the year of the Games.", "gives only the year of the Games, a fortnight of three weeks.",
     "three"),
])
def test_numbers_in_words_in_data_prose_are_refused(old, new, word):
    error = error_for(REAL_TEXT.replace(old, new, 1))
    assert f"'{word}'" in error.problem, str(error)
    assert "Traceback" not in str(error) and str(error).count("How to fix:") == 1


def test_names_sources_and_idioms_pass_in_data_prose():
    """names_with_digits, a source's own name and number_words_allowed are written as they are."""
    text = REAL_TEXT.replace("in the year Tencent set that precedent",
                             "in the year Tencent set that precedent, as Stock news, 6 Feb says; "
                             "one of the H200 rivals", 1)
    assert load(text).glossary


@pytest.mark.parametrize(("old", "new", "key", "read"), [
    ("    unit: trading days\n", "    unit: weeks\n", "shares.window_feb3",
     "7 followed by 'trading days' (from 'seven')"),
    ("    unit: units\n", "    unit: shipments\n", "chips.zhenwu_shipped",
     "it reads more than 100,000 followed by 'units of its proprietary'"),
    ("    value: 2030\n    kind: year\n", "    value: 2030\n    kind: count\n    unit: years\n",
     "china.ai_leadership_target", "it reads 2030, a year, (from '2030')"),
    ("    value: 2030\n    kind: year\n", "    value: 2030\n    kind: count\n",
     "china.ai_leadership_target", "it reads 2030, a year, (from '2030')"),
])
def test_a_count_needs_its_unit_and_is_no_year(old, new, key, read):
    """'7 weeks' is not 'seven trading days'; '2,030 years' is not 'by 2030'."""
    assert REAL_TEXT.count(old) == 1, old
    error = error_for(REAL_TEXT.replace(old, new))
    assert error.key == f"figures.{key}", str(error)
    assert error.problem.startswith("the passage from "), str(error)
    assert read in error.problem, str(error)
    assert error.hint.startswith("correct the value, unit, currency, qualifier, date or kind")


def test_a_year_is_no_amount_of_money():
    """A currency is needed for money, and a bare year never gives one."""
    old = "    value: 2030\n    kind: year\n"
    error = error_for(REAL_TEXT.replace(old, "    value: 2030\n    kind: money\n    currency: CNY\n"))
    assert error.key == "figures.china.ai_leadership_target" and "looked for 2030 CNY" in error.problem


def test_digits_in_a_conflict_verdict():
    other = next(k for k in REAL.figures if k != KEY)
    verdict = "The budget is 6 times larger."
    text = add("conflicts", f"  test-digits:\n    title: Downloads\n"
               f"    type: same-quantity\n    figures: [{KEY}, {other}]\n"
               f"    verdict: {verdict}\n")
    fails(text, f"{DATA}:{line(text, verdict)}: conflicts.test-digits",
          "verdict: no digits allowed, found '6'", "say it in words without the number")


def test_an_unknown_correction_kind():
    text = REAL_TEXT.replace("    reason: \"Derived from an approximate dollar amount; now marked",
                             "    kind: typo\n    reason: \"Derived from an approximate dollar amount; "
                             "now marked", 1)
    assert "kind: typo" in text
    fails(text, f"{DATA}:{line(text, 'kind: typo')}: corrections.1", "unknown kind 'typo'",
          "use one of the allowed values ('value' or 'clarification')")


# ---------------------------------------------------------------- engine-level variants

def hinted_error(text: str) -> BriefingError:
    error = error_for(text)
    assert error.hint, str(error)
    return error


@pytest.mark.parametrize(("old", "new", "message"), [
    ("value: 431000000", "value: 0", "a money figure must be greater than zero, got 0"),
    ("value: 142", "value: -142", "a price figure must be greater than zero"),
    ("unit: day\n    value: 9", "unit: day\n    value: 0", "a duration figure must be"),
    ("value: 3000000000", "value: 3000000000000000000", "is implausibly large"),
    ("value: 3000000000", "value: true", "value: expected a number, a date or text"),
    ("unit: day\n    value: 9", "unit: fortnight\n    value: 9",
     "unknown or missing duration unit 'fortnight'"),
    ("kind: money\n    currency: CNY", "kind: cash\n    currency: CNY", "unknown kind 'cash'"),
    ("currency: CNY", "currency: yuan", "unknown currency 'yuan'"),
    ("value: 2026-02-06", "value: Feb 2026", "'Feb 2026' is not a date"),
    ("value: 2026-02-06", "value: '2026-13'", "2026-13 is not a real calendar date"),
    ("value: 2026-02-06", "value: mid 2026", "early/mid/late goes with a month"),
    ("as_of: 2026-02-02", "as_of: yesterday", "as_of: 'yesterday' is not a date"),
    ("date: 2026-02-03", "date: 2026-02-03 10:00:00", "give a date without a time of day"),
])
def test_more_forms_of_bad_values(old, new, message):
    """The error names the changed line that holds the mistake."""
    text = replace(f"    {old}", f"    {new}")
    error = hinted_error(text)
    assert message in str(error)
    changed = [line_of(f"    {part}", text) for part, before in
               zip(new.split("\n    "), old.split("\n    "), strict=True) if part != before]
    assert error.line == changed[0]


def test_check_on_a_stated_figure_is_refused():
    text = replace('      blog: "a bet of about US$431 million"\n  rival.budget_cny:',
                   '      blog: "a bet of about US$431 million"\n'
                   "    check: {stated: rival.budget_cny, tolerance: 0.1}"
                   "\n  rival.budget_cny:")
    error = hinted_error(text)
    assert "'check' belongs on a derived figure" in str(error)
    assert error.key == "figures.campaign.budget_usd"


def test_check_against_a_figure_derived_later_is_compared():
    text = replace("    formula: campaign.budget_cny / rival.budget_cny",
                   "    formula: campaign.budget_cny / rival.budget_cny\n"
                   "    check: {stated: campaign.lead_days, tolerance: 0.01}")
    assert "disagrees with stated figure campaign.lead_days = 9 days" in str(hinted_error(text))


@pytest.mark.parametrize(("formula", "message"), [
    ("2 * 3", "a formula must use at least one figure"),
    ("rival.budget_cny * 1e300 * 1e300", "computes inf: far too large, or not a number at all"),
    ("holiday.start + holiday.length * 1e9", "the result is too large (or, for a date, outside"),
    (" + ".join(["rival.budget_cny"] * 80), "formula is too long"),
    ("__import__('os')", "may use only figure keys, numbers"),
])
def test_formulas_that_cannot_be_computed(formula, message):
    text = replace("    formula: holiday.start + holiday.length", f"    formula: {formula}")
    error = hinted_error(text)
    assert message in str(error)
    assert error.key == "figures.holiday.after"


def test_unquoted_control_character_names_its_line():
    text = replace("    title: Budget report", "    title: Budget\x07report")
    error = hinted_error(text)
    assert "character U+0007 is not allowed in YAML" in str(error)
    assert error.line == line_of("    title: Budget", text)


def test_every_source_must_be_cited():
    text = replace('      blog: "a bet of about US$431 million"\n', "")
    text = replace('    sources: {blog: "to push its AI chatbot Tongyi Qianwen into the mainstream"}',
                   '    sources: {wire: "Tongyi Qianwen"}', text)
    error = hinted_error(text)
    assert str(error).startswith(f"{DATA}:{line_of('  blog:', text)}: sources.blog: "
                                 "no figure, claim or glossary entry cites this source")


def test_valid_file_still_loads():
    assert load(VALID).figures


def test_a_section_written_twice_says_to_merge_it():
    text = VALID + "figures:\n  extra.figure:\n    label: Pasted with its section line\n"
    error = hinted_error(text)
    assert error.line == line_of("figures:\n  extra.figure:", text)
    assert "duplicate key 'figures'" in str(error)
    assert "How to fix: write 'figures:' once: move the entries below this line" in str(error)


# ---------------------------------------------------------------- in-process and build agree

SAME_IN_A_BUILD = {
    "unknown field": lambda: add("figures", stated("test.typo", "unti: units")),
    "cycle": lambda: add("figures", derived("test.loop_a", "test.loop_b * 2")
                         + derived("test.loop_b", "test.loop_a / 2")),
    "empty section": lambda: REAL_TEXT[: REAL_TEXT.index("\nconflicts:\n")] + "\nconflicts:\n",
}


@pytest.mark.parametrize("case", SAME_IN_A_BUILD)
def test_the_build_prints_the_same_message(project_copy, case):
    """What the in-process cases check is what a contributor sees: a strict build of the same
    data file fails with the in-process message, word for word, as its one error."""
    text = SAME_IN_A_BUILD[case]()
    (project_copy / DATA).write_text(text, encoding="utf-8")
    result = build(project_copy)
    assert result.returncode != 0, result.output
    errors = [m for m in result.output.splitlines() if m.startswith(("ERROR", "WARNING"))]
    assert len(errors) == 1, result.output
    assert f"-  {error_for(text)}\n" in result.output, result.output


# ---------------------------------------------------- text fields: one line, no hidden characters

# (the line of VALID holding the field, its key, the field as messages name it)
TEXT_FIELDS = [
    ('    name: "Example Wire"', "sources.wire", "name"),
    ("    publisher: Example Wire", "sources.wire", "publisher"),
    ("    title: Budget report", "sources.wire", "title"),
    ("    as_reported_by: Example Daily", "sources.wire", "as_reported_by"),
    ("    note: Relayed by a daily.", "sources.wire", "note"),
    ("    label: Rival budget\n", "figures.rival.budget_cny", "label"),
    ("    value: Tongyi Qianwen", "figures.names.old", "value"),
    ("    unit: yuan per US dollar", "figures.fx.rate", "unit"),
    ("    formula: campaign.budget_cny / rival.budget_cny", "figures.rival.ratio", "formula"),
    ('    sources: {wire: "regulators granted approval in late January"}',
     "figures.approval.date", "sources.wire"),
    ('      blog: "a bet of about US$431 million"', "figures.campaign.budget_usd", "sources.blog"),
    ("    title: Dollar amounts that differ", "conflicts.dollar-amount", "title"),
    ("    explanation: Rounding.", "conflicts.dollar-amount", "explanation"),
]


def with_text(line: str, inserted: str) -> tuple[str, int, str]:
    """VALID with `inserted` (YAML escapes) put after the field's first word, inside double
    quotes; the file, the line, and the value as the message shows it."""
    start, value = line.rstrip("\n").split(": ", 1)
    if value.startswith("{"):
        start, value = f"{start}: {value[:value.index(':')]}", value[value.index(":") + 2:-1]
        closing = "}"
    else:
        closing = ""
    value = value.strip('"')
    head, _, tail = value.partition(" ")
    new = f'{start}: "{head}{inserted}{" " if tail else ""}{tail}"{closing}'
    text = replace(line.rstrip("\n"), new)
    return text, line_of(new, text), head


@pytest.mark.parametrize(("line", "key", "field"), TEXT_FIELDS)
@pytest.mark.parametrize(("inserted", "named"), [
    ("\\n", "U+000A LINE FEED"), ("\\r", "U+000D CARRIAGE RETURN"),
    ("\\n\\n- injected", "U+000A LINE FEED"), ("\\L", "U+2028 LINE SEPARATOR"),
    ("\\N", "U+0085 NEXT LINE"), ("\\f", "U+000C FORM FEED"),
])
def test_a_line_break_in_any_text_field_is_refused(line, key, field, inserted, named):
    text, at, head = with_text(line, inserted)
    error = error_for(text)
    assert (error.line, error.key) == (at, key), str(error)
    assert error.problem.startswith(f"{field}: a line break in a one-line field ('{head}\\"), \
        str(error)
    assert error.problem.endswith(f": {named} at character {len(head) + 1}"), str(error)
    assert error.hint.startswith("write it on one line")


HIDDEN = [("\\a", "U+0007 BELL", "\\x07"), ("\\e[31m", "U+001B ESCAPE", "\\x1b"),
          ("\\t", "U+0009 CHARACTER TABULATION", "\\t"), ("\\0", "U+0000 NULL", "\\x00"),
          ("\\x9b", "U+009B control character", "\\x9b"),
          ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", "\\u202e"),
          ("\\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING", "\\u202a"),
          ("\\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", "\\u2066"),
          ("\\u2069", "U+2069 POP DIRECTIONAL ISOLATE", "\\u2069"),
          ("\\u200b", "U+200B ZERO WIDTH SPACE", "\\u200b"),
          ("\\u200d", "U+200D ZERO WIDTH JOINER", "\\u200d"),
          ("\\u2060", "U+2060 WORD JOINER", "\\u2060"),
          ("\\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE", "\\ufeff"),
          ("\\u3164", "U+3164 HANGUL FILLER", "\\u3164"),
          ("\\u034f", "U+034F COMBINING GRAPHEME JOINER", "\\u034f")]


@pytest.mark.parametrize(("line", "key", "field"), TEXT_FIELDS)
@pytest.mark.parametrize(("inserted", "named", "escape"), HIDDEN)
def test_a_hidden_character_in_any_text_field_is_refused_and_shown_escaped(
        line, key, field, inserted, named, escape):
    text, at, head = with_text(line, inserted)
    error = error_for(text)
    message = str(error)
    assert (error.line, error.key) == (at, key), message
    assert error.problem.startswith(
        f"{field}: a control or invisible character in '{head}{escape}"), message
    assert error.problem.endswith(f": {named} at character {len(head) + 1}"), message
    assert error.hint.startswith("delete it")
    hidden = [c for c in message if unicodedata.category(c)[0] == "C" and c != "\n"]
    assert not hidden and message.count("\n") == 1, message


@pytest.mark.parametrize(("old", "new", "problem"), [
    ("    label: Rival budget\n", "    label: !!binary aGk=\n",
     "'aGk=' is tagged !!binary: it is not text, a number or a date"),
    ("    title: Budget report", "    title: !!binary |\n      R0lGODlh",
     "is tagged !!binary: it is not text, a number or a date"),
    ("    label: Rival budget\n", "    label: NO\n", "label: expected text, got NO"),
    ("    label: Rival budget\n", "    label: 1.50\n", "label: expected text, got 1.50"),
    ("    label: Rival budget\n", "    label: Off\n", "label: expected text, got Off"),
    ("    value: Tongyi Qianwen", "    value: 1.50", "a text figure needs text, got 1.50"),
    ("    value: 3000000000", "    value: NO",
     "value: expected a number, a date or text, got NO"),
    ("    value: 3000000000", "    value: Yes", "value: expected a number, a date or text, got Yes"),
    ("    publisher: Example Wire", "    publisher: 12.50", "publisher: expected text, got 12.50"),
    ("    name: \"Example Wire\"", "    name: ~", "name: expected text, got ~"),
])
def test_values_are_shown_as_written(old, new, problem):
    error = error_for(replace(old, new))
    assert problem in error.problem, str(error)
    assert error.line == line_of(new.split("\n")[0], replace(old, new))


def test_names_with_digits_hold_no_hidden_character():
    text = VALID + 'names_with_digits: ["H200", "Qwen\\u200b3"]\n'
    error = error_for(text)
    assert (error.key, error.line) == ("names_with_digits.1", text.count("\n"))
    assert "U+200B ZERO WIDTH SPACE at character 5" in error.problem


# ---------------------------------------------------------------- values checked by meaning

CHANGE = ('    value: -2.34\n    kind: percent\n    as_of: 2026-02-03\n'
          '    sources: {wire: "a decline of 2.34% over the preceding seven trading days"}')


@pytest.mark.parametrize(("value", "passage", "label"), [
    ("-34", "recently reported impressive 34% revenue growth", "Weekly change"),
    ("3", "the shares fell 3% on the week", "Weekly change"),
    ("5", "a 5% drop in the share price", "Weekly change"),
    ("-5", "shares rose 5% on the week", "Weekly change"),
    ("-5", "shares were up 5% on the week", "Weekly change"),
    ("-7", "covering 7% of the market", "Weekly change"),
    ("4", "growth of 4% on the week", "Weekly fall"),
])
def test_a_change_must_have_the_passages_direction(value, passage, label):
    text = replace(CHANGE, CHANGE.replace("-2.34", value).replace(
        "a decline of 2.34% over the preceding seven trading days", passage))
    text = replace("    label: Weekly change", f"    label: {label}", text)
    error = error_for(text)
    assert error.key == "figures.shares.change", str(error)
    assert "does not support" in error.problem and "looked for" in error.problem, str(error)


@pytest.mark.parametrize(("value", "passage", "label"), [
    ("-3", "the shares fell 3% on the week", "Weekly change"),
    ("-3", "shares were down 3% on the week", "Weekly change"),
    ("-3", "a 3% decline on the week", "Weekly change"),
    ("34", "impressive 34% revenue growth", "Weekly change"),
    ("3", "the shares fell 3% on the week", "Weekly fall"),
])
def test_a_change_with_the_passages_direction_loads(value, passage, label):
    text = replace(CHANGE, CHANGE.replace("-2.34", value).replace(
        "a decline of 2.34% over the preceding seven trading days", passage))
    load(replace("    label: Weekly change", f"    label: {label}", text))


@pytest.mark.parametrize("value", ["Tongyi Q", "Tong", "Qianwe", "AI chatbot Tongyi Qian"])
def test_a_text_figure_matches_whole_words_only(value):
    error = error_for(replace("    value: Tongyi Qianwen", f"    value: {value}"))
    assert error.key == "figures.names.old" and "it does not contain that text" in error.problem


MONTHS = ("  term.months:\n    label: Term\n    kind: duration\n    unit: month\n    value: 3\n"
          "    as_of: 2026-02-03\n"
          '    sources: {wire: "the holiday runs from February 15 for three months"}\n')


def with_formula(formula: str, extra: str = MONTHS) -> str:
    return replace("    formula: holiday.start + holiday.length", f"    formula: {formula}",
                   replace("  holiday.after:\n", extra + "  holiday.after:\n"))


def test_months_are_calendar_months():
    assert load(with_formula("holiday.start + term.months")).figures["holiday.after"].text == \
        "15 May 2026"
    years = MONTHS.replace("unit: month", "unit: year").replace("three months", "three years")
    assert load(with_formula("holiday.start - term.months", years)
                ).figures["holiday.after"].text == "15 February 2023"


@pytest.mark.parametrize(("formula", "extra", "problem"), [
    ("holiday.start + term.months * 2", MONTHS, "a duration in months or years is only added"),
    ("holiday.start + term.months / 2", MONTHS, "a duration in months or years is only added"),
    ("term.months + term.months", MONTHS, "a duration in months or years is only added"),
    ("holiday.start + (term.months + (holiday.start - campaign.start))", MONTHS,
     "cannot compute duration in months + duration"),
    ("holiday.start + term.months", MONTHS.replace("value: 3", "value: 1.5").replace(
        "three months", "1.5 months"), "1.5 months is not a whole number of calendar months"),
    ("holiday.start + 1 / (holiday.start - holiday.start)", "",
     "division by zero: holiday.start - holiday.start is zero"),
    ("holiday.start + (holiday.start - campaign.start) / (campaign.start - campaign.start)", "",
     "division by zero: campaign.start - campaign.start is zero"),
    ("holiday.start + (1e300 * 1e300 - 1e300 * 1e300)", "",
     "cannot add not a number days to a date"),
    ("holiday.start + term.months * 0", MONTHS, "a duration in months or years is only added"),
])
def test_date_arithmetic_that_cannot_be_done_is_told(formula, extra, problem):
    text = with_formula(formula, extra)
    error = error_for(text)
    assert error.key == "figures.holiday.after" and problem in error.problem, str(error)
    assert error.line == line_of(f"    formula: {formula}", text) and error.hint


# ---------------------------------------------------------------- no traceback, no hang

def chain(length: int, last: str) -> str:
    """`length` derived figures, each computed from the next one (listed in reverse order of
    computing), the last from `last`."""
    entries = [f"  chain.f{i}:\n    label: Chained figure\n    kind: money\n    currency: CNY\n"
               f"    formula: chain.f{i + 1} * 1\n    appendix_only: true\n" for i in range(length)]
    entries.append(f"  chain.f{length}:\n    label: Chained figure\n    kind: money\n"
                   f"    currency: CNY\n    formula: {last} * 1\n")
    return replace("figures:\n", "figures:\n" + "".join(entries))


def test_a_long_chain_of_derived_figures_is_computed():
    assert load(chain(1000, "campaign.budget_cny")).figures["chain.f0"].text == "3 billion yuan"


def test_a_long_cycle_of_derived_figures_is_told_briefly():
    text = chain(1000, "chain.f0")
    error = error_for(text)
    assert error.key == "figures.chain.f1000"
    assert error.line == line_of("    formula: chain.f0 * 1", text)
    assert error.problem.startswith("derived figures form a cycle: chain.f0 -> chain.f1")
    assert "(992 more)" in error.problem and len(error.problem) < 300


@pytest.mark.parametrize(("nested", "depth"), [
    ("[" * 950 + "]" * 950, 950), ("{a: " * 200 + "1" + "}" * 200, 200),
    ("".join(f"\n{'  ' * (i + 1)}k{i}:" for i in range(60)) + " 1", 60),
    ("[" * 33 + "]" * 33, 33),
])
def test_deep_nesting_is_told_not_a_recursion_error(nested, depth):
    text = VALID + "extra: " + nested + "\n"
    error = error_for(text)
    assert error.problem == "lists or mappings nested more than 32 levels deep", str(error)
    assert error.line is not None and error.line >= line_of("extra: ", text) and error.hint


def test_front_matter_nesting_is_told(tmp_path):
    from macros.engine.load.page_source import read_page

    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Page\ntags: " + "[" * 500 + "]" * 500 + "\n---\n\n# Page\n")
    with pytest.raises(BriefingError) as caught:
        read_page(page, "docs/page.md")
    assert "nested more than 32 levels deep" in caught.value.problem
    assert caught.value.line == 3


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_data_path_at_a_device_is_told(path):
    error = file_error(Path(path))
    assert error.problem == "the data file is not a regular file (it is a device, pipe or socket)"


def test_data_path_at_a_pipe_is_told_without_waiting(tmp_path):
    fifo = tmp_path / "briefing.yml"
    os.mkfifo(fifo)
    assert "not a regular file" in file_error(fifo).problem


@pytest.mark.parametrize("path", ["/proc/cpuinfo", "/etc/hostname", "../outside.yml"])
def test_data_path_outside_the_project_is_told(tmp_path, path):
    from macros.engine.pipeline import load_briefing

    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside.yml").write_text(VALID, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_briefing(project / path, display=path, root=project)
    assert caught.value.problem.startswith("the data file is outside the project"), caught.value


def test_data_path_linked_outside_the_project_is_told(tmp_path):
    from macros.engine.pipeline import load_briefing

    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "data" / "briefing.yml").symlink_to("/proc/cpuinfo")
    with pytest.raises(BriefingError) as caught:
        load_briefing(project / "data/briefing.yml", display=DATA, root=project)
    assert caught.value.problem.startswith("the data file is outside the project")


@pytest.mark.parametrize("size", [2 * 1024 * 1024 + 1, 5 * 1024 * 1024])
def test_a_data_file_larger_than_the_limit_is_told(tmp_path, size):
    big = tmp_path / "briefing.yml"
    big.write_text(VALID + "#" * (size - len(VALID.encode())), encoding="utf-8")
    error = file_error(big)
    assert error.problem == "the data file is larger than 2 MB" and error.hint


@pytest.mark.parametrize("name", ["431", "2026", "\u2463\u2462", "3.5"])
def test_names_with_digits_must_be_names(name):
    text = VALID + f'names_with_digits: ["H200", "{name}"]\n'
    error = error_for(text)
    assert error.key == "names_with_digits" and error.line == text.count("\n")
    assert error.problem.endswith("is a number, not a name with digits in it"), str(error)


@pytest.mark.parametrize(("label", "found"), [
    ("Downloads in \uff12\uff10\uff12\uff16", "\uff12\uff10\uff12\uff16"),
    ("Top \u00b3 rivals", "\u00b3"), ("The \u2462 rivals", "\u2462"), ("Phase \u2161", "\u2161"),
])
def test_numerals_of_any_script_in_a_label_are_refused(label, found):
    error = error_for(replace("    label: Rival budget\n", f'    label: "{label}"\n'))
    assert error.key == "figures.rival.budget_cny"
    assert error.problem.startswith(f"label: no digits allowed, found '{found}'"), str(error)


@pytest.mark.parametrize("front", ["date: 2026-02-30\n", "when: 2026-13-01\n"])
def test_front_matter_with_an_impossible_date_is_told(tmp_path, front):
    from macros.engine.load.page_source import read_page

    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: Page\n{front}---\n\n# Page\n")
    with pytest.raises(BriefingError) as caught:
        read_page(page, "docs/page.md")
    assert caught.value.problem.startswith("front matter: unreadable value") and caught.value.hint
