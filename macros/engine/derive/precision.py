"""Honest derived figures: approximate in, approximate out, and no false precision.

The rule (CONTRIBUTING.md, "Precision of derived figures"):

- A stated figure is *approximate* when its qualifier is about, approximately or nearly.
  Its last printed significant figure is the rounded one, so it is trusted to one
  significant figure fewer than it prints: "approximately US$431 million" (three
  significant figures) is trusted to two (about 430 million, give or take a few million).
- A derived figure is approximate when any of its inputs is (directly or through other
  derived figures). It then carries the qualifier "approximately" unless it sets its own
  qualifier, and it shows no more significant figures than its least trusted approximate
  input (never fewer than one). Exact inputs (no qualifier) and bounds ("more than", "up to")
  do not limit it.
- The value itself is kept at full precision for further computation; only the text, the
  short form and the machine-readable value are rounded.
"""

from __future__ import annotations

import math
from decimal import Decimal

APPROXIMATE_QUALIFIERS = {"about", "approximately", "nearly"}
DERIVED_QUALIFIER = "approximately"


def significant_figures(value: float | int, decimals: int | None = None) -> int:
    """Significant figures of a stated number as written: 431000000 -> 3, 142.00 with
    decimals 2 -> 5, 2.34 -> 3, 3000000000 -> 1."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(int(value))
    if number == 0:
        return 1
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals))
        digits = number.as_tuple().digits
        return max(1, len(digits) - next((i for i, d in enumerate(digits) if d), 0))
    digits = list(number.normalize().as_tuple().digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
    return max(1, len(digits))


def trusted_figures(value: float | int, decimals: int | None = None) -> int:
    """How many significant figures of an approximate stated figure are trusted."""
    return max(1, significant_figures(value, decimals) - 1)


def round_significant(value: float, figures: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures - 1 - math.floor(math.log10(abs(value))))


def decimals_for(value: float, figures: int) -> int:
    """Decimal places that show `figures` significant figures of `value` (at least 0)."""
    if value == 0:
        return 0
    return max(0, figures - 1 - math.floor(math.log10(abs(value))))
