"""Every numeric kind of the one table of figure kinds (kinds.py) can be shown."""

from macros.engine.format.values import FORMATTERS, format_number
from macros.engine.kinds import KINDS, NUMERIC_KINDS


def test_every_numeric_kind_has_a_formatter():
    for kind in NUMERIC_KINDS:
        assert KINDS[kind].format == "money" or KINDS[kind].format in FORMATTERS
        assert format_number(kind, 3, currency="USD", unit="day")
