"""The editor schema (data/briefing.schema.json): generated from the engine's models, field docs
and kind rules; documents every field as CONTRIBUTING.md does; and tells a contributor what is
wrong, in check-jsonschema's words, for the mistakes the engine also refuses."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import get_args

import jsonschema
import pytest
import yaml

from conftest import ROOT
from engine_data import VALID, load, replace
from macros.engine.dates import PartialDate
from macros.engine.errors import BriefingError
from macros.engine.format.values import CURRENCY_AFFIXES
from macros.engine.kinds import DURATION_UNITS
from macros.engine.validate import models as schema_module
from macros.engine.validate.models import (
    DATE_PATTERN_EDITOR,
    DATED_PATTERN_EDITOR,
    Currency,
    Kind,
)
from macros.engine.validate.rules import EARLIEST_YEAR, LATEST_YEAR
from macros.engine.validate.schema_export import (
    CONTRIBUTING,
    SCHEMA_FILE,
    UNIONS,
    UNIT_KINDS,
    contributing_text,
    plain,
    schema_text,
)

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


# --- generated, not typed ------------------------------------------------------------------

def test_schema_file_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "run `make schema` and commit the result"


def test_contributing_field_tables_are_up_to_date():
    assert CONTRIBUTING.read_text(encoding="utf-8") == contributing_text(), \
        "run `make schema`: CONTRIBUTING.md's field tables are generated from the models"


def test_make_schema_leaves_no_diff(tmp_path):
    """`make schema` (the export module, run in a copy) rewrites both files byte for byte."""
    shutil.copytree(ROOT / "macros", tmp_path / "macros",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(CONTRIBUTING, tmp_path / "CONTRIBUTING.md")
    subprocess.run([sys.executable, "-m", "macros.engine.validate.schema_export"], cwd=tmp_path,
                   check=True, capture_output=True)
    assert (tmp_path / "data/briefing.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
    assert (tmp_path / "CONTRIBUTING.md").read_bytes() == CONTRIBUTING.read_bytes()


def test_data_file_points_editors_at_the_schema():
    first = (ROOT / "data" / "briefing.yml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=briefing.schema.json"


# --- every field documented, from the text CONTRIBUTING uses --------------------------------

def _models() -> dict[str, dict]:
    return {"BriefingFile": SCHEMA, **SCHEMA["$defs"]}


def _fields(name: str) -> dict:
    """The fields of a model; `Figure` and `CorrectionData` are every field of their variants
    (stated, editorial and derived figures; changed and removed corrections), shown as one."""
    if name in UNIONS:
        return schema_module.fields_of(schema_module.VARIANTS[UNIONS[name]])
    return getattr(schema_module, name).model_fields


def test_every_field_of_every_model_has_a_description_and_an_example():
    for name, model in _models().items():
        assert set(model["properties"]) == set(_fields(name)), name
        for field, prop in model["properties"].items():
            assert prop.get("description") and prop.get("examples"), f"{name}.{field}"
            assert prop["description"].startswith(plain(_fields(name)[field].description))


def test_each_field_description_appears_in_contributing():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    for name in _models():
        for field, info in _fields(name).items():
            assert info.description in text, f"{name}.{field}: {info.description!r}"


def test_every_example_fits_its_field():
    for name, model in _models().items():
        for field, prop in model["properties"].items():
            check = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], **prop})
            for example in prop["examples"]:
                errors = [e.message for e in check.iter_errors(example)]
                assert not errors, (f"{name}.{field}", example, errors)


# --- the kind rules come from the engine's own constants ----------------------------------

def _figure_rule(kind: str) -> dict:
    for rule in SCHEMA["$defs"]["Figure"]["allOf"]:
        if rule["if"].get("properties", {}).get("kind") == {"const": kind}:
            return rule["then"]
    raise AssertionError(f"no rule for kind {kind}")


def test_kinds_units_and_currencies_are_the_engines():
    figure = SCHEMA["$defs"]["Figure"]["properties"]
    assert figure["kind"]["enum"] == list(get_args(Kind))
    assert figure["currency"]["enum"] == list(get_args(Currency))
    assert set(get_args(Currency)) == set(CURRENCY_AFFIXES)     # each one can be shown
    assert _figure_rule("duration")["properties"]["unit"]["enum"] == sorted(DURATION_UNITS)
    for kind in get_args(Kind):
        _figure_rule(kind)


@pytest.mark.parametrize("kind", get_args(Kind))
def test_the_kinds_that_take_a_unit_are_the_engines(kind):
    """UNIT_KINDS (schema) against what the engine accepts: a stated figure of each kind with
    a unit loads exactly when the schema lets the kind have one."""
    values = {"money": 5, "price": 5, "count": 5, "percent": 5, "ratio": 5, "duration": 5,
              "year": 2015, "date": "2026-02-06", "text": "Qwen"}
    extra = "    currency: CNY\n" if kind in {"money", "price"} else ""
    figure = (f"  test.unit:\n    label: Test\n    kind: {kind}\n{extra}    unit: day\n"
              f"    value: {values[kind]}\n    editorial: true\n    appendix_only: true\n")
    text = replace("conflicts:\n", figure + "conflicts:\n")
    try:
        load(text)
        accepted = True
    except BriefingError as error:
        assert "unit" in str(error), str(error)
        accepted = False
    assert accepted == (kind in UNIT_KINDS)


@pytest.mark.parametrize("text, schema_ok, engine_ok", [
    ("2026-02-15", True, True), ("2026-02", True, True), ("2026", True, True),
    ("early 2026-02", True, True), ("mid 2026-02", True, True), ("late 2026-01", True, True),
    ("2026-02-30", True, False),               # the engine knows the calendar; the schema cannot
    ("2026-13", False, False), ("2026-02-32", False, False),
    ("2026-00-10", False, False), ("2026-00", False, False),
    ("Feb 2026", False, False), ("mid 2026-02-15", False, False), ("mid 2026", False, False),
    ("15/02/2026", False, False), ("undated", False, True),   # undated: not for a date value
])
def test_date_pattern_agrees_with_the_engine(text, schema_ok, engine_ok):
    assert bool(re.match(DATE_PATTERN_EDITOR, text)) == schema_ok
    assert bool(re.match(DATED_PATTERN_EDITOR, text)) == (schema_ok or text == "undated")
    try:
        PartialDate.parse(text)
        parsed = True
    except ValueError:
        parsed = False
    assert parsed == engine_ok


def test_year_range_is_the_engines():
    year = _figure_rule("year")["properties"]["value"]
    assert (year["minimum"], year["maximum"]) == (EARLIEST_YEAR, LATEST_YEAR)


# --- check-jsonschema: the real file passes, each mistake fails with a telling message -----

# (case id, snippet of engine_data.VALID, replacement, what check-jsonschema must say)
BAD_FILES = [
    ("money-value-in-words", "    value: 3000000000\n", '    value: "three billion"\n',
     "$.figures['campaign.budget_cny'].value: 'three billion' is not of type 'number'"),
    ("negative-money", "    value: 3000000000\n", "    value: -5\n",
     "-5 is less than or equal to the minimum of 0"),
    ("missing-currency", "    currency: CNY\n    as_of", "    as_of",
     "$.figures['campaign.budget_cny']: 'currency' is a required property"),
    ("unknown-currency", "    currency: CNY\n", "    currency: GBP\n",
     "'GBP' is not one of ['CNY', 'USD', 'EUR']"),
    ("currency-on-a-count", "    unit: units\n", "    unit: units\n    currency: USD\n",
     "a count figure has no currency: only money and price figures take one"),
    ("bad-duration-unit", "    unit: day\n    value: 9", "    unit: fortnight\n    value: 9",
     "$.figures['holiday.length'].unit: 'fortnight' is not one of ['day', 'month', 'week', "
     "'year']"),
    ("duration-without-unit", "    unit: day\n    value: 9", "    value: 9",
     "$.figures['holiday.length']: 'unit' is a required property"),
    ("unit-on-money", "    currency: CNY\n", "    currency: CNY\n    unit: yuan\n",
     "a money figure takes no unit"),
    ("date-in-words", "    as_of: 2026-02-02\n", '    as_of: "Feb 2026"\n',
     "$.figures['campaign.budget_cny'].as_of: 'Feb 2026' does not match '^(undated|"),
    ("month-13", "    value: 2026-02-15\n", '    value: "2026-13-15"\n',
     "$.figures['holiday.start'].value: '2026-13-15' does not match '^("),
    ("day-32", "    value: 2026-02-15\n", '    value: "2026-02-32"\n',
     "'2026-02-32' does not match"),
    ("undated-date-value", "    value: 2026-02-15\n", "    value: undated\n",
     "'undated' does not match"),
    ("bad-source-date", "    date: 2026-02-03\n", '    date: "3 Feb 2026"\n',
     "$.sources.wire.date: '3 Feb 2026' does not match"),
    ("text-figure-number", "    value: Tongyi Qianwen\n", "    value: 3\n",
     "$.figures['names.old'].value: 3 is not of type 'string'"),
    ("year-out-of-range", "    value: 2015\n", "    value: 1850\n",
     "1850 is less than the minimum of 1900"),
    ("derived-with-value", "    formula: campaign.budget_cny / rival.budget_cny\n",
     "    formula: campaign.budget_cny / rival.budget_cny\n    value: 3\n",
     "give exactly one of 'value' (a stated figure) or 'formula' (derived)"),
    ("derived-with-sources", "    formula: campaign.budget_cny / rival.budget_cny\n",
     "    formula: campaign.budget_cny / rival.budget_cny\n    sources: {wire: \"three times\"}\n",
     "a derived figure cites no sources of its own"),
    ("stated-without-as-of", "    as_of: 2026-02-02\n", "",
     "'as_of' is a required property"),
    ("stated-without-value", "    value: 3000000000\n", "",
     "'value' is a required property"),
    ("editorial-with-sources", "    kind: text\n", "    kind: text\n    editorial: true\n",
     "an editorial figure cites no sources"),
    ("check-on-a-stated-figure", "    value: 2015\n",
     "    value: 2015\n    check: {stated: names.old, tolerance: 0.1}\n",
     "'check' belongs on a derived figure"),
    ("unknown-field", "    value: 3000000000\n", "    valeu: 3000000000\n",
     "Additional properties are not allowed ('valeu' was unexpected)"),
    ("bad-figure-key", "  rival.ratio:\n", "  Rival-Ratio:\n",
     "'Rival-Ratio' does not match"),
    ("bad-reliability", "    reliability: low\n", "    reliability: dubious\n",
     "'dubious' is not one of ['lowest', 'low', 'medium', 'medium-high', 'high']"),
]


def _check_jsonschema(files: list[str], cwd: Path) -> str:
    if not CHECK_JSONSCHEMA.exists():
        pytest.skip("check-jsonschema is not installed: run `make test` once (requirements.txt)")
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA_FILE), *files],
                            cwd=cwd, capture_output=True, text=True, timeout=120)
    return result.stdout + result.stderr


def test_the_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_check_jsonschema_accepts_the_real_data_file_and_the_engine_test_file(tmp_path):
    (tmp_path / "valid.yml").write_text(VALID)
    out = _check_jsonschema([str(ROOT / "data" / "briefing.yml"), "valid.yml"], tmp_path)
    assert out.strip() == "ok -- validation done", out


def test_check_jsonschema_names_each_mistake(tmp_path):
    """One check-jsonschema run over all the bad files (each is engine_data.VALID with one
    mistake, which the engine refuses too); each file's messages must name its problem."""
    names = []
    for case, old, new, _ in BAD_FILES:
        text = replace(old, new)
        with pytest.raises(BriefingError):
            load(text)
        (tmp_path / f"{case}.yml").write_text(text)
        names.append(f"{case}.yml")
    out = _check_jsonschema(names, tmp_path)
    for case, _, _, expected in BAD_FILES:
        said = [line.strip() for line in out.splitlines() if f"{case}.yml::" in line]
        assert said, f"{case}: check-jsonschema found nothing wrong\n{out}"
        assert any(expected in line for line in said), (case, expected, said)


def test_an_impossible_day_is_left_to_the_engine():
    """2026-02-30 fits the schema's pattern (JSON Schema has no calendar); the engine refuses
    it, and the field's description says so."""
    text = replace("    value: 2026-02-15\n", '    value: "2026-02-30"\n')
    with pytest.raises(BriefingError, match="not a real calendar date"):
        load(text)
    assert "2026-02-30" in SCHEMA["$defs"]["Figure"]["properties"]["as_of"]["description"]


def test_real_data_file_validates_with_jsonschema_as_editors_read_it():
    data = _as_editor_sees_it(yaml.safe_load((ROOT / "data" / "briefing.yml").read_text()))
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    assert not errors, [e.message for e in errors]


def _as_editor_sees_it(node):
    """YAML 1.2 editors read unquoted dates as text, not as timestamps."""
    if isinstance(node, dict):
        return {key: _as_editor_sees_it(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_as_editor_sees_it(item) for item in node]
    return node.isoformat() if isinstance(node, datetime.date) else node
