"""Turn a YAML document into checked models; every mistake becomes a BriefingError."""

from __future__ import annotations

import datetime as dt
import math

from pydantic import ValidationError

from ..dates import PartialDate
from ..errors import BriefingError, did_you_mean, shown
from .messages import plain_pydantic, plain_wording
from .schema import FIGURE_KEY, SOURCE_ID, BriefingFile, Figure
from .yaml_source import YamlDocument

NUMERIC_KINDS = {"money", "count", "percent", "ratio", "price", "duration", "year"}
POSITIVE_KINDS = {"money", "count", "ratio", "price", "duration"}
CURRENCY_KINDS = {"money", "price"}
DURATION_UNITS = {"day", "week", "month", "year"}
MAX_MAGNITUDE = 1e18
DATE_HINT = "write 2026-02-15, 2026-02, 'mid 2026-02', 2026 or undated"
NAME_HINT = ("figure keys are lowercase dotted paths like campaign.budget_cny; "
             "source ids are lowercase words joined by hyphens")
TYPE_HINTS = {
    "list_type": "write a list in brackets, e.g. [first-id, second-id]",
    "dict_type": "indent the entries under this key, one 'name: value' per line",
    "model_type": "indent the fields under this key, one 'field: value' per line",
    "string_type": "write the text after the colon (quote it if it starts with a symbol)",
    "string_too_short": "write the text after the colon",
}


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
    cited = {source for figure in model.figures.values() for source in figure.sources}
    for source in model.sources:
        if source not in cited:
            raise _at(doc, ("sources", source), f"sources.{source}",
                      "no figure cites this source",
                      "add its id to the 'sources:' list of the figures it supports, "
                      "or delete the source")
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
    owner = _model_for(loc) if kind == "extra_forbidden" else None
    if (plain := plain_wording(first, loc, sorted(owner.model_fields) if owner else None)):
        problem, hint = plain
    elif kind == "extra_forbidden":
        allowed = sorted(owner.model_fields) if owner else []
        problem = f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), allowed)}"
        hint = f"remove it or use one of: {', '.join(allowed)}"
    elif kind == "missing":
        problem = f"missing required field '{loc[-1]}'"
        hint = f"add '{loc[-1]}:' to this entry"
        path = loc[:-1]
    elif kind == "string_pattern_mismatch" and len(loc) == 3 and loc[-1] == "[key]":
        problem = f"invalid name '{loc[1]}': {msg}"
        hint = NAME_HINT
        path = loc[:2]
    elif kind == "literal_error":
        problem = f"unknown {field or 'value'} {_shown(first['input'])}"
        hint = f"use one of the allowed values ({first.get('ctx', {}).get('expected', '')})"
    elif loc[0] == "figures" and len(loc) > 3 and loc[2] == "value":
        problem = f"value: expected a number, a date or text, got {_shown(first['input'])}"
        hint = "write a plain number, a date like 2026-02-15, or quoted text"
        path = loc[:3]
    else:
        problem, hint = _generic(first, field)
    return BriefingError(problem, file=doc.file, line=doc.line_of(path), key=key, hint=hint)


def _shown(value: object) -> str:
    """A value as the contributor wrote it, shortened."""
    return shown(value)


def _generic(first: dict, field: str) -> tuple[str, str]:
    """Problem and hint for any other pydantic error, without pydantic's wording quirks."""
    kind, msg = first["type"], plain_pydantic(first["msg"].split(" or instance of ")[0])
    if kind == "value_error":
        problem = msg.removeprefix("Value error, ")
    else:
        problem = f"{msg}, got {_shown(first['input'])}"
    problem = f"{field}: {problem}" if field else problem
    pattern = first.get("ctx", {}).get("pattern")
    if field.split(".")[-1] in {"date", "as_of"}:
        return problem, DATE_HINT
    if pattern in {SOURCE_ID, FIGURE_KEY}:
        return problem, NAME_HINT
    if pattern:
        return problem, "write a full web address starting with https://"
    return problem, TYPE_HINTS.get(kind, "correct the value; the editor schema "
                                         "(data/briefing.schema.json) lists what fits")


def _model_for(loc: tuple):
    from .schema import BriefingFile, Check, Conflict, Source

    owners = {"sources": Source, "figures": Figure, "conflicts": Conflict}
    if len(loc) == 1:
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
        if fig.check is not None:
            raise fail("check", "'check' belongs on a derived figure",
                       f"remove it here and add check: {{stated: {key}, tolerance: 0.01}} to "
                       "the derived figure that should agree with this one")
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
        raise fail("unit", f"unknown or missing duration unit {shown(fig.unit)}",
                   f"use unit: one of {', '.join(sorted(DURATION_UNITS))}")
    if fig.unit is not None and fig.kind not in {"count", "duration", "ratio"}:
        raise fail("unit", f"a {fig.kind} figure takes no unit",
                   "remove 'unit' (money and prices use 'currency')")


def _check_value(fig: Figure, fail) -> None:
    value = fig.value
    if fig.kind in NUMERIC_KINDS:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail("value", f"expected a number for a {fig.kind} figure, got {shown(value)}",
                       "write the plain number, e.g. 3000000000; qualifiers go in 'qualifier'")
        if not math.isfinite(value):
            raise fail("value", "the value is not a finite number", "write a plain number")
        if abs(value) >= MAX_MAGNITUDE:
            raise fail("value", f"{shown(value)} is implausibly large",
                       "check the number of zeros (figures must be below a quintillion)")
        if fig.kind in POSITIVE_KINDS and value <= 0:
            raise fail("value", f"a {fig.kind} figure must be greater than zero, got {value}",
                       "check the sign and the number; a fall or decline belongs in a percent "
                       "figure")
        if fig.kind == "year" and (not isinstance(value, int) or not 1900 <= value <= 2100):
            raise fail("value", f"{shown(value)} is not a plausible year", "write a year like 2026")
    elif fig.kind == "date":
        if isinstance(value, int | float) and not isinstance(value, int):
            raise fail("value", f"{shown(value)} is not a date", "write a date like 2026-02-15")
        try:
            if PartialDate.parse(value).precision == "none":
                raise ValueError("a date figure needs a date; 'undated' is only for as_of and sources")
        except ValueError as error:
            raise fail("value", str(error), "write 2026-02-15, 2026-02, 'mid 2026-02' or 2026") from None
    elif not isinstance(value, str) or isinstance(value, dt.date):
        raise fail("value", f"a text figure needs text, got {shown(value)}", "quote the value")
