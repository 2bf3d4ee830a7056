"""Loading and validating the data file: each mistake names file, line, key and a fix."""

from __future__ import annotations

import pytest

from engine_data import VALID, error_for, line_of, load, replace
from macros.engine.errors import BriefingError
from macros.engine.load.page_source import parse_page
from macros.engine.pipeline import load_briefing


def test_valid_file_loads_every_figure_and_source():
    briefing = load()
    assert set(briefing.sources) == {"wire", "blog"}
    assert len(briefing.figures) == VALID.count("    label:")
    assert briefing.figure("campaign.budget_cny").value == 3_000_000_000
    assert briefing.figure("campaign.budget_cny").line == line_of("  campaign.budget_cny:", VALID)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(BriefingError) as caught:
        load_briefing(tmp_path / "nope.yml", display="data/nope.yml")
    assert str(caught.value).startswith("data/nope.yml: data file not found")


def test_yaml_syntax_error_has_line():
    text = replace("    title: Budget report", "    title: [Budget report")
    error = error_for(text)
    assert "YAML syntax error" in str(error)
    assert error.file == "data/briefing.yml" and error.line is not None


@pytest.mark.parametrize(("text", "written", "what"), [
    (replace("    title: Budget report", "    title: [Budget report"),
     "    title: [Budget report", "the [ list"),
    (replace("    title: Budget report", "    title: {Budget report"),
     "    title: {Budget report", "the { group"),
    (VALID + 'notes: "never closed\n\n', 'notes: "never closed', "the quoted text"),
])
def test_an_unclosed_bracket_or_quote_names_the_line_it_opens_on(text, written, what):
    message = str(error_for(text)).splitlines()[0]
    start = line_of(written, text)
    stopped = int(message.split(":")[1])
    assert stopped > start, message  # the parser gives up lines later
    assert message.endswith(f"({what} that starts on line {start} is not closed)"), message


def test_an_unclosed_bracket_in_front_matter_names_its_page_line():
    text = "---\ntitle: Campaign\ntags: [money\nsummary: x\n---\nBody\n"
    with pytest.raises(BriefingError) as caught:
        parse_page(text, "docs/campaign.md")
    assert str(caught.value).splitlines()[0] == (
        "docs/campaign.md:4: front matter: YAML syntax error: did not find expected ',' or ']' "
        "(the [ list that starts on line 3 is not closed)")


def test_duplicate_key_names_both_lines():
    text = replace("    currency: CNY\n", "    currency: CNY\n    currency: USD\n")
    error = error_for(text)
    first = line_of("    currency: CNY", text)
    assert str(error).startswith(f"data/briefing.yml:{first + 1}: figures.campaign.budget_cny.currency")
    assert f"duplicate key 'currency' (first defined on line {first})" in str(error)


def test_duplicate_figure_key():
    text = replace("  rival.budget_cny:", "  campaign.budget_cny:")
    assert "duplicate key 'campaign.budget_cny'" in str(error_for(text))


def test_unknown_field_suggests_the_right_one():
    text = replace("    value: 3000000000", "    valeu: 3000000000")
    error = error_for(text)
    assert error.line == line_of("    valeu:", text)
    assert error.key == "figures.campaign.budget_cny"
    assert "unknown field 'valeu' (did you mean value?)" in str(error)


def test_missing_required_field():
    text = replace("    label: Campaign budget\n", "")
    error = error_for(text)
    assert "missing required field 'label'" in str(error)
    assert error.line == line_of("  campaign.budget_cny:", text)


def test_text_where_a_number_is_expected():
    text = replace("    value: 3000000000", "    value: three billion")
    error = error_for(text)
    assert "expected a number for a money figure, got 'three billion'" in str(error)
    assert error.line == line_of("    value: three billion", text)


@pytest.mark.parametrize("value", ["0", "-5"])
def test_zero_or_negative_money(value):
    error = error_for(replace("    value: 3000000000", f"    value: {value}"))
    assert "a money figure must be greater than zero" in str(error)


def test_unknown_currency():
    text = replace("    currency: CNY", "    currency: RMB")
    error = error_for(text)
    assert error.line == line_of("    currency: RMB", text)
    assert "'CNY', 'USD' or 'EUR'" in str(error)


def test_unknown_duration_unit():
    text = replace("    unit: day\n    value: 9", "    unit: fortnight\n    value: 9")
    assert "unknown or missing duration unit 'fortnight'" in str(error_for(text))


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13", "yesterday", "mid 2026"])
def test_impossible_or_invalid_date(bad):
    text = replace("    value: 2026-02-06", f"    value: '{bad}'")
    error = error_for(text)
    assert error.key == "figures.campaign.start"
    assert error.line == line_of(f"    value: '{bad}'", text)


def test_unquoted_impossible_date_is_caught_by_yaml():
    text = replace("    value: 2026-02-06", "    value: 2026-02-30")
    error = error_for(text)
    assert error.line == line_of("    value: 2026-02-30", text)


def test_unknown_source_suggests_known_ids():
    text = replace('      blog: "a bet', '      blgo: "a bet')
    error = error_for(text)
    assert "unknown source 'blgo' (did you mean blog?)" in str(error)
    assert error.line == line_of('      blgo: "a bet', text)


def test_invalid_figure_key():
    error = error_for(replace("  campaign.start:", "  Campaign Start:"))
    assert "invalid name 'Campaign Start'" in str(error)


def test_value_and_formula_together():
    text = replace("    formula: campaign.budget_cny / rival.budget_cny",
                   "    formula: campaign.budget_cny / rival.budget_cny\n    value: 3")
    assert "exactly one of 'value'" in str(error_for(text))


def test_stated_figure_needs_as_of_and_sources():
    text = replace("    as_of: 2026-02-02\n    sources: {wire: \"three times",
                   "    sources: {wire: \"three times")
    assert "missing required field 'as_of'" in str(error_for(text))


def test_conflict_names_unknown_figure():
    text = replace("figures: [campaign.budget_usd, rival.budget_usd]",
                   "figures: [campaign.budget_usd, rival.budget_us]")
    assert "unknown figure 'rival.budget_us' (did you mean rival.budget_usd," in str(error_for(text))


def test_every_error_says_how_to_fix():
    error = error_for(replace("    currency: CNY", "    currency: RMB"))
    assert "\n  How to fix: " in str(error)


def test_a_date_figure_cannot_be_undated():
    text = replace("    value: 2026-02-06", "    value: undated")
    assert "a date figure needs a date" in str(error_for(text))


def test_front_matter_is_read_as_mkdocs_reads_it():
    closed_with_dots = parse_page("---\ntitle: A\n...\n\n\n# Body\n", "docs/a.md")
    assert closed_with_dots.meta == {"title": "A"} and closed_with_dots.body == "# Body\n"
    assert closed_with_dots.body_line == 5
    empty = parse_page("---\n\n---\n# Body\n", "docs/a.md")  # MkDocs keeps it in the body
    assert empty.meta == {} and empty.body_line == 0
    plain = parse_page("---\ntitle: A\n---\nBody\n", "docs/a.md")
    assert plain.body_line == 3 and plain.body == "Body\n"
