"""Expected figures whose date has passed: an expected date (`expected: true`) that ends before
the newest source's date should by then have happened or not, so the check reports it for an
editor to record what became of it (a correction, or a new figure and passage)."""

from __future__ import annotations

from ..dates import PartialDate
from .briefing import Briefing


def overdue(briefing: Briefing) -> list[str]:
    """One line per expected date that ends before the newest source (file:line: key: ...)."""
    dated = [s.date for s in briefing.sources.values() if s.date.year is not None]
    if not dated:
        return []
    newest = max(dated, key=PartialDate.sort_key)
    return [f"{briefing.file}:{fig.line}: figures.{key}: expected on {fig.value}, but the "
            f"newest source is dated {newest}: record what happened (a correction, or the new "
            "figure with its passage), or remove 'expected'"
            for key, fig in briefing.figures.items()
            if fig.expected and isinstance(fig.value, PartialDate) and fig.value.year
            and fig.value.end() < newest.start()]
