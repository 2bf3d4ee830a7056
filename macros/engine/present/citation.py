"""A figure's citation line and the links to its own data files, for its appendix entry
(templates/appendix_entry.html)."""

from __future__ import annotations

import datetime as dt

from ..dates import PartialDate
from ..derive.briefing import ResolvedFigure
from ..format.values import format_partial_date
from .html import APPENDIX_URL, DATA_DIR, PageRenderer, anchor

SITE_NAME = "Alibaba's AI push in figures"


def figure_file_href(r: PageRenderer, key: str, suffix: str = "csv") -> str:
    """Link from the page being rendered to one figure's row file."""
    return f"{r.page_href(DATA_DIR)}figures/{key}.{suffix}"


def citation(fig: ResolvedFigure, site_url: str, page_url: str = APPENDIX_URL, *,
             accessed: dt.date, site_name: str = SITE_NAME) -> str:
    """A ready citation line: site, figure, value, as-of, permalink, access date (plain text).

    `page_url` is the appendix page's URL relative to `site_url` ('figures/'); `accessed` is
    the build's date (build_info.build_time), so two builds of one commit cite alike.
    """
    as_of = fig.as_of_text
    link = f"{site_url}{page_url}#{anchor(fig.key)}"
    day = format_partial_date(PartialDate.parse(accessed))
    return (f"{site_name}, \u201c{fig.label}\u201d: {fig.text} ({as_of}). {link} "
            f"(accessed {day}).")
