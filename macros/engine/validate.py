"""Turn a YAML document into checked models; every mistake becomes a BriefingError."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError

from .dates import PartialDate
from .errors import BriefingError, did_you_mean
from .schema import BriefingFile, Figure
from .yaml_source import YamlDocument

NUMERIC_KINDS = {"money", "count", "percent", "ratio", "price", "duration", "year"}
POSITIVE_KINDS = {"money", "count", "ratio", "price", "duration"}
CURRENCY_KINDS = {"money", "price"}
DURATION_UNITS = {"day", "week", "month", "year"}


def validate(doc: YamlDocument) -> BriefingFile:
    """Check structure (pydantic), then meaning (kinds, values, references)."""
    if not isinstance(doc.data, dict):
        raise BriefingError("the data file must be a mapping with 'sources:' and 'figures:'",
                            file=doc.file, line=1, hint="start the file with 'sources:'")
    try:
        model = BriefingFile.model_validate(doc.data)
    except ValidationError as error:
        raise _explain(error, doc) from None
    for key, figure in model.figures.items():
        _check_figure(key, figure, model, doc)
    for cid, conflict in model.conflicts.items():
        for index, key in enumerate(conflict.figures):
            if key not in model.figures:
                raise _at(doc, ("conflicts", cid, "figures", index), f"conflicts.{cid}",
                          f"unknown figure '{key}'{did_you_mean(key, model.figures)}",
                          "list keys that exist under 'figures:'")
    return model


def _at(doc: YamlDocument, path: tuple, key: str, problem: str, hint: str) -> BriefingError:
    return BriefingError(problem, file=doc.file, line=doc.line_of(path), key=key, hint=hint)


def _explain(error: ValidationError, doc: YamlDocument) -> BriefingError:
    """The first pydantic error, told with its file, line and key."""
    first = error.errors()[0]
    loc = tuple(first["loc"])
    path = loc
    if loc[:1] in {("sources",), ("figures",), ("conflicts",)} and len(loc) >= 2:
        key = f"{loc[0]}.{loc[1]}"
        field = ".".join(str(p) for p in loc[2:])
    else:
        key, field = ".".join(str(p) for p in loc) or None, ""
    kind, msg = first["type"], first["msg"]
    if kind == "extra_forbidden":
        owner = _model_for(loc)
        allowed = sorted(owner.model_fields) if owner else []
        problem = f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), allowed)}"
        hint = f"remove it or use one of: {', '.join(allowed)}"
    elif kind == "missing":
        problem = f"missing required field '{loc[-1]}'"
        hint = f"add '{loc[-1]}:' to this entry"
        path = loc[:-1]
    elif kind == "string_pattern_mismatch" and len(loc) == 3 and loc[-1] == "[key]":
        problem = f"invalid name '{loc[1]}': {msg}"
        hint = ("figure keys are lowercase dotted paths like campaign.budget_cny; "
                "source ids are lowercase words joined by hyphens")
        path = loc[:2]
    else:
        problem = f"{field or 'value'}: {msg}" if field else msg
        hint = "correct the value; the editor schema (briefing.schema.json) lists what fits"
        if kind.startswith("literal_error"):
            hint = f"use one of the allowed values ({first.get('ctx', {}).get('expected', '')})"
    return BriefingError(problem, file=doc.file, line=doc.line_of(path), key=key, hint=hint)


def _model_for(loc: tuple):
    from .schema import BriefingFile, Check, Conflict, Source

    owners = {"sources": Source, "figures": Figure, "conflicts": Conflict}
    if len(loc) == 2:
        return BriefingFile
    if len(loc) == 4 and loc[0] == "figures" and loc[2] == "check":
        return Check
    return owners.get(loc[0]) if len(loc) == 3 else None


def _check_figure(key: str, fig: Figure, model: BriefingFile, doc: YamlDocument) -> None:
    def fail(field: str | None, problem: str, hint: str) -> BriefingError:
        path = ("figures", key, field) if field else ("figures", key)
        return _at(doc, path, f"figures.{key}", problem, hint)

    if (fig.value is None) == (fig.formula is None):
        raise fail(None, "give exactly one of 'value' (a stated figure) or 'formula' (derived)",
                   "a stated figure has value, as_of and sources; a derived one has a formula")
    if fig.formula is None:
        if fig.as_of is None:
            raise fail(None, "missing required field 'as_of' for a stated figure",
                       "add the date the figure was true or reported, e.g. as_of: 2026-02-03")
        if not fig.sources:
            raise fail(None, "missing required field 'sources' for a stated figure",
                       "list at least one source id, e.g. sources: [reuters-campaign]")
        _check_value(fig, fail)
    elif fig.check is not None and fig.check.stated not in model.figures:
        raise fail("check", f"unknown stated figure '{fig.check.stated}'"
                   f"{did_you_mean(fig.check.stated, model.figures)}",
                   "name a figure that exists under 'figures:'")
    for index, source in enumerate(fig.sources):
        if source not in model.sources:
            raise _at(doc, ("figures", key, "sources", index), f"figures.{key}",
                      f"unknown source '{source}'{did_you_mean(source, model.sources)}",
                      "add the source under 'sources:' or fix the id")
    if fig.kind in CURRENCY_KINDS and fig.currency is None:
        raise fail("kind", f"a {fig.kind} figure needs a currency",
                   "add currency: CNY, USD or EUR")
    if fig.kind not in CURRENCY_KINDS and fig.currency is not None:
        raise fail("currency", f"a {fig.kind} figure has no currency", "remove 'currency'")
    if fig.kind == "duration" and fig.unit not in DURATION_UNITS:
        raise fail("unit", f"unknown or missing duration unit {fig.unit!r}",
                   f"use unit: one of {', '.join(sorted(DURATION_UNITS))}")
    if fig.unit is not None and fig.kind not in {"count", "duration", "ratio"}:
        raise fail("unit", f"a {fig.kind} figure takes no unit",
                   "remove 'unit' (money and prices use 'currency')")


def _check_value(fig: Figure, fail) -> None:
    value = fig.value
    if fig.kind in NUMERIC_KINDS:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail("value", f"expected a number for a {fig.kind} figure, got {value!r}",
                       "write the plain number, e.g. 3000000000; qualifiers go in 'qualifier'")
        if value != value or value in (float("inf"), float("-inf")):
            raise fail("value", "the value is not a finite number", "write a plain number")
        if fig.kind in POSITIVE_KINDS and value <= 0:
            raise fail("value", f"a {fig.kind} must be greater than zero, got {value}",
                       "check the sign; a decline belongs in a percent figure")
        if fig.kind == "year" and (not isinstance(value, int) or not 1900 <= value <= 2100):
            raise fail("value", f"{value!r} is not a plausible year", "write a year like 2026")
    elif fig.kind == "date":
        if isinstance(value, int | float) and not isinstance(value, int):
            raise fail("value", f"{value!r} is not a date", "write a date like 2026-02-15")
        try:
            if PartialDate.parse(value).precision == "none":
                raise ValueError("a date figure needs a date; 'undated' is only for as_of and sources")
        except ValueError as error:
            raise fail("value", str(error), "write 2026-02-15, 2026-02, 'mid 2026-02' or 2026") from None
    elif not isinstance(value, str) or isinstance(value, dt.date):
        raise fail("value", f"a text figure needs text, got {value!r}", "quote the value")
