"""Expected figures whose date has passed: an expected date (`expected: true`) that ends before
the newest source's date should by then have happened or not, so the check reports it for an
editor to record what became of it (a correction, or a new figure and passage)."""

from __future__ import annotations

import calendar
import datetime as dt

from ..dates import PartialDate
from .briefing import Briefing

PART_END = {"early": 10, "mid": 20}   # "late" ends with the month


def last_day(date: PartialDate) -> dt.date:
    """The latest calendar day a dated figure can mean (the whole year for a year)."""
    if date.day is not None:
        return date.start()
    month = 12 if date.month is None else date.month
    end = calendar.monthrange(date.year, month)[1]
    return dt.date(date.year, month, PART_END.get(date.part, end))


def overdue(briefing: Briefing) -> list[str]:
    """One line per expected date that ends before the newest source (file:line: key: ...)."""
    dated = [s.date for s in briefing.sources.values() if s.date.year is not None]
    if not dated:
        return []
    newest = max(dated, key=PartialDate.sort_key)
    lines = []
    for key, fig in briefing.figures.items():
        if not (fig.expected and isinstance(fig.value, PartialDate) and fig.value.year):
            continue
        if last_day(fig.value) < newest.start():
            lines.append(f"{briefing.file}:{fig.line}: figures.{key}: expected on {fig.value}, "
                         f"but the newest source is dated {newest}: record what happened "
                         "(a correction, or the new figure with its passage), or remove "
                         "'expected'")
    return lines
