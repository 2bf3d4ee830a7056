"""Each chart's "Download this chart's data" link, and which figures each chart drew."""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from ...derive.briefing import Briefing
from ..html import DATA_DIR, PageRenderer

_charts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def chart_download(r: PageRenderer, chart_id: str, keys: Sequence[str]) -> str:
    """The chart's "Download this chart's data" link; its CSV is written with the site."""
    _charts.setdefault(r.briefing, {})[chart_id] = tuple(dict.fromkeys(keys))
    href = f"{r.page_href(DATA_DIR)}charts/{chart_id}.csv"
    return (f'<p class="chart-download"><a href="{href}" download>'
            "Download this chart's data</a> (CSV)</p>")



def chart_keys(briefing: Briefing) -> dict[str, tuple[str, ...]]:
    """The figures of every chart drawn for this briefing, by chart id."""
    return dict(_charts.get(briefing, {}))
