"""Honest derived figures: approximate in, approximate out, and no false precision.

The rule (CONTRIBUTING.md, "Derived figures: approximate inputs and precision"):

- A stated figure is *approximate* when its qualifier is about, approximately or nearly.
- A derived figure is approximate when any of its inputs is (directly or through other
  derived figures). It then carries the qualifier "approximately", shown as "about", unless it
  sets its own qualifier.
- Money computed from an approximate money amount is rounded to that amount's rounding unit:
  "approximately US$431 million" is given to the nearest million dollars, so Baidu's budget
  in dollars shows "about US$72 million", not "US$71.8 million".
- Any other derived figure (or money with no approximate amount of its currency among its
  inputs) shows no more significant figures than its least precise approximate input:
  431 million has three, so the implied rate shows "about 6.96 yuan per US dollar".
- Exact inputs (no qualifier) and bounds ("more than", "up to") do not limit precision.
- The value itself is kept at full precision for further computation; the text, the short
  form and the machine-readable value are rounded.
"""

from __future__ import annotations

import math
from decimal import Decimal

APPROXIMATE_QUALIFIERS = {"about", "approximately", "nearly"}
DERIVED_QUALIFIER = "approximately"
DERIVED_QUALIFIER_SHOWN = {"approximately": "about"}


def _decimal(value: float | int) -> Decimal:
    """The number as written in the data file (a float's shortest repr, not its binary value)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(int(value))


def significant_figures(value: float | int, decimals: int | None = None) -> int:
    """Significant figures of a stated number as written: 431000000 -> 3, 142.00 with
    decimals 2 -> 5, 2.34 -> 3, 3000000000 -> 1."""
    number = _decimal(value)
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


def rounding_unit(value: float | int, decimals: int | None = None) -> float:
    """The unit a stated amount is rounded to: 431000000 -> 1000000, 4.8e9 -> 1e8,
    142.00 with decimals 2 -> 0.01."""
    if decimals is not None:
        return 10.0 ** -decimals
    number = _decimal(value)
    if number == 0:
        return 1.0
    return float(Decimal(1).scaleb(number.normalize().as_tuple().exponent))


def round_to_unit(value: float, unit: float) -> float:
    return round(value / unit) * unit if unit else value


def significant_places(value: float, figures: int) -> int:
    """The decimal places (negative: tens, hundreds...) that keep `figures` significant
    figures of `value` (not zero)."""
    return figures - 1 - math.floor(math.log10(abs(value)))


def round_significant(value: float, figures: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, significant_places(value, figures))
