"""Each chart's data download address, and which figures each chart drew."""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from ...derive.briefing import Briefing
from ..html import DATA_DIR, PageRenderer

_charts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def chart_data_href(r: PageRenderer, chart_id: str, keys: Sequence[str]) -> str:
    """Where the chart's data is downloaded from; its CSV is written with the site."""
    _charts.setdefault(r.briefing, {})[chart_id] = tuple(dict.fromkeys(keys))
    return f"{r.page_href(DATA_DIR)}charts/{chart_id}.csv"


def chart_keys(briefing: Briefing) -> dict[str, tuple[str, ...]]:
    """The figures of every chart drawn for this briefing, by chart id."""
    return dict(_charts.get(briefing, {}))
