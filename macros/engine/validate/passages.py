"""Compare each passage with the figure it is cited for: value, currency, qualifier, date.

A passage supports a stated figure when one quantity read from it (see read.py) has the
figure's kind, value, currency (money and prices), unit (durations; for a count, the words
after its number) and qualifier group; a bare year ("by 2030") is no count.
A change (a percent) must have the passage's direction: -3 needs "fell 3%" or "-3%", 34 is
not "a 34% decline" (unless its label names a fall). A text figure's passage must contain
the text as whole words (case-insensitive). For a list of passages,
one of them must support the figure (the others carry context, such as a name).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..catalogue import told
from ..dates import PartialDate
from ..kinds import KINDS
from .passage_reader import (
    QUALIFIER_GROUP,
    Reading,
    _plain,
    contains_words,
    names_a_fall,
    read,
    unit_follows,
)


def qualifier_group(qualifier: str | None) -> str | None:
    return QUALIFIER_GROUP.get(qualifier) if qualifier else None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def matches(reading: Reading, kind: str, value: object, *, currency: str | None = None,
            unit: str | None = None, qualifier: str | None = None, label: str = "") -> bool:
    """Whether one reading states the figure (kind, value, currency, unit, qualifier, and for
    a change its direction: a figure below zero needs a fall, one above zero anything but a fall; a
    figure whose label names a fall is the size of a fall, above zero and not a rise)."""
    if kind == "date":
        date = value if isinstance(value, PartialDate) else PartialDate.parse(value)
        if reading.kind == "date":
            return reading.value == date
        return (date.precision == "year" and reading.kind == "number"
                and reading.qualifier is None and reading.value == date.year)
    if reading.qualifier != qualifier_group(qualifier):
        return False
    entry = KINDS[kind]
    wanted = entry.reads | (entry.reads_with_unit if unit else frozenset())
    if reading.kind not in wanted:
        return False
    if entry.currency and reading.currency != currency:
        return False
    if entry.unit_must_match and reading.unit != unit:
        return False
    if reading.kind == "number" and kind != "year":   # a count: its unit, and not a year
        if unit and not unit_follows(reading.unit, unit):
            return False
        if not unit and reading.year_like:
            return False
    number = float(value)
    if entry.signless:
        told_fall = names_a_fall(label)   # the figure is the size of a fall
        if number < 0 and (reading.direction >= 0 or told_fall):
            return False
        if number > 0 and reading.direction == (1 if told_fall else -1):
            return False
        return _close(abs(reading.value), abs(number))
    return _close(reading.value, number)


def year_hint(value: object, as_of: PartialDate | None) -> int | None:
    """The year a passage's year-less date ("February 15") is read in: the figure's own."""
    if isinstance(value, PartialDate) and value.year is not None:
        return value.year
    return as_of.year if as_of is not None else None


def supporting(passages: Iterable[str], kind: str, value: object, *,
               currency: str | None = None, unit: str | None = None,
               qualifier: str | None = None, as_of: PartialDate | None = None,
               label: str = "") -> tuple[bool, list[Reading]]:
    """(supported, every reading) for one source's passages."""
    passages = list(passages)
    if kind == "text":
        return any(contains_words(p, str(value)) for p in passages), []
    readings = [r for p in passages for r in read(p, year_hint(value, as_of))]
    found = any(matches(r, kind, value, currency=currency, unit=unit, qualifier=qualifier,
                        label=label) for r in readings)
    return found, readings


def expected_text(kind: str, value: object, *, currency: str | None, unit: str | None,
                  qualifier: str | None) -> str:
    """What the check looked for, in the words of an error message."""
    if kind == "text":
        return f"the text {value!r}"
    if kind == "date":
        return f"the date {value}"
    shown = _plain(float(value))
    detail = {"money": f"{shown} {currency}", "price": f"{shown} {currency}",
              "percent": f"{shown}%", "ratio": f"{shown} times" + (f" ({unit})" if unit else ""),
              "duration": f"{shown} {unit}s", "count": shown + (f" {unit}" if unit else ""),
              "year": shown.replace(",", "")}[kind]
    group = qualifier_group(qualifier)
    if KINDS[kind].signless and float(value) < 0:
        detail = f"a fall of {_plain(-float(value))}%"
    return f"{group} {detail}" if group else f"{detail} with no qualifier"


def check_passages(figures, doc) -> None:
    """Every passage of every stated figure supports it; the first that does not fails the
    build with file, line, key, the passage and what was read from it."""

    for key, fig in figures.items():
        if fig.derived or fig.editorial:
            continue
        for source, passages in fig.passages.items():
            ok, readings = supporting(passages, fig.kind, fig.value, currency=fig.currency,
                                      unit=fig.unit, qualifier=fig.qualifier, as_of=fig.as_of,
                                      label=fig.label)
            if ok:
                continue
            path = ("figures", key, "sources", source)
            quoted = " / ".join(f'"{p}"' for p in passages)
            wanted = expected_text(fig.kind, fig.value, currency=fig.currency, unit=fig.unit,
                                   qualifier=fig.qualifier)
            if fig.kind == "text":
                read_part = "it does not contain that text"
            elif readings:
                read_part = "it reads " + "; ".join(r.describe() for r in readings)
            else:
                read_part = "no number, date or duration could be read from it"
            raise doc.error(path, *told("passage-unsupported", source=source,
                                        text=repr(fig.text), wanted=wanted, quoted=quoted,
                                        read=read_part), key=f"figures.{key}")
