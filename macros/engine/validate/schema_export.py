"""The editor schema, data/briefing.schema.json, generated from the pydantic models (their
fields' descriptions and examples) and the engine's own rules per kind (kinds.py), and
CONTRIBUTING.md's field tables, from the same descriptions. Write both: `make schema`
(`python -m macros.engine.validate.schema_export`).

The schema is for editors (yaml-language-server) and `check-jsonschema`; the build's own checks
(validate.py) stay the authority and give the fuller messages. Its structure is chosen for
readable default messages: one schema per field (no anyOf with null), so a bad date reads
"'Feb 2026' does not match '^...'" at `$.figures.<key>.as_of`, and a field a kind does not take
is refused by `{"not": {"description": "<why>"}}`, whose message quotes the reason.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

from pydantic.json_schema import GenerateJsonSchema

from ..catalogue import MESSAGES
from ..kinds import CURRENCY_KINDS, KINDS, MAX_MAGNITUDE, UNIT_KINDS
from . import models
from .models import (
    DATE_PATTERN_EDITOR,
    DATED_PATTERN_EDITOR,
    BriefingFile,
    Kind,
)
from .rules import EARLIEST_YEAR, LATEST_YEAR

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_FILE = ROOT / "data" / "briefing.schema.json"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"

DATE_FORMS = ("Write it in quotes as 2026-02-15 (a day), 2026-02 (a month), 'early 2026-02', "
              "'mid 2026-02' or 'late 2026-02' (part of a month) or 2026 (a year). The schema "
              "checks months 01 to 12 and days 01 to 31; the build also refuses a day that does "
              "not exist (2026-02-30) and a year outside {first} to {last}.")


class _EditorSchema(GenerateJsonSchema):
    """An optional field is simply left out: `note: null` is never meant, and a field schema
    without `anyOf [..., null]` gives the plain message ("does not match", "is not one of")."""

    def nullable_schema(self, schema):
        return self.generate_inner(schema["schema"])

    def dict_schema(self, schema):
        """A mapping's keys told as such ("'Rival-Ratio' does not match"), not as a property
        that fits no pattern."""
        result = super().dict_schema(schema)
        for pattern in result.get("patternProperties", {}):
            result["propertyNames"] = {"pattern": pattern}
        return result


def forbidden(reason: str) -> dict:
    """A field that must not be there; the message quotes the reason."""
    return {"not": {"description": reason}}


def json_schema() -> dict:
    """JSON Schema of the data file, for editors and check-jsonschema."""
    schema = BriefingFile.model_json_schema(schema_generator=_EditorSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Briefing data file"
    for name, section in UNIONS.items():
        _one_schema(schema, name, section)
    models = {"BriefingFile": schema, **schema["$defs"]}
    for name, model in models.items():
        for field, prop in model["properties"].items():
            _describe(name, field, prop)
    figure = schema["$defs"]["Figure"]
    figure["properties"]["value"] |= {"type": ["number", "string"]}
    figure["allOf"][:0] = _kind_rules()
    return schema


def _one_schema(schema: dict, name: str, section: str) -> None:
    """A section's variants as one schema `name` with every field, each variant's own rules
    under `if` its condition: one schema per field keeps the editor's messages plain."""
    variants = {tag: schema["$defs"].pop(model.__name__)
                for tag, model in models.VARIANTS[section].items()}
    common = set.intersection(*(set(v["required"]) for v in variants.values()))
    properties = {field: next(v["properties"][field] for v in variants.values()
                              if field in v["properties"])
                  for field in models.fields_of(models.VARIANTS[section])}
    rules = [{"if": CONDITIONS[tag], "then": {
        "required": [field for field in variant["required"] if field not in common],
        "properties": {field: forbidden(MESSAGES[message].problem)
                       for (refused_by, field), message in models.REFUSED.items()
                       if refused_by == tag}}} for tag, variant in variants.items()]
    schema["$defs"][name] = {"additionalProperties": False, "properties": properties,
                             "required": sorted(common), "title": name, "type": "object",
                             "allOf": rules}
    entries = schema["properties"][section]
    for key in entries.get("patternProperties", {}):
        entries["patternProperties"][key] = {"$ref": f"#/$defs/{name}"}
    if "items" in entries:
        entries["items"] = {"$ref": f"#/$defs/{name}"}
    schema["$defs"] = dict(sorted(schema["$defs"].items()))


def _describe(model: str, field: str, prop: dict) -> None:
    """The field's description as plain text (dates with the forms they take), examples last."""
    description = plain(prop.pop("description"))
    prop.pop("examples")
    prop.pop("x-required", None)
    if prop.get("pattern") in {DATE_PATTERN_EDITOR, DATED_PATTERN_EDITOR}:
        description += ". " + DATE_FORMS.format(first=EARLIEST_YEAR, last=LATEST_YEAR)
    if prop.get("default", 0) is None:
        del prop["default"]
    prop["description"] = description
    fields = (models.fields_of(models.VARIANTS[UNIONS[model]]) if model in UNIONS
              else getattr(models, model).model_fields)
    prop["examples"] = fields[field].examples   # in written order


def _kind_is(kind: str) -> dict:
    return {"properties": {"kind": {"const": kind}}, "required": ["kind"]}


UNIONS = {"Figure": "figures", "CorrectionData": "corrections"}   # schema name: section
DERIVED = {"required": ["formula"]}
EDITORIAL = {"properties": {"editorial": {"const": True}}, "required": ["editorial"]}
REMOVED = {"properties": {"removed": {"const": True}}, "required": ["removed"]}
CONDITIONS = {"derived": DERIVED, "editorial": {"allOf": [{"not": DERIVED}, EDITORIAL]},
              "stated": {"not": {"anyOf": [DERIVED, EDITORIAL]}},   # models.Figure's tags
              "removed": REMOVED, "changed": {"not": REMOVED}}      # models.CorrectionData's


def _value_for(kind: str) -> dict:
    """What validate._check_value accepts as the value of a figure of this kind."""
    entry = KINDS[kind]
    if entry.value_type == "year":
        return {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}
    if entry.numeric:
        low = {"exclusiveMinimum": 0} if entry.positive else {
            "exclusiveMinimum": -MAX_MAGNITUDE}
        return {"type": "number", **low, "exclusiveMaximum": MAX_MAGNITUDE}
    if entry.value_type == "date":
        return {"type": "string", "pattern": DATE_PATTERN_EDITOR}
    return {"type": "string", "minLength": 1}


def _kind_rules() -> list[dict]:
    """The rules that depend on the kind."""
    rules = []
    for kind in get_args(Kind):
        then: dict = {"properties": {"value": _value_for(kind)}}
        required = []
        entry = KINDS[kind]
        if entry.currency:
            required.append("currency")
        else:
            then["properties"]["currency"] = forbidden(
                f"a {kind} figure has no currency: only {' and '.join(sorted(CURRENCY_KINDS))} "
                "figures take one")
        if entry.unit_required:
            required.append("unit")
            then["properties"]["unit"] = {"enum": sorted(entry.units)}
        elif not entry.takes_unit:
            then["properties"]["unit"] = forbidden(
                f"a {kind} figure takes no unit (money and prices use 'currency'); only "
                f"{', '.join(UNIT_KINDS)} figures take one")
        if required:
            then["required"] = required
        rules.append({"if": _kind_is(kind), "then": then})
    return rules


# CONTRIBUTING.md's field tables: the table's name in its marker -> the model, and what the
# key of each entry is, for sections keyed by name.
TABLES = {"sections": (BriefingFile, None), "sources": (models.Source, None),
          "figures": (models.fields_of(models.FIGURE_VARIANTS), None), "check": (models.Check, None),
          "conflicts": (models.Conflict, "lowercase words joined by hyphens"),
          "claims": (models.ClaimData,
                     "a dotted lowercase name like a figure key, and not a figure key too"),
          "glossary": (models.GlossaryData, "lowercase words joined by hyphens"),
          "open_questions": (models.OpenQuestionData, "lowercase words joined by hyphens"),
          "corrections": (models.fields_of(models.CORRECTION_VARIANTS), None),
          "updates": (models.UpdateData, None)}
MARKER = re.compile(r"(<!-- field-table: (\w+) .*?-->\n).*?(<!-- end field-table -->)", re.DOTALL)
_BARE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")   # ids, keys, kinds: written unquoted
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def plain(markdown: str) -> str:
    """The schema's text: Markdown links become their words, backticks and bold go."""
    return _LINK.sub(r"\1", markdown).replace("`", "").replace("**", "")


def written(value: object) -> str:
    """A value as it is written in the data file (YAML flow style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value if _BARE.match(value) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(written(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {written(item)}" for key, item in value.items()) + "}"
    return str(value)


def required(field) -> str:
    """The table's 'required' column: yes, no, or what the field says under x-required."""
    extra = field.json_schema_extra or {}
    return extra.get("x-required", "yes" if field.is_required() else "no")


def table(name: str) -> str:
    """The Markdown field table of one section, as CONTRIBUTING.md shows it."""
    model, key_row = TABLES[name]
    fields = model if isinstance(model, dict) else model.model_fields
    if model is BriefingFile:
        rows = ["| section | required | what it holds |", "| --- | --- | --- |"]
        rows += [f"| `{name}:` | {required(f)} | {f.description} |" for name, f in fields.items()]
        return "\n".join(rows) + "\n"
    rows = ["| field | required | what to write | example |", "| --- | --- | --- | --- |"]
    if key_row:
        rows.append(f"| id (the key) | yes | {key_row} | |")
    rows += [f"| `{name}` | {required(f)} | {f.description} | `{written(f.examples[0])}` |"
             for name, f in fields.items()]
    return "\n".join(rows) + "\n"


def with_tables(contributing: str) -> str:
    """CONTRIBUTING.md with every generated field table rewritten from the models."""
    return MARKER.sub(lambda m: f"{m.group(1)}\n{table(m.group(2))}\n{m.group(3)}", contributing)


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def contributing_text() -> str:
    return with_tables(CONTRIBUTING.read_text(encoding="utf-8"))


def main() -> None:
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
    CONTRIBUTING.write_text(contributing_text(), encoding="utf-8")
    print(f"wrote the field tables in {CONTRIBUTING}")


if __name__ == "__main__":
    main()
