"""The one table of figure kinds: what each kind allows and how it is read, formatted and drawn.

Validation (validate/), the JSON Schema export, derivation (derive/briefing.py), formatting
(format/values.py), the passage check (validate/passages.py), the charts (present/charts/frame.py)
and the data package (present/datapackage.py) all read this table instead of keeping their own
sets.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_MAGNITUDE = 1e18
CURRENCIES = ("CNY", "USD", "EUR")
DURATION_UNITS = ("day", "month", "week", "year")   # sorted, as messages and the schema list them


@dataclass(frozen=True)
class FigureKind:
    """One kind of figure.

    numeric: the value is a number (a formula's number result fits it).
    positive: the value must be greater than zero.
    currency: the figure needs a `currency` (and only these kinds take one).
    units: None when the figure takes no `unit`; () when any unit word is allowed (optional);
        else the units allowed, one of which is required.
    value_type: what the data file's `value` holds: "number", "year", "date" or "text".
    formula_result: what a formula must compute for a derived figure of this kind:
        "number", "date" or "duration" (a difference of dates), or None (cannot be derived).
    format: the key of the formatter in format/values.py FORMATTERS.
    reads: the passage readings (validate/passage_reader.py Reading.kind) that can state the figure.
    reads_with_unit: further readings that can state it when the figure has a unit.
    unit_must_match: the reading's unit must equal the figure's (durations).
    signless: a passage states the size of the change without its sign ("fell 2.34%").
    element: the HTML element that holds the rendered value (present/html.py): "time" (with
        datetime), "data" (with value) or "span" (plain text, no machine value).
    decimals: the figure's `decimals` sets how many decimals it shows (money has its own
        rounding, format/values.py format_money; a year is whole).
    """

    name: str
    numeric: bool
    value_type: str
    format: str
    positive: bool = False
    currency: bool = False
    units: tuple[str, ...] | None = None
    formula_result: str | None = None
    reads: frozenset[str] = frozenset()
    reads_with_unit: frozenset[str] = frozenset()
    unit_must_match: bool = False
    signless: bool = False
    element: str = "data"
    decimals: bool = False

    @property
    def takes_unit(self) -> bool:
        return self.units is not None

    @property
    def unit_required(self) -> bool:
        return bool(self.units)


def _number(name: str, **rest) -> FigureKind:
    return FigureKind(name, numeric=True, value_type="number", format=name,
                      formula_result="number", **rest)


# In the order of the data file's `kind` enum (validate/models.py Kind, the JSON Schema).
KINDS: dict[str, FigureKind] = {k.name: k for k in (
    _number("money", positive=True, currency=True, reads=frozenset({"money"})),
    _number("count", positive=True, units=(), reads=frozenset({"number"}), decimals=True),
    _number("percent", reads=frozenset({"percent"}), signless=True, decimals=True),
    FigureKind("date", numeric=False, value_type="date", format="date", formula_result="date",
               reads=frozenset({"date"}), element="time"),
    _number("ratio", positive=True, units=(), reads=frozenset({"times"}),
            reads_with_unit=frozenset({"number"}), decimals=True),
    _number("price", positive=True, currency=True, reads=frozenset({"money"}), decimals=True),
    FigureKind("duration", numeric=True, value_type="number", format="duration",
               formula_result="duration", positive=True, units=DURATION_UNITS,
               reads=frozenset({"duration"}), unit_must_match=True, decimals=True),
    FigureKind("year", numeric=True, value_type="year", format="year", formula_result="number",
               reads=frozenset({"number"})),
    FigureKind("text", numeric=False, value_type="text", format="text", element="span"),
)}
KIND_NAMES = tuple(KINDS)

# Views of the table, for the code that asks one question of every kind.
NUMERIC_KINDS = frozenset(k.name for k in KINDS.values() if k.numeric)
CURRENCY_KINDS = frozenset(k.name for k in KINDS.values() if k.currency)
UNIT_KINDS = tuple(sorted(k.name for k in KINDS.values() if k.takes_unit))
