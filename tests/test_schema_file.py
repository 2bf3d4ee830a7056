"""The editor schema is generated from the pydantic models and referenced by the data file."""

import datetime
import json

import jsonschema
import yaml

from conftest import ROOT
from macros.engine.load.schema_export import SCHEMA_FILE, schema_text


def test_schema_file_is_up_to_date():
    assert SCHEMA_FILE.read_text() == schema_text(), "run `make schema` and commit the result"


def test_data_file_points_editors_at_the_schema():
    first = (ROOT / "data" / "briefing.yml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=briefing.schema.json"


def test_real_data_file_validates_against_the_schema():
    data = _as_editor_sees_it(yaml.safe_load((ROOT / "data" / "briefing.yml").read_text()))
    schema = json.loads(SCHEMA_FILE.read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_schema_rejects_an_unknown_field():
    schema = json.loads(SCHEMA_FILE.read_text())
    bad = {"sources": {}, "figures": {"a.b": {"label": "x", "kind": "count", "valeu": 1}}}
    messages = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(bad)]
    assert any("'valeu' was unexpected" in m for m in messages)


def _as_editor_sees_it(node):
    """YAML 1.2 editors read unquoted dates as text, not as timestamps."""
    if isinstance(node, dict):
        return {key: _as_editor_sees_it(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_as_editor_sees_it(item) for item in node]
    return node.isoformat() if isinstance(node, datetime.date) else node
