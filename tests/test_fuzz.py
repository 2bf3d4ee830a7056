"""Fuzzing the data loader: any text either loads or fails with one clear BriefingError.

Hypothesis mutates the real data file and a small valid one line by line (values, keys, types,
indentation, deleted, duplicated, swapped and inserted lines) and also writes whole files from
random structures. Loading must never raise anything but BriefingError, and that error must
name the file and say how to fix it.

The examples are derandomized so that every run tries the same ones; to search further, run
e.g. `FUZZ_EXAMPLES=5000 FUZZ_RANDOM=1 .venv/bin/python -m pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from functools import partial

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from engine_data import VALID, replace
from macros.engine.errors import BriefingError, shown
from macros.engine.export.csv_safe import FORMULA_START, safe_cell
from macros.engine.load.page_source import parse_page, read_pages
from macros.engine.pipeline import briefing_from_text
from macros.engine.present import generated
from macros.engine.present.html import PageRenderer
from macros.engine.present.pages.templates import call_macro
from macros.engine.validate.models import FIGURE_VARIANTS, Source, fields_of

NAME = "data/briefing.yml"
REAL = (ROOT / NAME).read_text(encoding="utf-8")
NAMES_WITH_DIGITS = yaml.safe_load(REAL)["names_with_digits"]
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")), deadline=None,
                derandomize=not os.environ.get("FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIELDS = sorted({*fields_of(FIGURE_VARIANTS), *Source.model_fields, "sources", "figures", "conflicts",
                 "stated", "tolerance", "title", "type", "explanation", "valeu", "curency"})
SCALARS = [
    "0", "-1", "-0.5", "1", "1.5", "3000000000", "1e400", "-1e400", ".nan", ".inf", "-.inf",
    "1.0e+300", "-1.0e+300", "1.0e-300", "9.0e+17", "123456789012345678901234567890.5",
    "99999999999999999999", "'9999-12-31'", "'0001-01-01'", "undated", "2015.0",
    "null", "~", "true", "no", "''", "'0'", "[]", "{}", "[a, b]", "[1, 2]", "{a: 1}",
    "2026", "2026-02", "2026-02-30", "'2026-02-30'", "2026-13-01", "'mid 2026'",
    "'late 2026-02'", "'early 2026'", "2026-02-03T10:00:00", "0x10", "1_000", "0o17",
    "money", "count", "percent", "date", "ratio", "price", "duration", "year", "text",
    "CNY", "GBP", "day", "week", "fortnight", "about", "nearly", "high", "unknown",
    "wire", "blog", "reuters", "[wire, nope]", "[reuters]", "{stated: fx.rate, tolerance: 0.01}",
    "{stated: nope.nope, tolerance: 2}", "campaign.budget_cny / 0", "holiday.start * 2",
    "holiday.start + holiday.start", "campaign.start - holiday.length", "a.b + ",
    "campaign.budget_cny ** 2", "__import__('os')", "(1", "-campaign.budget_cny",
    "campaign.budget_cny / campaign.budget_cny", "'<script>x</script>'", "&anchor x", "*alias",
    "holiday.start + holiday.length * 1.0e+9", "campaign.budget_cny * 1.0e+300 * 1.0e+300",
    "1 + " * 300 + "1", "(" * 80 + "1" + ")" * 80, "2 * 3", "holiday.start - 1.0e+9",
    "{stated: campaign.budget_cny, tolerance: 0.5}", "{stated: rival.ratio, tolerance: 0.5}",
    "!!python/object:os.system ''", "!!binary aGk=", "!!set {a}", "!!timestamp 2026-02-03",
    "|\n  block", "'unterminated", "\"\\u00e9\"", "'\t'", "? complex", "- item",
]


def _value(data: st.DataObject) -> str:
    return data.draw(st.one_of(
        st.sampled_from(SCALARS),
        st.integers(-10**20, 10**20).map(str),
        st.floats().map(repr),
        st.text(max_size=12).map(lambda t: yaml.safe_dump(t, width=1000).split("\n...")[0].strip()),
    ))


def _key_and_rest(line: str) -> tuple[str, str, str] | None:
    stripped = line.lstrip(" ")
    if ":" not in stripped or stripped.startswith("#"):
        return None
    key, _, rest = stripped.partition(":")
    return line[: len(line) - len(stripped)], key, rest


def mutate(lines: list[str], data: st.DataObject) -> list[str]:
    """One random edit of the kind a contributor might make by mistake."""
    lines = list(lines) or [""]
    i = data.draw(st.integers(0, len(lines) - 1))
    op = data.draw(st.sampled_from(
        ["value", "value", "value", "key", "indent", "delete", "duplicate", "swap", "insert",
         "truncate"]))
    parts = _key_and_rest(lines[i])
    if op == "value" and parts:
        lines[i] = f"{parts[0]}{parts[1]}: {_value(data)}"
    elif op == "key" and parts:
        key = data.draw(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)))
        lines[i] = f"{parts[0]}{key}:{parts[2]}"
    elif op == "indent":
        shift = data.draw(st.integers(-4, 4))
        lines[i] = " " * max(0, len(lines[i]) - len(lines[i].lstrip(" ")) + shift) + lines[i].lstrip(" ")
    elif op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "swap":
        j = data.draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "insert":
        lines.insert(i, data.draw(st.sampled_from(["", "  ", "    ", "      "])) +
                     data.draw(st.sampled_from(FIELDS)) + ": " + _value(data))
    elif op == "truncate":
        lines = lines[:i]
    return lines


def assert_loads_or_explains(text: str) -> None:
    """Load the text; on success render every figure, on failure check the message."""
    try:
        briefing = briefing_from_text(text, NAME)
    except BriefingError as error:
        message = str(error)
        assert message.startswith(NAME), message
        assert error.problem and error.hint, message
        assert "\n  How to fix: " in message and "Traceback" not in message
        return
    renderer = PageRenderer(briefing, "")
    for key in briefing.figures:
        assert renderer.fig(key)


@FUZZ
@given(base=st.sampled_from([REAL, VALID]), data=st.data())
def test_mutated_data_files_load_or_fail_clearly(base, data):
    lines = base.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        lines = mutate(lines, data)
    assert_loads_or_explains("\n".join(lines) + "\n")


SCALAR_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(), st.dates(),
    st.sampled_from(["money", "date", "text", "CNY", "day", "2026-02", "mid 2026-02", "a.b",
                     "a.b / c.d", "wire", "high", "same-quantity"]),
    st.text(max_size=10))


def _nested(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.lists(inner, max_size=3),
                     st.dictionaries(st.sampled_from(FIELDS + ["a.b", "c.d", "wire"]), inner,
                                     max_size=5))


STRUCTURES = st.recursive(SCALAR_VALUES, _nested, max_leaves=25)


@FUZZ
@given(st.dictionaries(st.sampled_from(["sources", "figures", "conflicts", "extra"]),
                       st.dictionaries(st.sampled_from(["a.b", "c.d", "wire", "x"]),
                                       STRUCTURES, max_size=3), max_size=4))
def test_random_structures_load_or_fail_clearly(document):
    assert_loads_or_explains(yaml.safe_dump(document, allow_unicode=True))


# ---------------------------------------------------------------- classes of the outside test
# Each class of mistake the outside test found (issue 12) is covered here beyond the one
# example in the bad-input catalogue.

PYTHON_REPRS = re.compile(r"datetime\.|\binf%|use one of: *(\n|$)|Input should be|"
                          r"\bNoneType\b|\bTraceback\b")


def error_text(text: str) -> str:
    try:
        briefing_from_text(text, NAME)
    except BriefingError as error:
        message = str(error)
        assert error.hint and not PYTHON_REPRS.search(message), message
        return message
    raise AssertionError("loaded without an error")


@FUZZ
@given(base=st.sampled_from([REAL, VALID]), data=st.data())
def test_messages_never_show_python_reprs(base, data):
    lines = base.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        lines = mutate(lines, data)
    try:
        briefing_from_text("\n".join(lines) + "\n", NAME)
    except BriefingError as error:
        assert not PYTHON_REPRS.search(str(error)), str(error)


@pytest.mark.parametrize("yaml_text", [
    "x: &a 1\ny: *a\n",
    "x: &r [*r]\n",
    "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n",
    "base: &base {label: x}\nother:\n  <<: *base\n",
    "x: !!str &a text\n",
    "x: *undefined\n",
])
def test_every_anchor_or_alias_is_refused_before_anything_expands(yaml_text, monkeypatch):
    def compose(*args, **kwargs):
        raise AssertionError("the document was composed: its aliases could expand")

    monkeypatch.setattr(yaml, "compose", compose)
    message = error_text(VALID + yaml_text)
    assert "YAML anchors and aliases are not supported" in message or "YAML syntax error" in message


@pytest.mark.parametrize(("written", "read_as"), [
    ("0431", "281"), ("010", "8"), ("1:30", "90"), ("3:1", "181"), ("190:20:30", "685230"),
    ("0x1F", "31"), ("0b101", "5"), ("1_000", "1000"), (".5", "0.5"), ("1.", "1"), ("+5", "5"),
    ("00", "0"), ("-010", "-8"), ("1.0e+3", "1000"), (".inf", "infinity"), ("-.inf", "minus infinity"),
    (".nan", "'not a number'"), ("1:30.5", "90.5"),
])
@pytest.mark.parametrize("where", ["    value: 9", "    decimals: 1"])
def test_every_non_decimal_number_is_refused_showing_what_was_written(written, read_as, where):
    text = replace("    value: 9", f"{where.split(':')[0]}: {written}" if where.endswith("9")
                   else f"    value: 9\n    decimals: {written}")
    message = error_text(text)
    assert f"{written} is not a plain decimal number: YAML reads it as {read_as}" in message


@FUZZ
@given(st.text(alphabet="0123456789_:.+-xobeE", min_size=1, max_size=8))
def test_a_loaded_number_is_always_the_number_written(written):
    text = replace("    value: 9", f"    value: {written}")
    try:
        briefing = briefing_from_text(text, NAME)
    except BriefingError as error:
        assert str(error).startswith(NAME) and error.hint
        return
    assert float(written) == briefing.figures["holiday.length"].value


ONE_LINE = [("    publisher: Example Wire", "publisher"), ("    title: Budget report", "title"),
            ("    as_reported_by: Example Daily", "as_reported_by"),
            ("    label: Rival budget\n", "label"), ("    title: Dollar amounts that differ", "title"),
            ("    unit: yuan per US dollar", "unit")]


@pytest.mark.parametrize(("line", "field"), ONE_LINE)
@pytest.mark.parametrize("brk", ["\\n", "\\n\\n- injected", "\\r", "\\u2028", "\\x85"])
def test_a_line_break_in_any_one_line_field_is_refused(line, field, brk):
    start, value = line.rstrip("\n").split(": ", 1)
    text = replace(line.rstrip("\n"), f'{start}: "{value}{brk}more"')
    assert f"{field}: a line break in a one-line field" in error_text(text)


@pytest.mark.parametrize(("line", "field"), [(line, field) for line, field in ONE_LINE]
                         + [("    note: Context only.", "note"), ("    explanation: Rounding.",
                                                                 "explanation")])
@pytest.mark.parametrize("blank", ["' '", "'   '", "\"\\u3000 \\u00a0\""])
def test_a_field_of_only_spaces_is_refused(line, field, blank):
    start = line.rstrip("\n").split(": ", 1)[0]
    text = replace(line.rstrip("\n"), f"{start}: {blank}")
    message = error_text(text)
    assert f"{field}: only spaces" in message or "at least 1 character" in message, message


@pytest.mark.parametrize(("line", "field"), [
    ("    label: Rival budget\n", "label"), ("    title: Dollar amounts that differ", "title"),
    ("    explanation: Rounding.", "explanation")])
@pytest.mark.parametrize("digits", ["10 million", "2026", "a 3rd time", "version 2.5"])
def test_digits_in_labels_titles_and_explanations_are_refused(line, field, digits):
    start, value = line.rstrip("\n").split(": ", 1)
    text = replace(line.rstrip("\n"), f"{start}: {value} {digits}")
    assert f"{field}: no digits allowed" in error_text(text)


@pytest.mark.parametrize("name", NAMES_WITH_DIGITS)
def test_names_with_digits_are_allowed_in_labels(name):
    text = replace("    label: Rival budget\n", f"    label: Rival budget for {name}\n")
    briefing_from_text(f"{text}names_with_digits: [{name}]\n", NAME)


BUDGET_AS_OF = ('    as_of: 2026-02-02\n    sources: {wire: "Alibaba has allocated 3 billion yuan '
                '(about $431 million)"}\n  campaign.budget_usd')
OLD_NAME_AS_OF = ('    as_of: early 2026-02\n    sources: {blog: "to push its AI chatbot Tongyi '
                  'Qianwen into the mainstream"}')
BLOG_PASSAGE = '      blog: "a bet of about US$431 million"\n'


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    date: 2026-02-03\n", "    date: 1899-12-31\n", "date: 1899-12-31 is outside"),
    ("    date: early 2026-02\n", "    date: '2101'\n", "date: 2101 is outside"),
    # The passage still reads February 6, 2026: the range check on the value comes first.
    ("    value: 2026-02-06", "    value: 0001-01-01", "value: 0001-01-01 is outside"),
    ("    value: late 2026-01", "    value: late 2999-01", "value: late 2999-01 is outside"),
    (BUDGET_AS_OF, BUDGET_AS_OF.replace("2026-02-02", "2999"), "as_of: 2999 is outside"),
    (BUDGET_AS_OF, BUDGET_AS_OF.replace("2026-02-02", "2026-03"),
     "as_of 2026-03 is later than every cited source"),
    (OLD_NAME_AS_OF, OLD_NAME_AS_OF.replace("early", "mid"),
     "as_of mid 2026-02 is later than every cited source"),
    ("    formula: holiday.start + holiday.length", "    formula: holiday.start + 40000",
     "the formula gives 2135-08-23, outside the plausible range"),
    ("    value: 2015\n", "    value: 1850\n", "1850 is not a plausible year"),
    # Passages that state the small values, so that the display rule is what fires.
    ("    value: 100000\n    kind: count\n    unit: units\n    qualifier: more than\n"
     "    as_of: 2026-02-03\n    sources: {wire: \"has reportedly shipped more than 100,000 units\"}",
     "    value: 0.004\n    kind: count\n    unit: units\n    qualifier: more than\n"
     "    as_of: 2026-02-03\n    sources: {wire: \"has reportedly shipped more than 0.004 units\"}",
     "0.004 would be shown as 'more than 0 units'"),
    ("    value: -2.34\n    kind: percent\n    as_of: 2026-02-03\n"
     "    sources: {wire: \"a decline of 2.34% over the preceding seven trading days\"}",
     "    value: 0.001\n    kind: percent\n    as_of: 2026-02-03\n"
     "    sources: {wire: \"a rise of 0.001% over the preceding seven trading days\"}",
     "0.001 would be shown as '0%'"),
    (BLOG_PASSAGE, BLOG_PASSAGE + BLOG_PASSAGE, "cites source 'blog' twice (first on line 34)"),
])
def test_range_and_silent_acceptance_rules(old, new, message):
    assert message in error_text(replace(old, new))


def test_derived_figures_get_the_same_year_range():
    text = VALID.replace("figures:\n", "figures:\n  later.year:\n    label: Later year\n"
                         "    kind: year\n    formula: precedent.year + 200\n", 1)
    assert "2215 is not a plausible year" in error_text(text)


def test_as_of_within_a_partial_source_date_is_accepted():
    briefing_from_text(replace(OLD_NAME_AS_OF, OLD_NAME_AS_OF.replace("early 2026-02",
                                                                      "2026-02-08")), NAME)


def test_a_partial_as_of_that_may_precede_the_source_is_accepted():
    """early 2026-02 may be 1 February, so it is not later than a source dated 2026-02-03."""
    text = replace(OLD_NAME_AS_OF, OLD_NAME_AS_OF.replace(
        "blog: ", "wire: ").replace("to push its AI chatbot ", ""))
    assert briefing_from_text(text, NAME).figures["names.old"].sources == ("wire",)


# ---------------------------------------------------------------- macros and pages

MACRO_ARGUMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=20),
                       st.sampled_from(["campaign.budget_cny", "holiday.start", "shares.price"])),
             max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["campaign.budget_cny", "holiday.start", "shares.price", "fx.rate"]))


@FUZZ
@given(name=st.sampled_from(["fig", "value", "short", "asof", "cards"]),
       args=st.lists(MACRO_ARGUMENTS, max_size=3))
def test_any_macro_argument_gives_output_or_a_message(name, args):
    briefing = briefing_from_text(VALID, NAME)
    r = PageRenderer(briefing, "")
    function = {"fig": r.fig, "value": r.value, "short": r.short, "asof": r.asof,
                "cards": partial(generated.cards, r)}[name]
    try:
        assert isinstance(call_macro(name, function, args, {}), str)
    except BriefingError as error:
        assert error.hint and not PYTHON_REPRS.search(str(error)), str(error)


@pytest.mark.parametrize(("value", "told"), [
    (None, "got nothing"), (5, "got 5"), (2.5, "got 2.5"), (True, "got true"),
    ("campaign.budget_cny", "got the text 'campaign.budget_cny'"), ({"a": 1}, "got a mapping"),
    ([5], "got a list holding 5"), ([None], "got a list holding nothing"),
])
def test_cards_names_what_it_was_given(value, told):
    r = PageRenderer(briefing_from_text(VALID, NAME), "")
    with pytest.raises(BriefingError) as caught:
        call_macro("cards", partial(generated.cards, r), [value], {})
    assert f"cards() takes a list of keys, {told}" in str(caught.value)


@FUZZ
@given(st.text(max_size=60))
def test_any_front_matter_gives_a_mapping_or_a_message(body):
    try:
        meta = parse_page(f"---\n{body}\n---\n\n# Page\n", "docs/page.md").meta
    except BriefingError as error:
        assert error.file == "docs/page.md" and error.hint and error.line
        return
    assert isinstance(meta, dict)


LEADING = st.sampled_from(list(FORMULA_START) + [" ", "\u00a0", "\u3000", "\u200b", "\u202e",
                                                   "\x1b", "\ufeff", "a", "1", "'"])


@FUZZ
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=False),
                 st.tuples(st.lists(LEADING, max_size=4), st.text(max_size=10)).map(
                     lambda parts: "".join(parts[0]) + parts[1])))
def test_no_csv_cell_starts_a_spreadsheet_formula(value):
    cell = safe_cell(value)
    if not isinstance(cell, str) or cell.startswith("'"):
        return
    shown = cell.lstrip(" \u00a0\u3000")
    assert not cell.startswith(FORMULA_START) and not shown.startswith(FORMULA_START), cell
    assert not raw_hidden(cell[:1] + shown[:1]) and "\n" not in cell[:1] + shown[:1], cell


@pytest.mark.parametrize("text", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\0=1", "＝HYPERLINK(\"x\")",
    "＋1", "－1", "＠SUM(A1)", "  =1+1", "\u3000=1", "\u00a0@x", "\u200b=1", "\u202e=1",
])
def test_spreadsheet_formula_starts_are_quoted(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Campaign budget", "Qwen", "a=b", "1+1", "'quoted", ""])
def test_plain_text_cells_are_left_alone(text):
    assert safe_cell(text) == text


def test_shown_never_gives_a_python_repr():
    for value, text in [(dt.date(2026, 2, 3), "2026-02-03"), (float("inf"), "infinity"),
                        (None, "nothing"), (True, "true"), (3.0, "3"), ([1], "a list")]:
        assert shown(value) == text


@pytest.mark.parametrize(("markdown", "digit_line"), [
    ("Text with 3 digits.", 6),
    ("A {{ fig('a.b') }} and then 2015.", 6),
    ("{{ cards([\n  'a.b',\n  'c.d']) }}\nAfter the cards, 7 of them.", 9),
    ("```\ncode 123\n```\nBut 4 here.", 9),
    ("[link](page2.md) and `x1` and <span data-x='9'>y</span> and &#8212; then 5.", 6),
    ("Names like H200, R1, V4, Zhenwu 810E and Qwen3-Max are fine; 42 is not.", 6),
    ("Fine prose without numbers.\n\nStill fine.", None),
    ("An {{ fig('a.b') }}, `code 1`, [x](y1.md), <b id='a1'>bold</b>, H200.", None),
])
def test_digits_in_prose_are_found_on_their_line(tmp_path, markdown, digit_line):
    from macros.engine.present.pages.rules import check_prose

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("---\ntitle: Page\ndescription: A page long enough to pass the "
                                  "description rule.\n---\n\n" + markdown + "\n")
    if digit_line is None:
        check_prose(read_pages(docs, ["page.md"]), tuple(NAMES_WITH_DIGITS))
        return
    with pytest.raises(BriefingError) as caught:
        check_prose(read_pages(docs, ["page.md"]), tuple(NAMES_WITH_DIGITS))
    assert caught.value.line == digit_line and caught.value.file == "docs/page.md"


@pytest.mark.parametrize(("front", "problem"), [
    ("title: Page\n", "missing from the front matter"),
    ("title: Page\ndescription: Short.\n", "too short (6 characters"),
    ("title: Page\ndescription: ''\n", "missing from the front matter"),
    ("description: A page long enough to pass the description rule.\n", "missing from the front"),
    ("title: About: the site\n", "front matter: YAML syntax error"),
    ("- a list\n", "front matter must be 'name: value' lines"),
])
def test_every_front_matter_mistake_is_told(tmp_path, front, problem):
    from macros.engine.present.pages.rules import check_front_matter

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(f"---\n{front}---\n\n# Page\n")
    with pytest.raises(BriefingError) as caught:
        check_front_matter(read_pages(docs, ["page.md"]))
    assert problem in str(caught.value) and caught.value.hint


@pytest.mark.parametrize("content", [b"\xff\xfe", b"caf\xe9", b"\x80"])
def test_pages_that_are_not_utf8_are_told(tmp_path, content):
    from macros.engine.load.page_source import read_page

    page = tmp_path / "page.md"
    page.write_bytes(b"---\ntitle: x\n---\n" + content)
    with pytest.raises(BriefingError) as caught:
        read_page(page, "docs/page.md")
    assert "page is not UTF-8 text" in str(caught.value) and caught.value.line == 4


def test_unreadable_pages_and_data_are_told(tmp_path):
    from macros.engine.load.page_source import read_page
    from macros.engine.load.yaml_source import load_yaml

    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "folder.md").mkdir()
    for name in ("loop.md", "folder.md"):
        with pytest.raises(BriefingError, match="cannot read the page"):
            read_page(tmp_path / name, f"docs/{name}")
        with pytest.raises(BriefingError, match=r"cannot read the data file|is a folder"):
            load_yaml(tmp_path / name, "data/briefing.yml")


@pytest.mark.parametrize("setting", [None, "", "   ", 5, ["data/briefing.yml"]])
def test_briefing_data_setting_must_name_a_file(setting):
    from macros.engine.config import BriefingConfig

    with pytest.raises(BriefingError) as caught:
        BriefingConfig.from_extra({"briefing": {"data": setting}})
    assert caught.value.key == "extra.briefing.data" and caught.value.hint


# ------------------------------------------------ hidden characters never reach a page or message

TRICKY = st.text(alphabet=st.one_of(
    st.sampled_from("ab Q-'\"\\:#&<>%"),
    st.sampled_from("\n\r\t\v\f\x00\x07\x1b\x7f\x85\x9b\u2028\u2029\u202a\u202b\u202c\u202d"
                    "\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u2060\ufeff\u00ad"),
    st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"])), max_size=12)
# VALID with every section that holds text, so that each text field of the data file is tried
EVERY_SECTION = VALID + """claims:
  campaign.push:
    says: The blog says Alibaba pushes its chatbot
    sources: {blog: "to push its AI chatbot Tongyi Qianwen into the mainstream"}
glossary:
  qwen:
    term: Qwen
    also: [Tongyi Qianwen]
    definition: Alibaba's AI app.
    sources: {blog: "to push its AI chatbot Tongyi Qianwen into the mainstream"}
open_questions:
  rival-size:
    question: How large is the rival's budget in dollars?
    figures: [rival.budget_usd]
    why: No article gives it.
corrections:
  - figure: rival.budget_cny
    date: 2026-12-01
    old: one billion yuan
    new: 1 billion yuan
    reason: Written in figures.
updates:
  - date: 2026-02-19
    says: Alibaba reported its results.
    figures: [campaign.budget_cny]
    sources: [wire]
names_with_digits: [H200]
"""
TEXT_LINES = ['    name: "Example Wire"', "    publisher: Example Wire", "    title: Budget report",
              "    as_reported_by: Example Daily", "    note: Relayed by a daily.",
              "    label: Rival budget", "    value: Tongyi Qianwen", "    unit: yuan per US dollar",
              "    title: Dollar amounts that differ", "    explanation: Rounding.",
              '      blog: "a bet of about US$431 million"',
              "    says: The blog says Alibaba pushes its chatbot", "    term: Qwen",
              "    definition: Alibaba's AI app.",
              "    question: How large is the rival's budget in dollars?",
              "    why: No article gives it.", "    old: one billion yuan",
              "    reason: Written in figures.", "    says: Alibaba reported its results.",
              "names_with_digits: H200"]


def raw_hidden(text: str) -> list[str]:
    """The control, format and separator characters in `text`, other than line feeds."""
    return [c for c in text if unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co"}
            and c != "\n"]


@FUZZ
@given(line=st.sampled_from(TEXT_LINES), inserted=TRICKY)
def test_no_hidden_character_reaches_a_page_or_a_message(line, inserted):
    start, value = line.split(": ", 1)
    value = value.strip('"')
    new = f"{start}: {json.dumps(value[:3] + inserted + value[3:])}"
    if line.startswith("names_with_digits"):
        line, new = "names_with_digits: [H200]", f"names_with_digits: [{new.split(': ', 1)[1]}]"
    text = replace(line, new, EVERY_SECTION)
    try:
        briefing = briefing_from_text(text, NAME)
    except BriefingError as error:
        message = str(error)
        assert not raw_hidden(message) and message.count("\n") == 1, message
        assert error.line == text[: text.index(new)].count("\n") + 1 or \
            "passage" in message, message
        return
    renderer = PageRenderer(briefing, "")
    shown = [renderer.fig(key) for key in briefing.figures] + [
        generated.sources_list(renderer), generated.conflicts_list(renderer),
        generated.glossary(renderer), generated.open_questions(renderer),
        generated.corrections_list(renderer), renderer.cite("campaign.push")]
    assert not any(raw_hidden(page) for page in shown)


@FUZZ
@given(field=st.sampled_from(["title", "description", "summary"]), inserted=TRICKY)
def test_no_hidden_character_passes_the_front_matter(tmp_path_factory, field, inserted):
    from macros.engine.present.pages.rules import check_front_matter

    docs = tmp_path_factory.mktemp("docs")
    meta = {"title": "Page", "description": "A page long enough to pass the description rule."}
    meta[field] = meta.get(field, "Text")[:2] + inserted + meta.get(field, "Text")[2:]
    (docs / "page.md").write_text(f"---\n{yaml.safe_dump(meta)}---\n\n# Page\n", encoding="utf-8")
    try:
        pages = read_pages(docs, ["page.md"])
        check_front_matter(pages)
    except BriefingError as error:
        assert not raw_hidden(str(error)) and str(error).count("\n") == 1, str(error)
        return
    texts = [v for v in pages["page.md"].meta.values() if isinstance(v, str)]
    assert not any(raw_hidden(t) or "\n" in t.rstrip("\n") for t in texts), texts
