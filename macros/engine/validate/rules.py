"""The guide's rules, and the checks for mistakes that would otherwise be published silently.

Run once the figures are resolved (derived values known), from Briefing:

- no text field is only spaces (line breaks and hidden characters are refused by the models'
  text type, text.py);
- the texts shown as prose (labels, notes, units and qualifiers, conflict titles, explanations
  and verdicts, claims, open questions and why they are open, glossary entries, the reasons
  for corrections, updates) type no digits and write no number in words (names such as H200
  are allowed through the data file's names_with_digits, a source's name such as "Stock news,
  3 Feb" as it is, idioms such as "one of" through its number_words_allowed);
- every date (source dates, as-of dates, date figures, stated or derived) lies in a plausible
  range, EARLIEST_YEAR to LATEST_YEAR;
- a stated figure's as-of date is not later than the latest of its cited sources' dates
  (compared as spans: early 2026-02 may be 1 February, so it is not later than 2026-02-03),
  nor more than a year before the earliest of them (a date figure, or one marked historical,
  excepted: its sources recall it);
- derived figures pass the range checks of stated ones (a year is a whole year in range);
- a number other than zero is not shown as zero ("0 units").

check_written runs before the passage check (a value out of range is told as out of range,
not as unsupported by its passage); check_derived runs once derived values are known.

Rules are checked on the raw YAML where they are about what was written, so that they keep
working when the format gains sections (claims, glossary, open questions).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import Any

from ..catalogue import told
from ..characters import numerals
from ..dates import PartialDate
from ..errors import BriefingError, shown
from ..kinds import KINDS
from ..load.yaml_source import YamlDocument
from .models import EARLIEST_YEAR, LATEST_YEAR
from .number_words import number_word

DECIMALS_MAX = 6   # models.Figure.decimals
# every field the site shows as prose the data file writes (names, values, quoted passages,
# dates and formulas excepted)
NO_DIGIT_FIELDS = {("figures", "label"), ("figures", "note"), ("figures", "qualifier"),
                   ("figures", "unit"), ("sources", "note"),
                   ("conflicts", "title"), ("conflicts", "explanation"), ("conflicts", "verdict"),
                   ("claims", "says"), ("open_questions", "question"), ("open_questions", "why"),
                   ("glossary", "term"), ("glossary", "also"), ("glossary", "definition"),
                   ("corrections", "reason"), ("updates", "says")}


def check_written(briefing: Any, doc: YamlDocument) -> None:
    """The rules on what was written: text fields, citations, source dates, and the stated
    figures resolved so far (range, plausibility, display). Run BEFORE the passage check, so
    that a value that cannot be right (0001-01-01, 1850 as a year) is told as such rather
    than as a passage that does not support it."""
    data = doc.data if isinstance(doc.data, dict) else {}
    # a source is named in prose by its name, which may hold a date ("Stock news, 3 Feb")
    names = (*briefing.names_with_digits,
             *sorted({s.name for s in briefing.sources.values() if s.name}, key=len, reverse=True))
    for path, text in _texts(data):
        _check_text(path, text, doc, names, briefing.number_words_allowed)
    for index, name in enumerate(briefing.names_with_digits):
        if not any(char.isalpha() for char in name):
            raise doc.error(("names_with_digits", index),
                            f"'{name}' is a number, not a name with digits in it",
                            "list names such as H200 or Qwen3-Max only: a number belongs in a "
                            "figure", key="names_with_digits")
    for sid, source in briefing.sources.items():
        _check_range(source.date, ("sources", sid, "date"), f"sources.{sid}", "date", doc)
    for key, fig in briefing.figures.items():
        if not fig.derived:
            _check_figure(briefing, key, fig, doc)


def check_derived(briefing: Any, doc: YamlDocument) -> None:
    """The same range and display rules for derived figures, once their values are known."""
    for key, fig in briefing.figures.items():
        if fig.derived:
            _check_figure(briefing, key, fig, doc)


def _texts(data: dict) -> Iterable[tuple[tuple, str]]:
    """(path, text) for every text field two levels down: section, entry (a key, or a position
    in a list section such as updates), field [, item]."""
    for section, entries in data.items():
        listed = enumerate(entries) if isinstance(entries, list) else ()
        for entry, fields in (entries.items() if isinstance(entries, dict) else listed):
            for name, value in (fields.items() if isinstance(fields, dict) else ()):
                if isinstance(value, str):
                    yield (section, entry, name), value
                elif isinstance(value, list):
                    yield from (((section, entry, name, i), item)
                                for i, item in enumerate(value) if isinstance(item, str))


def _fail(doc: YamlDocument, path: tuple, problem: str, hint: str) -> BriefingError:
    key = ".".join(str(p) for p in path[:2])
    return doc.error(path, problem, hint, key=key)


def _check_text(path: tuple, text: str, doc: YamlDocument, names_with_digits: tuple[str, ...],
                number_words_allowed: tuple[str, ...] = ()) -> None:
    section, field = path[0], path[2]
    if not text.strip():
        raise _fail(doc, path, f"{field}: only spaces", f"write the {field}, or delete the line "
                    "if the field is optional")
    if (section, field) in NO_DIGIT_FIELDS:
        prose = text
        for name in names_with_digits:
            prose = prose.replace(name, "")
        digit = numerals().search(prose)
        if digit:
            raise _fail(doc, path, *told("digit-in-data", field=field, digit=digit.group(0),
                                         text=shown(text), file=doc.file))
        word = number_word(prose, number_words_allowed)
        if word:
            raise _fail(doc, path, *told("number-word-in-data", field=field, word=word.group(0),
                                         text=shown(text), file=doc.file))


def _check_range(date: Any, path: tuple, key: str, field: str, doc: YamlDocument) -> None:
    if not isinstance(date, PartialDate) or date.year is None:
        return
    if not EARLIEST_YEAR <= date.year <= LATEST_YEAR:
        told = f"the formula gives {date}," if field == "formula" else f"{field}: {date} is"
        raise doc.error(
            path, f"{told} outside the plausible range {EARLIEST_YEAR} to {LATEST_YEAR}",
            key=key, hint="check the formula and its inputs" if field == "formula"
            else "check the year (a typo such as 0226 or 2926?)")


def _check_figure(briefing: Any, key: str, fig: Any, doc: YamlDocument) -> None:
    here = ("figures", key)
    name = f"figures.{key}"
    _check_range(getattr(fig, "as_of", None), here + ("as_of",), name, "as_of", doc)
    if fig.kind == "date":
        field = "formula" if fig.derived else "value"
        _check_range(fig.value, here + (field,), name, field, doc)
    as_of = getattr(fig, "as_of", None)
    if not fig.derived and isinstance(as_of, PartialDate) and as_of.year is not None:
        dates = [getattr(briefing.sources[s], "date", None) for s in fig.sources
                 if s in briefing.sources]
        if dates and all(isinstance(d, PartialDate) and d.year is not None for d in dates):
            latest = max(dates, key=PartialDate.end)
            if as_of.start() > latest.end():
                raise doc.error(
                    here + ("as_of",),
                    f"as_of {as_of} is later than every cited source (the latest, "
                    f"{_source_named(briefing, latest, fig.sources)}, is dated {latest})",
                    key=name, hint="a source cannot report what was true after it was published: use "
                         "the date the sources give, or cite the later source that reports it")
            earliest = min(dates, key=PartialDate.start)
            if (fig.kind != "date" and not fig.historical
                    and as_of.end() < earliest.start() - dt.timedelta(days=366)):
                raise doc.error(here + ("as_of",), *told(
                    "as-of-before-sources", as_of=as_of, date=earliest,
                    source=_source_named(briefing, earliest, fig.sources)), key=name)
    value = fig.value
    if not KINDS[fig.kind].numeric or isinstance(value, bool) or not isinstance(value, int | float):
        return
    field = "formula" if fig.derived else "value"
    if KINDS[fig.kind].value_type == "year" and (
            value != int(value) or not EARLIEST_YEAR <= value <= LATEST_YEAR):
        raise doc.error(
            here + (field,),
            f"{shown(value)} is not a plausible year (a whole year from {EARLIEST_YEAR} to "
            f"{LATEST_YEAR})", key=name,
            hint="check the formula and its inputs")
    if value != 0 and isinstance(fig.text, str) and not re.search(r"[1-9]", fig.text):
        raise BriefingError(
            f"{shown(value)} would be shown as '{fig.text}'", file=doc.file,
            line=doc.line_of(here + (field,)), key=name, hint=_zero_hint(fig))


def _zero_hint(fig: Any) -> str:
    """How to fix a number shown as zero, for what the figure's kind can do."""
    check = ("check the formula and its inputs" if fig.derived
             else "check the number" + (" and its currency" if fig.currency else
                                        " and its unit" if fig.unit else ""))
    if not KINDS[fig.kind].decimals:
        return (f"{check}: a {fig.kind} figure is shown without the decimals that would show "
                f"this value ('decimals:' does not apply to {fig.kind})")
    needed = math.ceil(-math.log10(abs(fig.value)))   # the first decimal that is not zero
    if needed > DECIMALS_MAX:
        return f"{check}: even decimals: {DECIMALS_MAX} shows it as zero"
    return f"set 'decimals:' high enough to show it (e.g. decimals: {needed}), or {check}"


def _source_named(briefing: Any, date: PartialDate, ids: Iterable[str]) -> str:
    return next((s for s in ids if s in briefing.sources and briefing.sources[s].date == date), "")
