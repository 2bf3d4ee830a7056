"""Turn a YAML document into checked models; every mistake becomes a BriefingError."""

from __future__ import annotations

from pydantic import ValidationError

from ..catalogue import MESSAGES, told
from ..errors import BriefingError, did_you_mean, shown
from ..load.yaml_source import YamlDocument
from .circular import circular_check
from .formula_syntax import parse_formula
from .messages import plain_pydantic, plain_wording
from .models import (
    FIGURE_KEY,
    NEEDED,
    REFUSED,
    SOURCE_ID,
    VARIANTS,
    BriefingFile,
    Check,
    ClaimData,
    Conflict,
    Figure,
    GlossaryData,
    OpenQuestionData,
    Source,
    fields_of,
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
    _check_corrections(model, doc)
    cited = {source for entries in (model.figures, model.claims, model.glossary)
             for entry in entries.values() for source in entry.sources}
    for source in model.sources:
        if source not in cited:
            raise _at(doc, ("sources", source), f"sources.{source}", *told("uncited-source"))
    for section in ("conflicts", "open_questions"):   # entries that list figures
        for name, entry in getattr(model, section).items():
            for index, key in enumerate(entry.figures):
                if key not in model.figures:
                    raise _at(doc, (section, name, "figures", index), f"{section}.{name}",
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


def _at(doc: YamlDocument, path: tuple, key: str, problem: str, hint: str) -> BriefingError:
    return doc.error(path, problem, hint, key=key)


def _in_document(loc: tuple) -> tuple:
    """An error's location as a path in the data file, without the names pydantic gives the
    members of a union ('list[...]', 'function-after[...]')."""
    return tuple(part for n, part in enumerate(loc)
                 if not (isinstance(part, str) and "[" in part and part != "[key]")
                 and not (n == 2 and part in VARIANTS.get(loc[0], ())))   # a variant's tag


def _first(errors: list[dict]) -> dict:
    """The first error; of a value's union members that all failed, the one that says what is
    wrong with the text itself (a line break, a hidden character), if any; for a missing
    field, an unknown one in the same entry (a misspelt name, said with the right one)."""
    first = errors[0]
    place = _in_document(first["loc"])
    if first["type"] == "missing":
        return next((e for e in errors if e["type"] == "extra_forbidden"
                     and _in_document(e["loc"])[:-1] == place[:-1]), first)

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
    tag = first["loc"][2] if loc[0] in VARIANTS and len(first["loc"]) > 2 else None
    rule = {"extra_forbidden": REFUSED, "missing": NEEDED, "too_short": NEEDED
            }.get(kind, {}).get((tag, loc[-1]))
    if rule or kind in MESSAGES:
        return _broken_rule(rule or kind, loc, first, doc)
    if kind in TEXT_ERRORS:
        values = {"value": first["written"], **first["ctx"]}
        problem, hint = (told("line-break", **values) if kind == LINE_BREAK
                         else told("hidden-character", **values))
        return doc.error(path, f"{field}: {problem}" if field else problem, hint, key=key)
    if "sources" in loc[2:3] and loc[0] in {"figures", "claims", "glossary"}:
        path = loc[:3] if len(loc) <= 4 else loc[:4]
        problem, hint = _explain_passages(loc, first, doc)
        return doc.error(path, problem, hint, key=key)
    allowed = _fields_for(loc) if kind == "extra_forbidden" else []
    if (plain := plain_wording(first, loc, allowed)):
        problem, hint = plain
    elif kind == "extra_forbidden":
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
        problem, hint = told("value-type", value=first["written"])
        path = loc[:3]
    else:
        problem, hint = _generic(first, field)
    return doc.error(path, problem, hint, key=key)


def _broken_rule(message_id: str, loc: tuple, first: dict, doc: YamlDocument) -> BriefingError:
    """A rule of the models broken (models.refuse, REFUSED, NEEDED), in the catalogue's words:
    a field needed is told at its entry, any other at the field (the one a rule names)."""
    values = dict(first.get("ctx") or {})
    field = values.pop("field", None)
    path = loc[:-1] if first["type"] in {"missing", "too_short"} else loc + (field,) * bool(field)
    if "value" in values:
        values["value"] = doc.shown_at(path, values["value"])
    return doc.error(path, *told(message_id, key=loc[1], **values), key=f"{loc[0]}.{loc[1]}")


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


def _fields_for(loc: tuple) -> list[str]:
    """The fields an unknown field at `loc` is compared with, sorted."""
    owners = {"sources": Source, "conflicts": Conflict, "claims": ClaimData,
              "glossary": GlossaryData, "open_questions": OpenQuestionData}
    if len(loc) == 1 or (len(loc) == 2 and loc[0] != "corrections"):
        return sorted(BriefingFile.model_fields)
    if len(loc) == 4 and loc[0] == "figures" and loc[2] == "check":
        return sorted(Check.model_fields)
    if loc[0] in VARIANTS and len(loc) in (2, 3):
        return sorted(fields_of(VARIANTS[loc[0]]))
    return sorted(owners[loc[0]].model_fields) if len(loc) == 3 and loc[0] in owners else []


def _check_figure(key: str, fig: Figure, model: BriefingFile, doc: YamlDocument) -> None:
    """What a figure names exists: the stated figure of its check (another figure), the sources
    it cites. (A source cited twice is a duplicate key in its 'sources:' mapping: the YAML
    loader refuses it.)"""
    if fig.check is not None and fig.check.stated == key:
        raise _at(doc, ("figures", key, "check"), f"figures.{key}", "the check names this figure "
                  "itself, so it can never fail", "name the stated figure this one must agree "
                  "with, or remove the check")
    if fig.check is not None and fig.check.stated not in model.figures:
        raise _at(doc, ("figures", key, "check"), f"figures.{key}",
                  f"unknown stated figure '{fig.check.stated}'"
                  f"{did_you_mean(fig.check.stated, model.figures)}",
                  "name a figure that exists under 'figures:'")
    _check_cited_ids(("figures", key), fig.sources, model, doc)


def _check_cited_ids(path: tuple, sources: dict, model: BriefingFile, doc: YamlDocument) -> None:
    """Every cited source id exists; every passage has text."""
    owner = ".".join(path)
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


def _check_corrections(model: BriefingFile, doc: YamlDocument) -> None:
    """Corrections name existing figures (their 'new' text is checked once figures are
    formatted, in derive/briefing.py)."""
    for index, correction in enumerate(model.corrections):
        here = ("corrections", index)
        if correction.removed and correction.figure in model.figures:
            raise _at(doc, here + ("removed",), f"corrections.{index}",
                      f"{correction.figure} is marked removed but is still under 'figures:'",
                      "remove 'removed: true' and give 'new', or delete the figure")
        if correction.figure not in model.figures and not correction.removed:
            raise _at(doc, here + ("figure",), f"corrections.{index}",
                      f"unknown figure '{correction.figure}'"
                      f"{did_you_mean(correction.figure, model.figures)}",
                      "name the figure that was corrected, as a key under 'figures:'")
