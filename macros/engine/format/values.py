"""The house style: every figure is formatted here, with Babel (CLDR), and nowhere else."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)
from babel.units import format_unit

from ..dates import PartialDate
from ..kinds import KINDS
from .precision import round_significant, significant_places

LOCALE = "en_GB"
DATE_FORMATS = {"day": "d MMMM y", "month": "MMMM y"}
SHORT_DATE_FORMATS = {"day": "d MMM y", "month": "MMM y"}
CURRENCY_AFFIXES = {"CNY": ("", " yuan"), "USD": ("US$", ""), "EUR": ("€", "")}
MONEY_SIGNIFICANT_DIGITS = 3
COMPACT_FROM = 1_000_000
DURATION_UNITS = {"day": "duration-day", "week": "duration-week",
                  "month": "duration-month", "year": "duration-year"}
RATIO_SIGN = "×"
PART_PREFIX = {"early": "early ", "mid": "mid-", "late": "late "}


@cache
def format_partial_date(date: PartialDate, short: bool = False) -> str:
    """'15 February 2026', 'February 2026', 'mid-February 2026' or '2026' (each worked out once:
    pages show the same few dates many times)."""
    formats = SHORT_DATE_FORMATS if short else DATE_FORMATS
    if date.precision == "none":
        return "undated"
    if date.precision == "year":
        return str(date.year)
    if date.precision == "day":
        return format_date(date.start(), formats["day"], locale=LOCALE)
    month = format_date(date.start(), formats["month"], locale=LOCALE)
    return PART_PREFIX[date.part] + month if date.part else month


def _pattern(decimals: int | None, default_max: int) -> str:
    """A Babel number pattern: fixed decimals when given, else up to default_max."""
    if decimals is None:
        return "#,##0" + ("." + "#" * default_max if default_max else "")
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_money(value: float, currency: str, short: bool = False,
                 significant: int | None = None) -> str:
    """'3 billion yuan', 'US$431 million'; short: '3B yuan', 'US$431M'.

    `significant` limits the significant figures further (derived from approximate inputs).
    """
    prefix, suffix = CURRENCY_AFFIXES[currency]
    digits = min(MONEY_SIGNIFICANT_DIGITS, significant or MONEY_SIGNIFICANT_DIGITS)
    if significant is not None:
        value = round_significant(value, significant)
    if abs(value) >= COMPACT_FROM:
        number = format_compact_decimal(
            round_significant(value, digits),
            format_type="short" if short else "long", locale=LOCALE, fraction_digits=2)
    else:
        number = format_decimal(value, "#,##0.##", locale=LOCALE)
    return f"{prefix}{number}{suffix}"


def _price(value, currency, unit, decimals, short):
    if decimals is None:
        return format_currency(value, currency, locale=LOCALE)
    return format_currency(value, currency, locale=LOCALE, format="¤" + _pattern(decimals, 0),
                           currency_digits=False)


def _percent(value, currency, unit, decimals, short):
    return format_percent(Decimal(str(value)) / 100, _pattern(decimals, 2) + "%", locale=LOCALE)


def _count(value, currency, unit, decimals, short):
    number = (format_compact_decimal(value, format_type="short", locale=LOCALE,
                                     fraction_digits=1)
              if short and abs(value) >= 10_000 else
              format_decimal(value, _pattern(decimals, 0), locale=LOCALE))
    return f"{number} {unit}" if unit else number


def _ratio(value, currency, unit, decimals, short):
    number = format_decimal(value, _pattern(decimals, 1 if unit is None else 2), locale=LOCALE)
    return f"{number} {unit}" if unit else f"{number}{RATIO_SIGN}"


def _duration(value, currency, unit, decimals, short):
    rounded = Decimal(str(value)).quantize(Decimal(1) if decimals is None
                                           else Decimal(1).scaleb(-decimals))
    return format_unit(rounded, DURATION_UNITS[unit], length="short" if short else "long",
                       locale=LOCALE)


def _year(value, currency, unit, decimals, short):
    return str(int(value))


# The number formats, by the `format` key of each kind in kinds.py (money has its own
# rounding, format_money; dates and text are not numbers).
FORMATTERS = {"price": _price, "percent": _percent, "count": _count, "ratio": _ratio,
              "duration": _duration, "year": _year}


def format_number(kind: str, value: float, *, currency: str | None = None,
                  unit: str | None = None, decimals: int | None = None,
                  short: bool = False, significant: int | None = None) -> str:
    """A numeric figure in the house style (without its qualifier).

    `significant`: show at most this many significant figures (a derived figure computed
    from approximate inputs); the value is rounded and fewer decimals are shown.
    """
    entry = KINDS.get(kind)
    if entry is not None and entry.format == "money":
        return format_money(value, currency, short, significant)
    formatter = FORMATTERS.get(entry.format) if entry is not None else None
    if formatter is None:
        raise ValueError(f"no number format for kind {kind!r}")
    if significant is not None and value != 0:
        value = round_significant(value, significant)
        places = max(0, significant_places(value, significant))
        decimals = places if decimals is None else min(decimals, places)
    return formatter(value, currency, unit, decimals, short)


def format_value(kind: str, value: object, *, short: bool = False, **options) -> str:
    """Any figure's value in the house style, by its kind's format key (kinds.py): dates
    and text here, numbers through format_number (options: currency, unit, decimals,
    significant)."""
    entry = KINDS[kind]
    if entry.format == "date":
        return format_partial_date(value, short=short)
    if entry.format == "text":
        return str(value)
    return format_number(kind, value, short=short, **options)


def with_qualifier(text: str, qualifier: str | None) -> str:
    return f"{qualifier} {text}" if qualifier else text


def as_of_text(date: PartialDate) -> str:
    """'as of 2 February 2026', or 'date not given' for an undated figure."""
    return "date not given" if date.precision == "none" else f"as of {format_partial_date(date)}"


def machine_value(value: object) -> str:
    """The raw value for <data value> / <time datetime>: no grouping, no exponent."""
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value != int(value) else str(int(value))
    return str(value)
