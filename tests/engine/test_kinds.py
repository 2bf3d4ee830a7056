"""The one table of figure kinds (kinds.py) is the one every stage reads."""

import re
from pathlib import Path
from typing import get_args

from macros.engine.format.values import FORMATTERS, format_number
from macros.engine.kinds import KINDS, NUMERIC_KINDS
from macros.engine.validate.models import Kind

ENGINE = Path(__file__).resolve().parents[2] / "macros" / "engine"


def test_the_data_file_enum_is_the_table():
    assert get_args(Kind) == tuple(KINDS)


def test_every_numeric_kind_has_a_formatter():
    for kind in NUMERIC_KINDS:
        assert KINDS[kind].format == "money" or KINDS[kind].format in FORMATTERS
        assert format_number(kind, 3, currency="USD", unit="day")


def test_no_stage_keeps_its_own_set_of_kinds():
    """A literal set or list of two or more kind names outside the table is a second home."""
    names = "|".join(KINDS)
    literal = re.compile(rf'[{{\[(]\s*"({names})"\s*,\s*"({names})"')
    for path in ENGINE.rglob("*.py"):
        if path.name == "kinds.py":
            continue
        found = literal.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.relative_to(ENGINE)}: {found.group(0)}"
