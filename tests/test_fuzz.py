"""Fuzzing the data loader: any text either loads or fails with one clear BriefingError.

Hypothesis mutates the real data file and a small valid one line by line (values, keys, types,
indentation, deleted, duplicated, swapped and inserted lines) and also writes whole files from
random structures. Loading must never raise anything but BriefingError, and that error must
name the file and say how to fix it.

The examples are derandomized so that every run tries the same ones; to search further, run
e.g. `FUZZ_EXAMPLES=5000 FUZZ_RANDOM=1 .venv/bin/python -m pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from engine_data import VALID
from macros.engine.derive.briefing import Briefing
from macros.engine.errors import BriefingError
from macros.engine.load.schema import Figure, Source
from macros.engine.present.html import PageRenderer

NAME = "data/briefing.yml"
REAL = (ROOT / NAME).read_text(encoding="utf-8")
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")), deadline=None,
                derandomize=not os.environ.get("FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIELDS = sorted({*Figure.model_fields, *Source.model_fields, "sources", "figures", "conflicts",
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
        briefing = Briefing.from_text(text, NAME)
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
