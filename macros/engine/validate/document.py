"""Turn a YAML document into checked models; every mistake becomes a BriefingError."""

from __future__ import annotations

import datetime as dt
import math

from pydantic import ValidationError

from ..catalogue import told
from ..characters import numerals
from ..dates import PartialDate
from ..errors import BriefingError, did_you_mean, shown
from ..kinds import KINDS, MAX_MAGNITUDE
from ..load.yaml_source import YamlDocument
from .circular import circular_check
from .formula_syntax import FormulaError, parse_formula, references
from .messages import plain_pydantic, plain_wording
from .models import (
    FIGURE_KEY,
    SOURCE_ID,
    BriefingFile,
    Check,
    ClaimData,
    Conflict,
    CorrectionData,
    Figure,
    GlossaryData,
    OpenQuestionData,
    Source,
)
from .text import LINE_BREAK, TEXT_ERRORS

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
    _check_sources(model, doc)
    _check_claims(model, doc)
    _check_glossary(model, doc)
    _check_open_questions(model, doc)
    _check_corrections(model, doc)
    cited = {source for entries in (model.figures, model.claims, model.glossary)
             for entry in entries.values() for source in entry.sources}
    for source in model.sources:
        if source not in cited:
            raise _at(doc, ("sources", source), f"sources.{source}", *told("uncited-source"))
    for cid, conflict in model.conflicts.items():
        for index, key in enumerate(conflict.figures):
            if key not in model.figures:
                raise _at(doc, ("conflicts", cid, "figures", index), f"conflicts.{cid}",
                          f"unknown figure '{key}'{did_you_mean(key, model.figures)}",
                          "list keys that exist under 'figures:'")
    _check_circular(model, doc)
    return model


def _check_circular(model: BriefingFile, doc: YamlDocument) -> None:
    """A check must be able to fail (circular.py)."""
    trees = {key: parse_formula(fig.formula) for key, fig in model.figures.items()
             if fig.formula is not None}
    for key, fig in model.figures.items():
        reason = fig.check and key in trees and circular_check(key, fig.check.stated, trees)
        if reason:
            raise _at(doc, ("figures", key, "check"), f"figures.{key}",
                      f"the check cannot fail: {reason}",
                      "remove 'check' (and the figure, if it only restates another); a check "
                      "compares two independent statements, such as a multiple one source "
                      "states against the multiple computed from budgets another source gives")


def _check_formula(fig: Figure, fail) -> None:
    """A formula can be read and uses at least one figure."""
    try:
        tree = parse_formula(fig.formula)
    except FormulaError as error:
        raise fail("formula", str(error), "write keys and numbers joined by + - * /") from None
    if not references(tree):
        raise fail("formula", "a formula must use at least one figure",
                   "a constant is a stated figure: give it a value, as_of and sources instead "
                   "of a formula")


def _at(doc: YamlDocument, path: tuple, key: str, problem: str, hint: str) -> BriefingError:
    return doc.error(path, problem, hint, key=key)


def _in_document(loc: tuple) -> tuple:
    """An error's location as a path in the data file, without the names pydantic gives the
    members of a union ('list[...]', 'function-after[...]')."""
    return tuple(part for part in loc
                 if not (isinstance(part, str) and "[" in part and part != "[key]"))


def _first(errors: list[dict]) -> dict:
    """The first error; of a value's union members that all failed, the one that says what is
    wrong with the text itself (a line break, a hidden character), if any."""
    first = errors[0]
    place = _in_document(first["loc"])

    def same_value(loc: tuple) -> bool:   # one is the other or a part of it (a list item)
        return len(loc) >= 2 and (place[:len(loc)] == loc or loc[:len(place)] == place)

    return next((e for e in errors if e["type"] in TEXT_ERRORS
                 and same_value(_in_document(e["loc"]))), first)


def _explain(error: ValidationError, doc: YamlDocument) -> BriefingError:
    """The first pydantic error, told with its file, line and key."""
    first = _first(error.errors())
    loc = _in_document(first["loc"])
    if "input" in first:
        first["written"] = doc.shown_at(loc, first["input"])
    path = loc
    if loc[:1] in {(section,) for section in SECTIONS} and len(loc) >= 2:
        key = f"{loc[0]}.{loc[1]}"
        field = ".".join(str(p) for p in loc[2:])
    else:
        key, field = ".".join(str(p) for p in loc) or None, ""
    kind, msg = first["type"], first["msg"]
    if kind in TEXT_ERRORS:
        values = {"value": first["written"], **first["ctx"]}
        problem, hint = (told("line-break", **values) if kind == LINE_BREAK
                         else told("hidden-character", **values))
        return doc.error(path, f"{field}: {problem}" if field else problem, hint, key=key)
    if "sources" in loc[2:3] and loc[0] in {"figures", "claims", "glossary"}:
        path = loc[:3] if len(loc) <= 4 else loc[:4]
        problem, hint = _explain_passages(loc, first, doc)
        return doc.error(path, problem, hint, key=key)
    owner = _model_for(loc) if kind == "extra_forbidden" else None
    if (plain := plain_wording(first, loc, sorted(owner.model_fields) if owner else None)):
        problem, hint = plain
    elif kind == "extra_forbidden":
        allowed = sorted(owner.model_fields) if owner else []
        problem, hint = told("unknown-field", field=loc[-1],
                             suggestion=did_you_mean(str(loc[-1]), allowed),
                             allowed=", ".join(allowed))
    elif kind == "missing":
        problem, hint = told("missing-field", field=loc[-1])
        path = loc[:-1]
    elif kind == "string_pattern_mismatch" and len(loc) == 3 and loc[-1] == "[key]":
        problem = f"invalid name '{loc[1]}': {msg}"
        hint = NAME_HINT
        path = loc[:2]
    elif kind == "literal_error":
        problem, hint = told("unknown-value", field=field or "value",
                             value=first["written"],
                             allowed=first.get("ctx", {}).get("expected", ""))
    elif loc[0] == "figures" and len(loc) > 3 and loc[2] == "value":
        problem = f"value: expected a number, a date or text, got {first['written']}"
        hint = "write a plain number, a date like 2026-02-15, or quoted text"
        path = loc[:3]
    else:
        problem, hint = _generic(first, field)
    return doc.error(path, problem, hint, key=key)


SECTIONS = ("sources", "figures", "conflicts", "claims", "glossary", "open_questions",
            "corrections")
PASSAGE_HINT = ("map each source id to the passage that supports it, copied from the article:\n"
                "      sources:\n        stocknews-feb3: \"Alibaba has allocated 3 billion yuan\"")


def _explain_passages(loc: tuple, first: dict, doc: YamlDocument) -> tuple[str, str]:
    """A 'sources:' that is not a mapping of source ids to verbatim passages."""
    value = doc.data
    for part in loc[:3]:
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        return ("sources: a list of ids has no passages", PASSAGE_HINT)
    if not isinstance(value, dict):
        return (f"sources: expected source ids with passages, got {shown(value)}", PASSAGE_HINT)
    if len(loc) >= 4 and loc[3] == "[key]":
        return (f"sources: invalid source id {shown(first['input'])}", NAME_HINT)
    if len(loc) >= 4:
        passage = value.get(loc[3])
        if passage in ("", [], None):
            return (f"sources.{loc[3]}: the passage is empty",
                    "copy the sentence or clause that supports it from the article")
        return (f"sources.{loc[3]}: expected the passage as quoted text or a list of quoted "
                f"texts, got {shown(passage)}", "quote the passage: \"...\"")
    return (f"sources: {first['msg']}", PASSAGE_HINT)


def _generic(first: dict, field: str) -> tuple[str, str]:
    """Problem and hint for any other pydantic error, without pydantic's wording quirks."""
    kind, msg = first["type"], plain_pydantic(first)
    problem = (str(first["ctx"]["error"]) if kind == "value_error"
               else f"{msg}, got {first.get('written') or shown(first.get('input'))}")
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
    """The model whose fields an unknown field at `loc` is compared with."""
    owners = {"sources": Source, "figures": Figure, "conflicts": Conflict, "claims": ClaimData,
              "glossary": GlossaryData, "open_questions": OpenQuestionData,
              "corrections": CorrectionData}
    if len(loc) == 1:
        return BriefingFile
    if len(loc) == 2:
        return owners.get(loc[0]) if loc[0] == "corrections" else BriefingFile
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
    if fig.editorial:
        _check_editorial(key, fig, fail)
    elif fig.formula is None:
        if fig.as_of is None:
            raise fail(None, "missing required field 'as_of' for a stated figure",
                       "add the date the figure was true or reported, e.g. as_of: 2026-02-03")
        if not fig.sources:
            raise fail(None, "missing required field 'sources' for a stated figure",
                       "add each source with the passage that states the figure:\n"
                       "      sources:\n        stocknews-feb3: \"3 billion yuan\"\n"
                       "    or mark the figure 'editorial: true' if it is the site's own note")
    if fig.formula is None:
        _check_value(fig, fail, doc.shown_at(("figures", key, "value"), fig.value))
        if fig.check is not None:
            raise fail("check", "'check' belongs on a derived figure",
                       f"remove it here and add check: {{stated: {key}, tolerance: 0.01}} to "
                       "the derived figure that should agree with this one")
    else:
        _check_formula(fig, fail)
        if fig.check is not None and fig.check.stated not in model.figures:
                raise fail("check", f"unknown stated figure '{fig.check.stated}'"
                       f"{did_you_mean(fig.check.stated, model.figures)}",
                       "name a figure that exists under 'figures:'")
    _check_cited_ids(("figures", key), fig.sources, model, doc)
    kind = KINDS[fig.kind]
    if kind.currency and fig.currency is None:
        raise fail("kind", f"a {fig.kind} figure needs a currency",
                   "add currency: CNY, USD or EUR")
    if not kind.currency and fig.currency is not None:
        raise fail("currency", f"a {fig.kind} figure has no currency", "remove 'currency'")
    if kind.unit_required and fig.unit not in kind.units:
        raise fail("unit", f"unknown or missing {fig.kind} unit {shown(fig.unit)}",
                   f"use unit: one of {', '.join(sorted(kind.units))}")
    if fig.unit is not None and not kind.takes_unit:
        raise fail("unit", f"a {fig.kind} figure takes no unit",
                   "remove 'unit' (money and prices use 'currency')")


def _check_value(fig: Figure, fail, written: str) -> None:
    """The value fits the kind; messages show it as `written`."""
    value = fig.value
    if KINDS[fig.kind].numeric:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail("value", *told("expected-number", kind=fig.kind, value=written))
        if not math.isfinite(value):
            raise fail("value", "the value is not a finite number", "write a plain number")
        if abs(value) >= MAX_MAGNITUDE:
            raise fail("value", f"{written} is implausibly large",
                       "check the number of zeros (figures must be below a quintillion)")
        if KINDS[fig.kind].positive and value <= 0:
            raise fail("value", *told("not-positive", kind=fig.kind, value=value))
        if KINDS[fig.kind].value_type == "year" and (not isinstance(value, int) or not 1900 <= value <= 2100):
            raise fail("value", f"{written} is not a plausible year", "write a year like 2026")
    elif KINDS[fig.kind].value_type == "date":
        if isinstance(value, int | float) and not isinstance(value, int):
            raise fail("value", f"{written} is not a date", "write a date like 2026-02-15")
        try:
            if PartialDate.parse(value).precision == "none":
                raise ValueError("a date figure needs a date; 'undated' is only for as_of and sources")
        except ValueError as error:
            raise fail("value", str(error), "write 2026-02-15, 2026-02, 'mid 2026-02' or 2026") from None
    elif not isinstance(value, str) or isinstance(value, dt.date):
        raise fail("value", f"a text figure needs text, got {written}", "quote the value")


# ------------------------------------------------------------------------------------------
# Evidence and editorial sections (issue 9 and 10): passages, claims, glossary, open
# questions, corrections. Kept apart from the checks above; each raises the first mistake.



def _check_editorial(key: str, fig: Figure, fail) -> None:
    """An editorial figure is the site's own note: a value, no sources, no as_of."""
    if fig.formula is not None:
        raise fail("editorial", "a derived figure cannot be editorial",
                   "remove 'editorial: true'; a derived figure shows its formula instead")
    if fig.sources:
        raise fail("sources", "an editorial figure cites no sources",
                   "remove 'sources:' (it is the site's own note), or remove 'editorial: true' "
                   "if a source states it")
    if fig.as_of is not None:
        raise fail("as_of", "an editorial figure has no as_of date",
                   "remove 'as_of:'; say in 'note' why the site gives this figure")


def _check_cited_ids(path: tuple, sources: dict, model: BriefingFile, doc: YamlDocument) -> None:
    """Every cited source id exists; every passage has text."""
    owner = ".".join(path)
    if path[0] == "figures" and sources and model.figures[path[1]].formula is not None:
        raise _at(doc, path + ("sources",), owner, "a derived figure cites no sources of its own",
                  "remove 'sources:'; a derived figure shows its formula and inputs, and the "
                  "inputs carry the sources")
    for source, passages in sources.items():
        if source not in model.sources:
            raise _at(doc, path + ("sources", source), owner,
                      *told("unknown-source", source=source,
                            suggestion=did_you_mean(source, model.sources)))
        for index, passage in enumerate([passages] if isinstance(passages, str) else passages):
            if not passage.strip():
                where = path + ("sources", source) + (() if isinstance(passages, str) else (index,))
                raise _at(doc, where, owner, f"sources.{source}: the passage is empty",
                          "copy the sentence or clause that supports it from the article")


def _check_sources(model: BriefingFile, doc: YamlDocument) -> None:
    """Source names are unique: each is how the site refers to the source everywhere."""
    seen: dict[str, str] = {}
    for sid, source in model.sources.items():
        folded = source.name.casefold()
        if folded in seen:
            raise _at(doc, ("sources", sid, "name"), f"sources.{sid}",
                      f"name {source.name!r} is already used by sources.{seen[folded]}",
                      "give each source its own short, dated name, e.g. 'Stock news, 3 Feb'")
        seen[folded] = sid


def _check_claims(model: BriefingFile, doc: YamlDocument) -> None:
    for key, claim in model.claims.items():
        here = ("claims", key)
        if key in model.figures:
            raise _at(doc, here, f"claims.{key}", f"'{key}' is also a figure key",
                      "claim and figure keys share one namespace (cite() and fig() look them "
                      "up): rename the claim")
        if numerals().search(claim.says):
            raise _at(doc, here + ("says",), f"claims.{key}",
                      f"'says' contains a digit: {claim.says!r}",
                      "say it in words; the numbers belong to figures (fig()) and the passage")
        _check_cited_ids(here, claim.sources, model, doc)


def _check_glossary(model: BriefingFile, doc: YamlDocument) -> None:
    terms: dict[str, str] = {}
    for key, entry in model.glossary.items():
        for term in (entry.term, *entry.also):
            if term.casefold() in terms:
                raise _at(doc, ("glossary", key), f"glossary.{key}",
                          f"the term {term!r} is already defined in glossary.{terms[term.casefold()]}",
                          "define each term once; list other names under 'also:'")
            terms[term.casefold()] = key
        _check_cited_ids(("glossary", key), entry.sources, model, doc)


def _check_open_questions(model: BriefingFile, doc: YamlDocument) -> None:
    for key, question in model.open_questions.items():
        here = ("open_questions", key)
        if numerals().search(question.question):
            raise _at(doc, here + ("question",), f"open_questions.{key}",
                      f"'question' contains a digit: {question.question!r}",
                      "refer to the figure in words ('the date below'); the figures listed "
                      "carry the numbers")
        for index, fkey in enumerate(question.figures):
            if fkey not in model.figures:
                raise _at(doc, here + ("figures", index), f"open_questions.{key}",
                          f"unknown figure '{fkey}'{did_you_mean(fkey, model.figures)}",
                          "list keys that exist under 'figures:'")


def _check_corrections(model: BriefingFile, doc: YamlDocument) -> None:
    """Corrections name existing figures (their 'new' text is checked once figures are
    formatted, in derive/briefing.py)."""
    for index, correction in enumerate(model.corrections):
        here = ("corrections", index)
        if correction.removed:
            if correction.figure in model.figures:
                raise _at(doc, here + ("removed",), f"corrections.{index}",
                          f"{correction.figure} is marked removed but is still under 'figures:'",
                          "remove 'removed: true' and give 'new', or delete the figure")
            if correction.new is not None:
                raise _at(doc, here + ("new",), f"corrections.{index}",
                          "a removed figure has no 'new' text", "delete 'new:'")
        elif correction.new is None:
            raise _at(doc, here, f"corrections.{index}", "missing required field 'new'",
                      "add new: with the figure's text as the site now shows it, or "
                      "removed: true if the figure was taken off the site")
        if correction.figure not in model.figures and not correction.removed:
            raise _at(doc, ("corrections", index, "figure"), f"corrections.{index}",
                      f"unknown figure '{correction.figure}'"
                      f"{did_you_mean(correction.figure, model.figures)}",
                      "name the figure that was corrected, as a key under 'figures:'")
        if correction.date.precision != "day":
            raise _at(doc, ("corrections", index, "date"), f"corrections.{index}",
                      f"a correction needs the day it was made, got {correction.date}",
                      "write the date of the change, like 2026-12-01")
