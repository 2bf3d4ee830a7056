"""The bad-input catalogue: every mistake fails a real strict build with one clear message.

Each entry breaks a copy of the project by adding entries of its own (so the real content can
change freely), runs `mkdocs build --strict`, and checks that the build fails with exactly one
message naming the file, line and key, saying how to fix it, and showing no traceback. The
quicker engine-level variants at the end try more forms of the same mistakes.
"""

from __future__ import annotations

import csv
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build
from engine_data import VALID, line_of, replace
from macros.engine.errors import BriefingError
from macros.engine.pipeline import briefing_from_text, load_briefing
from tools.pages import site_pages

DATA = "data/briefing.yml"
REAL = load_briefing(ROOT / DATA)
SOURCE = next(iter(REAL.sources))
KEY = next(k for k, f in REAL.figures.items() if not f.derived and f.kind == "money")
OTHER_PAGE = next(p for p in sorted(site_pages()) if p != "index.md")


def stated(key: str, *extra: str, value: str = "5", kind: str = "count",
           passage: str | None = None) -> str:
    """YAML for a stated figure citing a real source with a passage (by default the value as
    written), with extra lines appended."""
    lines = [f"  {key}:", "    label: Test figure", f"    value: {value}", f"    kind: {kind}",
             "    as_of: 2026-02-03", f'    sources: {{{SOURCE}: "{passage or value}"}}',
             *(f"    {e}" for e in extra)]
    return "\n".join(lines) + "\n"


def derived(key: str, formula: str, *extra: str, kind: str = "count") -> str:
    lines = [f"  {key}:", "    label: Test derived figure", f"    kind: {kind}",
             f"    formula: {formula}", *(f"    {e}" for e in extra)]
    return "\n".join(lines) + "\n"


def add(project: Path, section: str, entries: str) -> str:
    """Put entries first under `section:` of the copy's data file; return the new text."""
    path = project / DATA
    text = path.read_text(encoding="utf-8").replace(f"\n{section}:\n", f"\n{section}:\n{entries}", 1)
    path.write_text(text, encoding="utf-8")
    return text


def append_to_page(project: Path, markdown: str, page: str = "index.md") -> int:
    """Append a paragraph to a page of the copy; return the line it starts on."""
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + markdown + "\n", encoding="utf-8")
    return text.count("\n") + 1


def line(text: str, snippet: str) -> int:
    assert text.count(snippet) == 1, snippet
    return line_of(snippet, text)


def fails(project: Path, place: str, problem: str, hint: str) -> str:
    """Build; expect exit != 0 and exactly one message '<place>: <problem>' + its hint."""
    result = build(project)
    output = result.output
    assert result.returncode != 0, output
    assert "Traceback" not in output
    messages = [m for m in output.splitlines() if m.startswith(("ERROR", "WARNING"))]
    assert len(messages) == 1, output
    assert output.count("How to fix:") == 1, output
    assert f"-  {place}: {problem}" in messages[0], output
    assert f"\n  How to fix: {hint}" in output, output
    return output


# ---------------------------------------------------------------- the data file

def test_yaml_syntax_error(project_copy):
    text = add(project_copy, "figures", stated("test.syntax", "note: Test: broken"))
    fails(project_copy, f"{DATA}:{line(text, 'note: Test: broken')}",
          "YAML syntax error: mapping values are not allowed in this context",
          "check indentation, colons and quotes on this line and the one before it")


def test_duplicate_key(project_copy):
    text = add(project_copy, "figures", stated("test.twice", "kind: money"))
    start = line(text, "  test.twice:")   # then label, value, kind, as_of, sources, kind
    first = start + 3
    fails(project_copy, f"{DATA}:{start + 6}: figures.test.twice.kind",
          f"duplicate key 'kind' (first defined on line {first})",
          "keep one of the two entries; YAML would silently drop the first")


def test_unknown_field(project_copy):
    text = add(project_copy, "figures", stated("test.typo", "unti: units"))
    fails(project_copy, f"{DATA}:{line(text, 'unti: units')}: figures.test.typo",
          "unknown field 'unti' (did you mean unit?)", "remove it or use one of: appendix_only,")


def test_missing_required_field(project_copy):
    text = add(project_copy, "figures", stated("test.nolabel").replace("    label: Test figure\n", ""))
    fails(project_copy, f"{DATA}:{line(text, '  test.nolabel:')}: figures.test.nolabel",
          "missing required field 'label'", "add 'label:' to this entry")


def test_text_where_a_number_is_expected(project_copy):
    text = add(project_copy, "figures", stated("test.words", value="three billion"))
    fails(project_copy, f"{DATA}:{line(text, 'value: three billion')}: figures.test.words",
          "expected a number for a count figure, got 'three billion'",
          "write the plain number, e.g. 3000000000")


def test_negative_where_impossible(project_copy):
    text = add(project_copy, "figures", stated("test.negative", value="-5"))
    fails(project_copy, f"{DATA}:{line(text, 'value: -5')}: figures.test.negative",
          "a count figure must be greater than zero, got -5",
          "check the sign and the number; a fall or decline belongs in a percent figure")


def test_unknown_currency(project_copy):
    text = add(project_copy, "figures", stated("test.pounds", "currency: GBP", kind="money"))
    fails(project_copy, f"{DATA}:{line(text, 'currency: GBP')}: figures.test.pounds",
          "unknown currency 'GBP'", "use one of the allowed values ('CNY', 'USD' or 'EUR')")


def test_impossible_date(project_copy):
    text = add(project_copy, "figures", stated("test.when", value="2026-02-30", kind="date"))
    fails(project_copy, f"{DATA}:{line(text, 'value: 2026-02-30')}: figures.test.when.value",
          "2026-02-30 is not a real calendar date (day is out of range for month)",
          "write a date that exists, like 2026-02-15")


def test_figure_citing_an_unknown_source(project_copy):
    typo = SOURCE[:-1]
    text = add(project_copy, "figures", stated("test.cites").replace(f"{{{SOURCE}:", f"{{{typo}:"))
    fails(project_copy, f"{DATA}:{line(text, f'sources: {{{typo}:')}: figures.test.cites",
          f"unknown source '{typo}' (did you mean {SOURCE}", "add the source under 'sources:'")


def test_source_that_no_figure_cites(project_copy):
    text = add(project_copy, "sources", "  test-unused:\n    name: Unused\n    publisher: Nobody\n"
               "    title: Unused\n    date: 2026\n    reliability: low\n    note: Cited nowhere.\n")
    fails(project_copy, f"{DATA}:{line(text, '  test-unused:')}: sources.test-unused",
          "no figure, claim or glossary entry cites this source",
          "add it with its passage to the 'sources:' of the figures or claims it supports, "
          "or delete the source")


def test_derived_figure_using_an_unknown_figure(project_copy):
    typo = KEY[:-1]
    text = add(project_copy, "figures", derived("test.sum", f"{typo} * 2", "currency: CNY",
                                                kind="money"))
    fails(project_copy, f"{DATA}:{line(text, f'formula: {typo} * 2')}: figures.test.sum",
          f"formula refers to unknown figure '{typo}' (did you mean {KEY}",
          "fix the key in the formula or add the figure")


def test_derived_figure_cycle(project_copy):
    text = add(project_copy, "figures", derived("test.loop_a", "test.loop_b * 2")
               + derived("test.loop_b", "test.loop_a / 2"))
    fails(project_copy, f"{DATA}:{line(text, 'formula: test.loop_a / 2')}: figures.test.loop_b",
          "derived figures form a cycle: test.loop_a -> test.loop_b -> test.loop_a",
          "one figure in the loop must be a stated value")


def test_division_by_zero(project_copy):
    formula = "test.base / (test.base - test.base)"
    text = add(project_copy, "figures", stated("test.base")
               + derived("test.quotient", formula, kind="ratio"))
    fails(project_copy, f"{DATA}:{line(text, f'formula: {formula}')}: figures.test.quotient",
          f"cannot compute '{formula}': division by zero: test.base - test.base is zero",
          "a figure you divide by must not be zero")


def test_stated_and_derived_disagree(project_copy):
    check = "check: {stated: test.total, tolerance: 0.05}"
    text = add(project_copy, "figures", stated("test.total", value="100") + stated("test.part", value="40")
               + derived("test.double", "test.part * 2", check))
    fails(project_copy, f"{DATA}:{line(text, check)}: figures.test.double",
          "derived value 80 (80) disagrees with stated figure test.total = 100 (100) by 20.00%, "
          "more than the tolerance of 5.00%",
          "check both figures against their sources, or record the difference under 'conflicts:'")


def test_missing_data_file(project_copy):
    (project_copy / DATA).unlink()
    fails(project_copy, DATA, "data file not found",
          "create it, or check 'data:' under 'extra: briefing:' in mkdocs.yml")


def test_yaml_alias_is_refused(project_copy):
    text = add(project_copy, "figures", stated("test.alias", "note: &r [*r]"))
    fails(project_copy, f"{DATA}:{line(text, 'note: &r [*r]')}",
          "YAML anchors and aliases are not supported (found '&r')",
          "write the value out in full at each place it is needed")


def test_yaml_11_number_is_refused(project_copy):
    text = add(project_copy, "figures", stated("test.octal", value="0431"))
    fails(project_copy, f"{DATA}:{line(text, 'value: 0431')}: figures.test.octal.value",
          "0431 is not a plain decimal number: YAML reads it as 281", "write 431 (digits")


def test_data_path_is_a_directory(project_copy):
    (project_copy / DATA).unlink()
    (project_copy / DATA).mkdir()
    fails(project_copy, DATA, "the data path is a folder, not a file",
          "point 'data:' under 'extra: briefing:' in mkdocs.yml at the YAML file")


def test_data_file_unreadable(project_copy):
    (project_copy / DATA).unlink()
    (project_copy / DATA).symlink_to(project_copy / DATA)  # a link to itself cannot be read
    fails(project_copy, DATA, "cannot read the data file (Too many levels of symbolic links)",
          "check that the file exists and that you may read it")


def test_briefing_data_left_empty(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("    data: data/briefing.yml",
                                                      "    data:")
    config.write_text(text, encoding="utf-8")
    fails(project_copy, f"mkdocs.yml:{line(text, '    data:')}: extra.briefing.data",
          "the setting is empty: it must name the data file",
          "write 'data: data/briefing.yml' under 'extra: briefing:' in mkdocs.yml")


def test_line_break_in_a_one_line_field(project_copy):
    text = add(project_copy, "sources", "  test-broken:\n    name: \"Broken Press\"\n"
               "    publisher: \"Broken\n\n    - Press\"\n"
               "    title: Broken\n    date: 2026\n    reliability: low\n    note: Broken.\n")
    text = add(project_copy, "figures", stated("test.broken", "appendix_only: true")
               .replace(f"{{{SOURCE}:", "{test-broken:"))
    at = line(text, 'publisher: "Broken')
    fails(project_copy, f"{DATA}:{at}: sources.test-broken",
          "publisher: a line break in a one-line field ('Broken\\n- Press')",
          "write it on one line")


def test_derived_figure_gets_the_range_checks(project_copy):
    text = add(project_copy, "figures", stated("test.year", value="2015", kind="year")
               + derived("test.far", "test.year * 1000", kind="year"))
    fails(project_copy, f"{DATA}:{line(text, 'formula: test.year * 1000')}: figures.test.far",
          "2015000 is not a plausible year (a whole year from 1900 to 2100)",
          "check the formula and its inputs")


def test_conflict_with_one_figure(project_copy):
    text = add(project_copy, "conflicts", f"  test-alone:\n    title: Alone\n    type: renamed\n"
               f"    figures: [{KEY}]\n    explanation: Only one.\n")
    fails(project_copy, f"{DATA}:{line(text, f'    figures: [{KEY}]')}: conflicts.test-alone",
          "a conflict needs at least two figures, got 1", "list every figure that disagrees")


def test_empty_conflicts_section(project_copy):
    path = project_copy / DATA
    text = path.read_text(encoding="utf-8")
    text = text[: text.index("\nconflicts:\n")] + "\nconflicts:\n"
    path.write_text(text, encoding="utf-8")
    fails(project_copy, f"{DATA}:{line(text, chr(10) + 'conflicts:') + 1}: conflicts",
          "'conflicts:' is empty", "delete the empty 'conflicts:' line")


def test_unknown_section_lists_the_sections(project_copy):
    path = project_copy / DATA
    text = path.read_text(encoding="utf-8") + "glosary:\n  qwen: Qwen\n"
    path.write_text(text, encoding="utf-8")
    fails(project_copy, f"{DATA}:{line(text, 'glosary:')}: glosary",
          "unknown field 'glosary' (did you mean glossary?)",
          "remove it or use one of: claims, conflicts, corrections, figures, glossary, "
          "names_with_digits, "
          "open_questions, sources")


def test_a_date_where_text_is_expected_is_not_a_python_repr(project_copy):
    text = add(project_copy, "figures", stated("test.name", value="2026-02-03", kind="text"))
    output = fails(project_copy, f"{DATA}:{line(text, 'value: 2026-02-03')}: figures.test.name",
                   "a text figure needs text, got 2026-02-03", "quote the value")
    assert "datetime" not in output


def test_check_against_a_stated_zero(project_copy):
    check = "check: {stated: test.zero, tolerance: 0.05}"
    text = add(project_copy, "figures", stated("test.zero", value="0", kind="percent",
                                               passage="0%")
               + stated("test.part", value="40") + derived("test.double", "test.part * 2", check))
    output = fails(project_copy, f"{DATA}:{line(text, check)}: figures.test.double",
                   "derived value 80 cannot be compared with stated figure test.zero, which is zero",
                   "check both figures against their sources; a check cannot compare with a "
                   "figure of zero")
    message = output[output.index("derived value 80"):]  # mkdocs-macros' INFO line says "macros_info"
    assert not re.search(r"\binf\b", message), message


def test_as_of_later_than_every_source(project_copy):
    text = add(project_copy, "figures", stated("test.late").replace("as_of: 2026-02-03",
                                                                     "as_of: 2026-12-03"))
    fails(project_copy, f"{DATA}:{line(text, 'as_of: 2026-12-03')}: figures.test.late",
          f"as_of 2026-12-03 is later than every cited source (the latest, {SOURCE}",
          "a source cannot report what was true after it was published")


@pytest.mark.parametrize("as_of", ["0001-02-03", "2999"])
def test_as_of_outside_the_plausible_range(project_copy, as_of):
    text = add(project_copy, "figures", stated("test.when").replace("as_of: 2026-02-03",
                                                                     f"as_of: '{as_of}'"))
    fails(project_copy, f"{DATA}:{line(text, f'as_of: {chr(39)}{as_of}')}: figures.test.when",
          f"as_of: {as_of} is outside the plausible range 1900 to 2100", "check the year")


def test_positive_count_shown_as_zero(project_copy):
    text = add(project_copy, "figures", stated("test.tiny", "unit: units", value="0.3"))
    fails(project_copy, f"{DATA}:{line(text, 'value: 0.3')}: figures.test.tiny",
          "0.3 would be shown as '0 units'", "set 'decimals:' high enough to show it")


def test_same_source_twice(project_copy):
    """`sources:` is a mapping, so a second citation of a source is a duplicate key, which
    YAML would silently merge into one: the loader refuses it."""
    twice = f'{{{SOURCE}: "5", {SOURCE}: "5"}}'
    text = add(project_copy, "figures", stated("test.twice_cited").replace(
        f'{{{SOURCE}: "5"}}', twice))
    at = line(text, twice)
    fails(project_copy, f"{DATA}:{at}: figures.test.twice_cited",
          f"cites source '{SOURCE}' twice (first on line {at})",
          "cite each source once; to quote two passages from it, give them as a list")


def test_check_naming_its_own_figure(project_copy):
    check = "check: {stated: test.self, tolerance: 0.05}"
    text = add(project_copy, "figures", stated("test.part", value="40")
               + derived("test.self", "test.part * 2", check))
    fails(project_copy, f"{DATA}:{line(text, check)}: figures.test.self",
          "the check names this figure itself, so it can never fail",
          "name the stated figure this one must agree with")


def test_label_of_only_spaces(project_copy):
    text = add(project_copy, "figures", stated("test.blank").replace("label: Test figure",
                                                                      'label: "   "'))
    at = line(text, 'label: "   "')
    fails(project_copy, f"{DATA}:{at}: figures.test.blank",
          "label: only spaces", "write the label")


def test_digits_in_a_label(project_copy):
    text = add(project_copy, "figures", stated("test.digits").replace(
        "label: Test figure", "label: Downloads in 2026"))
    fails(project_copy, f"{DATA}:{line(text, 'label: Downloads in 2026')}: figures.test.digits",
          "label: no digits allowed, found '2026' in 'Downloads in 2026'",
          "say it in words without the number")


def test_digits_in_a_conflict_explanation(project_copy):
    other = next(k for k in REAL.figures if k != KEY)
    explanation = "Only one outlet reports 10 million downloads."
    text = add(project_copy, "conflicts", f"  test-digits:\n    title: Downloads\n"
               f"    type: same-quantity\n    figures: [{KEY}, {other}]\n"
               f"    explanation: {explanation}\n")
    fails(project_copy, f"{DATA}:{line(text, explanation)}: conflicts.test-digits",
          "explanation: no digits allowed, found '10'", "say it in words without the number")


def test_figure_used_nowhere(project_copy):
    text = add(project_copy, "figures", stated("test.unused"))
    fails(project_copy, f"{DATA}:{line(text, '  test.unused:')}: figures.test.unused",
          "no page shows this figure",
          'show it on a page with {{ fig("test.unused") }}, or add appendix_only: true')


def test_spreadsheet_formula_in_a_label_is_escaped_in_the_csv(project_copy):
    label = "=HYPERLINK(\"https://example.com\", \"Click\")"
    add(project_copy, "figures", stated("test.formula", "appendix_only: true").replace(
        "label: Test figure", f"label: '{label}'"))
    result = build(project_copy)
    assert result.returncode == 0, result.output
    rows = {row["key"]: row for row in csv.DictReader(
        (result.site / "figures.csv").read_text(encoding="utf-8").splitlines())}
    assert rows["test.formula"]["label"] == "'" + label
    assert all(not row["label"].startswith(("=", "+", "-", "@")) for row in rows.values())


# ---------------------------------------------------------------- pages

def test_unknown_key_in_a_page(project_copy):
    typo = KEY[:-1] + "q"
    at = append_to_page(project_copy, f'See {{{{ fig("{typo}") }}}}.')
    fails(project_copy, f"docs/index.md:{at}: {typo}",
          f"unknown figure key '{typo}' (did you mean {KEY}",
          f"use a key defined under 'figures:' in {DATA}")


def test_macro_called_with_wrong_arguments(project_copy):
    at = append_to_page(project_copy, f'See {{{{ fig("{KEY}", "extra") }}}}.')
    fails(project_copy, f"docs/index.md:{at}: fig",
          "macro fig() called with wrong arguments (too many positional arguments)",
          "call it as fig(key)")


def test_jinja_syntax_error(project_copy):
    at = append_to_page(project_copy, f'See {{{{ fig("{KEY}") }}.')
    fails(project_copy, f"docs/index.md:{at}", "template syntax error: unexpected '}'",
          "check the {{ }} / {% %} brackets and quotes on this line")


@pytest.mark.parametrize(("expression", "problem"), [
    ("{{ 1/0 }}", "division by zero"),
    ("{{ page.no_such_field.title }}", "'no_such_field' does not exist there"),
])
def test_an_expression_that_fails_is_a_page_mistake(project_copy, expression, problem):
    at = append_to_page(project_copy, f"Worked out: {expression}.")
    fails(project_copy, f"docs/index.md:{at}",
          f"this template expression could not be shown: {problem}",
          "a page computes nothing itself: show a value with a macro such as")


def test_broken_internal_link(project_copy):
    typo = OTHER_PAGE[:-4] + "x.md"
    at = append_to_page(project_copy, f"[More]({typo}).")
    fails(project_copy, f"docs/index.md:{at}: {typo}",
          f"link to '{typo}': no such page (did you mean {OTHER_PAGE}",
          "link to a Markdown file under docs/ by its path from this page")


def fails_in_mkdocs_words(project: Path, message: str) -> str:
    """MkDocs' own checks keep MkDocs' words (CONTRIBUTING explains each): one warning."""
    result = build(project)
    output = result.output
    assert result.returncode != 0, output
    assert "Traceback" not in output
    messages = [m for m in output.splitlines() if m.startswith(("ERROR", "WARNING"))]
    assert len(messages) == 1 and message in messages[0], output
    return messages[0]


CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_broken_anchor(project_copy):
    append_to_page(project_copy, f"[More]({OTHER_PAGE}#no-such-heading).")
    fails_in_mkdocs_words(project_copy, f"Doc file 'index.md' contains a link "
                          f"'{OTHER_PAGE}#no-such-heading', but the doc '{OTHER_PAGE}' does not "
                          "contain an anchor '#no-such-heading'")
    assert "does not contain an anchor" in CONTRIBUTING


def test_page_missing_from_the_navigation(project_copy):
    (project_copy / "docs" / "orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: A page that nobody added to the navigation yet.\n---\n\n# Orphan\n")
    fails_in_mkdocs_words(project_copy, "The following pages exist in the docs directory, but "
                          'are not included in the "nav" configuration')
    assert 'are not included in the "nav" configuration' in CONTRIBUTING


def test_nav_entry_for_a_missing_file(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "\nnav:\n", "\nnav:\n  - Preview notes: notes/previw.md\n", 1)
    config.write_text(text, encoding="utf-8")
    fails(project_copy, f"mkdocs.yml:{line(text, 'notes/previw.md')}: nav",
          "the nav entry 'Preview notes' names docs/notes/previw.md, which does not exist",
          "create docs/notes/previw.md, or correct the file name after 'Preview notes:' in nav:")


def test_nav_typo_suggests_the_page(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = next(row for row in text.splitlines() if row.endswith(f": {OTHER_PAGE}"))
    config.write_text(text.replace(entry, entry.replace(".md", "s.md")), encoding="utf-8")
    title = entry.strip().removeprefix("- ").split(":")[0]
    fails(project_copy, f"mkdocs.yml:{text.splitlines().index(entry) + 1}: nav",
          f"the nav entry '{title}' names docs/{OTHER_PAGE[:-3]}s.md, which does not exist "
          f"(did you mean {OTHER_PAGE}", "create docs/")


def test_byte_order_mark_keeps_the_lines(project_copy):
    """A page saved with a byte-order mark (MkDocs drops it) still counts its front matter."""
    page = project_copy / "docs" / OTHER_PAGE
    page.write_text("\ufeff" + page.read_text(encoding="utf-8"), encoding="utf-8")
    typo = KEY[:-1] + "q"
    at = append_to_page(project_copy, f'See {{{{ fig("{typo}") }}}}.', OTHER_PAGE)
    fails(project_copy, f"docs/{OTHER_PAGE}:{at}: {typo}", f"unknown figure key '{typo}'",
          f"use a key defined under 'figures:' in {DATA}")


def test_invalid_front_matter(project_copy):
    page = project_copy / "docs" / OTHER_PAGE
    text = page.read_text(encoding="utf-8")
    title = next(t for t in text.splitlines() if t.startswith("title:"))
    page.write_text(text.replace(title, "title: About: the site", 1), encoding="utf-8")
    fails(project_copy, f"docs/{OTHER_PAGE}:{text.splitlines().index(title) + 1}",
          "front matter: YAML syntax error: mapping values are not allowed in this context",
          "quote a value that contains a colon followed by a space")


def test_page_not_utf8(project_copy):
    page = project_copy / "docs" / OTHER_PAGE
    data = page.read_bytes() + b"\nCaf\xe9 in Latin-1.\n"
    page.write_bytes(data)
    at = data.count(b"\n")  # the last line holds the Latin-1 byte
    fails(project_copy, f"docs/{OTHER_PAGE}:{at}",
          "page is not UTF-8 text (invalid continuation byte", "save the page as UTF-8")


def test_page_unreadable(project_copy):
    (project_copy / "docs" / "broken.md").symlink_to(project_copy / "docs" / "broken.md")
    fails(project_copy, "docs/broken.md", "cannot read the page (Too many levels of symbolic links)",
          "check that the file exists and that you may read it")


def test_page_description_too_short(project_copy):
    page = project_copy / "docs" / OTHER_PAGE
    text = page.read_text(encoding="utf-8")
    description = next(t for t in text.splitlines() if t.startswith("description:"))
    page.write_text(text.replace(description, "description: Short.", 1), encoding="utf-8")
    fails(project_copy, f"docs/{OTHER_PAGE}:{text.splitlines().index(description) + 1}: description",
          "too short (6 characters; a description needs at least 40)",
          "write one full sentence saying what the page covers")


def test_digits_typed_into_page_prose(project_copy):
    at = append_to_page(project_copy, "Only one outlet reports 10 million downloads.")
    fails(project_copy, f"docs/index.md:{at}",
          "a number typed into the prose ('10' in 'Only one outlet reports 10 million downloads.')",
          "show numbers with a figure macro")


@pytest.mark.parametrize(("call", "problem", "hint"), [
    ("cards(None)", "cards() takes a list of keys, got nothing", "call it as cards(keys)"),
    ("cards(5)", "cards() takes a list of keys, got 5", "call it as cards(keys)"),
    (f'cards("{KEY}")', f"cards() takes a list of keys, got the text '{KEY}'",
     f'put the key in square brackets: cards(["{KEY}"])'),
])
def test_macro_given_an_argument_of_the_wrong_type(project_copy, call, problem, hint):
    at = append_to_page(project_copy, f"{{{{ {call} }}}}")
    fails(project_copy, f"docs/index.md:{at}: cards", problem, hint)


# ---------------------------------------------------------------- markup in data

class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_html_in_data_is_shown_as_text_never_run(project_copy):
    label = "Budget <script>alert('label')</script> & <img src=x onerror=alert(document.domain)>"
    note = "Says <b onmouseover=alert(2)>hi</b>"
    add(project_copy, "sources", f"  test-markup:\n    name: Markup\n    publisher: Markup Press\n"
        f"    title: Markup\n    date: 2026\n    reliability: low\n    note: \"{note}\"\n")
    add(project_copy, "figures", stated("test.markup", "appendix_only: true")
        .replace("label: Test figure", f'label: "{label}"').replace(f"{{{SOURCE}:", "{test-markup:"))
    result = build(project_copy)
    assert result.returncode == 0, result.output
    appendix, sources = result.page("figures/"), result.page("sources/")
    for page, shown in ((appendix, label), (sources, note)):
        parsed = _Elements()
        parsed.feed(page)
        assert not any("alert" in script for script in parsed.scripts)
        assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
        assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in parsed.tags)
        assert shown in html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "&#60;script&#62;alert(&#39;label&#39;)&#60;/script&#62;" in appendix


# ---------------------------------------------------------------- engine-level variants

def error_for(text: str) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        briefing_from_text(text, DATA)
    assert caught.value.hint, str(caught.value)
    return caught.value


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
    error = error_for(text)
    assert message in str(error)
    changed = [line_of(f"    {part}", text) for part, before in
               zip(new.split("\n    "), old.split("\n    "), strict=True) if part != before]
    assert error.line == changed[0]


def test_check_on_a_stated_figure_is_refused():
    text = replace('      blog: "a bet of about US$431 million"\n  rival.budget_cny:',
                   '      blog: "a bet of about US$431 million"\n'
                   "    check: {stated: rival.budget_cny, tolerance: 0.1}"
                   "\n  rival.budget_cny:")
    error = error_for(text)
    assert "'check' belongs on a derived figure" in str(error)
    assert error.key == "figures.campaign.budget_usd"


def test_check_against_a_figure_derived_later_is_compared():
    text = replace("    formula: campaign.budget_cny / rival.budget_cny",
                   "    formula: campaign.budget_cny / rival.budget_cny\n"
                   "    check: {stated: campaign.lead_days, tolerance: 0.01}")
    assert "disagrees with stated figure campaign.lead_days = 9 days" in str(error_for(text))


@pytest.mark.parametrize(("formula", "message"), [
    ("2 * 3", "a formula must use at least one figure"),
    ("rival.budget_cny * 1e300 * 1e300", "computes inf: far too large, or not a number at all"),
    ("holiday.start + holiday.length * 1e9", "the result is too large (or, for a date, outside"),
    (" + ".join(["rival.budget_cny"] * 80), "formula is too long"),
    ("__import__('os')", "may use only figure keys, numbers"),
])
def test_formulas_that_cannot_be_computed(formula, message):
    text = replace("    formula: holiday.start + holiday.length", f"    formula: {formula}")
    error = error_for(text)
    assert message in str(error)
    assert error.key == "figures.holiday.after"


def test_unquoted_control_character_names_its_line():
    text = replace("    title: Budget report", "    title: Budget\x07report")
    error = error_for(text)
    assert "character U+0007 is not allowed in YAML" in str(error)
    assert error.line == line_of("    title: Budget", text)


def test_every_source_must_be_cited():
    text = replace('      blog: "a bet of about US$431 million"\n', "")
    text = replace('    sources: {blog: "to push its AI chatbot Tongyi Qianwen into the mainstream"}',
                   '    sources: {wire: "Tongyi Qianwen"}', text)
    error = error_for(text)
    assert str(error).startswith(f"{DATA}:{line_of('  blog:', text)}: sources.blog: "
                                 "no figure, claim or glossary entry cites this source")


def test_valid_file_still_loads():
    assert briefing_from_text(VALID, DATA).figures


def test_a_section_written_twice_says_to_merge_it():
    text = VALID + "figures:\n  extra.figure:\n    label: Pasted with its section line\n"
    error = error_for(text)
    assert error.line == line_of("figures:\n  extra.figure:", text)
    assert "duplicate key 'figures'" in str(error)
    assert "How to fix: write 'figures:' once: move the entries below this line" in str(error)
