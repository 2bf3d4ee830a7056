"""Derive the checked data: the `Briefing`, every figure resolved and formatted.

The pipeline (pipeline.py) calls these steps in turn: `formulas_in_order` (which derived
figure needs which), `stated_briefing` (the stated figures, formatted), then, once the stated
figures are checked, `with_derived` (the formulas computed and checked against stated
figures, the corrections attached)."""

from __future__ import annotations

import ast
import datetime as dt
import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, get_args

from ..catalogue import told
from ..dates import PartialDate
from ..errors import BriefingError, did_you_mean
from ..format import precision
from ..format import values as formatting
from ..kinds import KINDS, MAX_MAGNITUDE
from ..load.records import (
    Claim,
    Correction,
    GlossaryEntry,
    OpenQuestion,
    PassageMap,
    Update,
    passages_of,
)
from ..load.yaml_source import YamlDocument
from ..validate.formula_syntax import FormulaError, parse_formula, references
from ..validate.models import Qualifier
from .formula import as_quantity, evaluate, evaluation_order

if TYPE_CHECKING:
    from ..validate.models import BriefingFile, Conflict, Figure, Source

UNNAMED = "Unnamed"   # how a source whose article names no publisher is recorded


@dataclass(frozen=True)
class ResolvedFigure:
    """A figure with its final value, provenance and house-style texts."""

    key: str
    label: str
    kind: str
    value: float | int | PartialDate | str
    as_of: PartialDate
    sources: tuple[str, ...]
    qualifier: str | None
    currency: str | None
    unit: str | None
    note: str | None
    formula: str | None
    inputs: tuple[str, ...]
    appendix_only: bool
    line: int | None
    text: str
    short: str
    machine: str
    as_of_text: str
    passages: PassageMap = field(default_factory=dict)   # source id -> verbatim passages
    editorial: bool = False        # the site's own note: no sources, no as_of
    expected: bool = False         # not yet happened when reported
    historical: bool = False       # recalled by its sources from long before they were written
    corrections: tuple[Correction, ...] = ()
    approximate: bool = False      # approximate itself, or computed from an approximate input
    significant_figures: int | None = None   # approximate: significant figures it carries
    rounding_units: dict[str, float] = field(default_factory=dict)  # currency -> unit

    @property
    def derived(self) -> bool:
        return self.formula is not None

    @property
    def corrected(self) -> bool:
        """Its stated value, unit or date was corrected (a clarified wording is not)."""
        return any(c.kind == "value" for c in self.corrections)

    @property
    def unit_label(self) -> str:
        return self.currency or self.unit or ""


@dataclass(frozen=True, eq=False)   # one per build, known by identity (present/charts keys on it)
class Briefing:
    """All sources, figures and conflicts of one data file, checked and formatted."""

    doc: YamlDocument
    sources: dict[str, Source]
    conflicts: dict[str, Conflict]
    figures: dict[str, ResolvedFigure]
    claims: dict[str, Claim]
    glossary: dict[str, GlossaryEntry]
    open_questions: dict[str, OpenQuestion]
    corrections: list[Correction]
    updates: list[Update]
    names_with_digits: tuple[str, ...]
    number_words_allowed: tuple[str, ...]
    # present/html.py keeps each figure's provenance text here, made once per build
    tooltips: dict[str, str] = field(default_factory=dict, init=False, repr=False,
                                     compare=False)

    @property
    def file(self) -> str:
        return self.doc.file

    @cached_property
    def reporting_as_of(self) -> PartialDate:
        """The latest source date: what the site reports as of (see publication_date)."""
        dated = [s for s in self.sources.values() if s.date.precision != "none"]
        if not dated:
            return PartialDate(None)
        return publication_date(max(dated, key=lambda s: (s.date.end(), s.date.sort_key())))

    def figure(self, key: str) -> ResolvedFigure:
        """The figure for `key`; an unknown key names the closest existing ones."""
        try:
            return self.figures[key]
        except (KeyError, TypeError):
            problem, hint = told("unknown-figure-key", key=key,
                                 suggestion=did_you_mean(str(key), self.figures), file=self.file)
            raise BriefingError(problem, key=str(key), hint=hint) from None

    def claim(self, key: str) -> Claim:
        """The claim for `key`; an unknown key names the closest existing ones."""
        try:
            return self.claims[key]
        except (KeyError, TypeError):
            raise BriefingError(
                f"unknown claim key '{key}'{did_you_mean(str(key), self.claims)}",
                key=str(key), hint=f"use a key defined under 'claims:' in {self.file}",
            ) from None

    def updates_of(self, key: str) -> list[Update]:
        """The updates that concern a figure, newest first."""
        return newest_first(u for u in self.updates if key in u.figures)

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]

    def read_in(self, source_ids) -> tuple[int, list[str], int]:
        """How many articles some sources are read in, their distinct named publishers, and how
        many of those articles name no publisher ("Unnamed …", as the model asks): a relayed
        report is read in the article that relays it, and two articles from one site share a
        publisher."""
        articles = {self.sources[sid].article or sid: self.article_publisher(sid)
                    for sid in source_ids}
        named = [p for p in articles.values() if not p.startswith(UNNAMED)]
        return len(articles), list(dict.fromkeys(named)), len(articles) - len(named)

    def article_publisher(self, source_id: str) -> str:
        """The publisher of the article a source is read in: for a relayed report, the
        relaying article's (the source of the same article that is not itself relayed)."""
        src = self.sources[source_id]
        return self._article_publishers.get(src.article, src.publisher)

    @cached_property
    def _article_publishers(self) -> dict[str, str]:
        """Article -> its publisher, from the first source of it that is not relayed."""
        publishers: dict[str, str] = {}
        for s in self.sources.values():
            if s.article and not s.as_reported_by:
                publishers.setdefault(s.article, s.publisher)
        return publishers

    def cited_by(self, source_id: str) -> list[str]:
        """Keys of the figures that cite a source (derived figures cite their inputs' sources)."""
        return list(self._cited_by.get(source_id, ()))

    @cached_property
    def _cited_by(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for key, fig in self.figures.items():
            for sid in dict.fromkeys(fig.sources):
                index.setdefault(sid, []).append(key)
        return index

    def line_of(self, *path: str) -> int | None:
        """The data file's line of an entry, e.g. line_of("conflicts", "budget-dollars")."""
        return self.doc.line_of(path)


def newest_first(updates) -> list[Update]:
    """Updates newest first; of one date, the later entry in the log first."""
    return sorted(updates, key=lambda u: (PartialDate.sort_key(u.date), u.number), reverse=True)


def correction_kind(old: str, new: str | None) -> str:
    """'clarification' when only a leading qualifier ('about', 'more than') was added, dropped
    or changed, so the stated value, unit and date stand; otherwise 'value'."""
    if new is not None and _without_qualifier(old) == _without_qualifier(new):
        return "clarification"
    return "value"


def _without_qualifier(text: str) -> str:
    for qualifier in sorted(get_args(Qualifier), key=len, reverse=True):
        if text.startswith(qualifier + " "):
            return text[len(qualifier) + 1:]
    return text


def publication_date(source) -> PartialDate:
    """A source's date as the site states it: an estimated day only as its part of the month
    (a stock-news date read from an advert is not exact)."""
    date = source.date
    if source.date_estimated and date.precision == "day":
        part = "early" if date.day <= 10 else "mid" if date.day <= 20 else "late"
        return PartialDate(date.year, date.month, None, part)
    return date


Formulas = dict[str, tuple[ast.expr, tuple[str, ...]]]


def formulas_in_order(model: BriefingFile, doc: YamlDocument) -> Formulas:
    """Each derived figure's parsed formula and inputs, inputs before what is computed from
    them; an unknown input or a cycle is an error."""
    trees = {key: parse_formula(fig.formula) for key, fig in model.figures.items()
             if fig.formula is not None}   # read and checked by validate/document.py
    inputs = {key: references(tree) for key, tree in trees.items()}
    order = evaluation_order(inputs, model.figures,
                             lambda k: (doc.file, doc.line_of(("figures", k, "formula"))))
    return {key: (trees[key], tuple(inputs[key])) for key in order}


def stated_briefing(model: BriefingFile, doc: YamlDocument) -> Briefing:
    """The briefing with its stated figures resolved and formatted (no derived ones yet)."""
    figures = {key: _finish(key, fig, _stated_value(fig), fig.as_of or PartialDate(None),
                            tuple(fig.sources), (), doc)
               for key, fig in model.figures.items() if fig.formula is None}
    return Briefing(
        doc=doc, sources=dict(model.sources), conflicts=dict(model.conflicts), figures=figures,
        claims={key: Claim(key, claim.says, passages_of(claim.sources),
                           doc.line_of(("claims", key)))
                for key, claim in model.claims.items()},
        glossary={key: GlossaryEntry(key, entry.term, tuple(entry.also), entry.definition,
                                     passages_of(entry.sources), doc.line_of(("glossary", key)))
                  for key, entry in model.glossary.items()},
        open_questions={key: OpenQuestion(key, q.question, tuple(q.figures), q.why,
                                          doc.line_of(("open_questions", key)))
                        for key, q in model.open_questions.items()},
        corrections=[],
        updates=[Update(n, u.date, u.says, tuple(u.figures), tuple(u.sources),
                        doc.line_of(("updates", n - 1)))
                 for n, u in enumerate(model.updates, start=1)],
        names_with_digits=tuple(model.names_with_digits),
        number_words_allowed=tuple(model.number_words_allowed))


def with_derived(briefing: Briefing, model: BriefingFile, formulas: Formulas,
                 doc: YamlDocument) -> Briefing:
    """The briefing with every derived figure computed, checked against the stated figure it
    names, and the corrections attached to their figures."""
    figures = dict(briefing.figures)
    quantities: dict[str, object] = {}

    def lookup(ref: str) -> object:
        if ref not in quantities:
            source = figures[ref]
            try:
                quantities[ref] = as_quantity(source.kind, source.value, source.unit)
            except (FormulaError, ValueError, OverflowError) as error:
                raise FormulaError(f"input {ref}: {error}") from None
        return quantities[ref]

    for key, (tree, inputs) in formulas.items():
        fig = model.figures[key]
        try:
            result = evaluate(tree, lookup)
        except FormulaError as error:
            raise _error(doc, key, "formula", f"cannot compute '{fig.formula}': {error}",
                         error.hint or "check the formula's inputs and their kinds") from None
        used = [figures[ref] for ref in inputs]
        undated_input = any(f.as_of.year is None and not f.editorial for f in used)
        as_of = fig.as_of or (PartialDate(None) if undated_input else
                              max((f.as_of for f in used),
                                  key=lambda d: (d.end(), PartialDate.sort_key(d))))
        approximate = [f for f in used if f.approximate]
        limits = [f.significant_figures for f in approximate if f.significant_figures]
        units: dict[str, float] = {}
        for f in approximate:
            for currency, unit in f.rounding_units.items():
                units[currency] = max(unit, units.get(currency, unit))
        figures[key] = _finish(
            key, fig, _derived_value(doc, key, fig, result), as_of,
            tuple(dict.fromkeys(s for f in used for s in f.sources)), inputs, doc,
            approximate=bool(approximate), significant=min(limits) if limits else None,
            units=units)
    for key in formulas:
        if model.figures[key].check is not None:
            _check_agreement(doc, key, model.figures[key], figures)
    corrections = _corrections(model, figures, doc)
    return replace(briefing, figures={key: figures[key] for key in model.figures},
                   corrections=corrections)


def _error(doc: YamlDocument, key: str, field: str, problem: str, hint: str) -> BriefingError:
    return doc.error(("figures", key, field), problem, hint, key=f"figures.{key}")


def _corrections(model: BriefingFile, figures: dict[str, ResolvedFigure],
                 doc: YamlDocument) -> list[Correction]:
    """Corrections, each checked against the figure's current text and attached to it."""
    result = []
    for index, entry in enumerate(model.corrections):
        correction = Correction(entry.figure, entry.date, entry.old, entry.new, entry.reason,
                                doc.line_of(("corrections", index)), entry.removed,
                                entry.kind or correction_kind(entry.old, entry.new))
        result.append(correction)
        if entry.removed:
            continue
        fig = figures[entry.figure]
        if entry.new != fig.text:
            raise doc.error(
                ("corrections", index, "new"),
                *told("correction-new", new=repr(entry.new), figure=entry.figure,
                      text=repr(fig.text), plain=fig.text), key=f"corrections.{index}")
        if entry.old == entry.new:
            raise doc.error(("corrections", index, "old"),
                            f"'old' and 'new' are the same ({entry.new!r})",
                            "write in 'old' the text as it was published before the change",
                            key=f"corrections.{index}")
        figures[entry.figure] = replace(fig, corrections=fig.corrections + (correction,))
    return result


def _stated_value(fig: Figure) -> float | int | PartialDate | str:
    if fig.kind == "date":
        return PartialDate.parse(fig.value)
    return fig.value


def _derived_value(doc: YamlDocument, key: str, fig: Figure, result: object
                   ) -> float | PartialDate:
    if isinstance(result, dt.date):
        value, made = PartialDate.parse(result), "date"
    elif isinstance(result, dt.timedelta):
        if fig.unit not in {"day", "week"}:
            raise _error(doc, key, "unit", "a difference of dates is counted in days",
                         "set unit: day (or week)")
        value, made = result.days / (7 if fig.unit == "week" else 1), "duration"
    else:
        if not math.isfinite(result) or abs(result) >= MAX_MAGNITUDE:
            raise _error(doc, key, "formula", f"computes {result:g}: far too large, or not "
                         "a number at all", "check the formula's terms and inputs")
        value, made = result, "number"
    if KINDS[fig.kind].formula_result != made:
        raise _error(doc, key, "kind", f"the formula gives a {made}, but the figure's kind "
                     f"is {fig.kind}", "change 'kind' or the formula so they match")
    if KINDS[fig.kind].positive and isinstance(value, float) and value <= 0:
        raise _error(doc, key, "formula", f"computes {value:g}, but a {fig.kind} figure must "
                     "be greater than zero", "check the order of the formula's terms")
    return value


def _check_agreement(doc: YamlDocument, key: str, fig: Figure,
                     figures: dict[str, ResolvedFigure]) -> None:
    derived, stated = figures[key], figures[fig.check.stated]
    if not isinstance(derived.value, int | float) or not isinstance(stated.value, int | float):
        raise _error(doc, key, "check", "only numbers can be checked for agreement",
                     "point 'check.stated' at a numeric figure")
    if not stated.value and derived.value:
        raise _error(doc, key, "check", f"derived value {derived.text} cannot be compared with "
                     f"stated figure {stated.key}, which is zero: the tolerance is a "
                     "share of the stated value", "check both figures against their "
                     "sources; a check cannot compare with a figure of zero")
    gap = abs(derived.value - stated.value) / abs(stated.value) if stated.value else 0.0
    if gap > fig.check.tolerance:
        raise _error(doc, key, "check", *told(
            "check-disagrees", derived=derived.text, derived_machine=derived.machine,
            stated=stated.key, stated_text=stated.text, stated_machine=stated.machine,
            gap=f"{gap:.2%}", tolerance=f"{fig.check.tolerance:.2%}"))


def _finish(key: str, fig: Figure, value, as_of: PartialDate, sources: tuple[str, ...],
            inputs: tuple[str, ...], doc: YamlDocument, *, approximate: bool | None = None,
            significant: int | None = None, units: dict[str, float] | None = None
            ) -> ResolvedFigure:
    """The figure with its precision (an approximate derived figure no more precise than its
    inputs) and its texts, as format/ writes them."""
    qualifier = shown_qualifier = fig.qualifier
    shown_value, limit, units = value, None, dict(units or {})
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if approximate is None:      # a stated figure
        approximate = fig.qualifier in precision.APPROXIMATE_QUALIFIERS
        if approximate and numeric:
            significant = precision.significant_figures(value, fig.decimals)
            if fig.currency:
                units = {fig.currency: precision.rounding_unit(value, fig.decimals)}
    elif approximate and numeric:
        qualifier = fig.qualifier or precision.DERIVED_QUALIFIER
        shown_qualifier = precision.DERIVED_QUALIFIER_SHOWN.get(qualifier, qualifier)
        if fig.currency in units:
            shown_value = precision.round_to_unit(value, units[fig.currency])
        elif significant:
            shown_value, limit = precision.round_significant(value, significant), significant
    options = ({"currency": fig.currency, "unit": fig.unit, "decimals": fig.decimals,
                "significant": limit} if KINDS[fig.kind].numeric else {})
    text = formatting.format_value(fig.kind, shown_value, **options)
    short = formatting.format_value(fig.kind, shown_value, short=True, **options)
    return ResolvedFigure(
        key=key, label=fig.label, kind=fig.kind, value=value, as_of=as_of, sources=sources,
        qualifier=qualifier, currency=fig.currency, unit=fig.unit, note=fig.note,
        formula=fig.formula, inputs=inputs, appendix_only=fig.appendix_only,
        line=doc.line_of(("figures", key)),
        text=formatting.with_qualifier(text, shown_qualifier),
        short=formatting.with_qualifier(short, shown_qualifier),
        machine=formatting.machine_value(shown_value),
        as_of_text=formatting.as_of_text(as_of),
        passages=passages_of(fig.sources), editorial=fig.editorial, expected=fig.expected,
        historical=fig.historical,
        approximate=approximate, significant_figures=significant, rounding_units=units,
    )
