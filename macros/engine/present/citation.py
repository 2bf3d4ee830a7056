"""A figure's citation line and the links to its own data files, for its appendix entry."""

from __future__ import annotations

import datetime as dt

from ..dates import PartialDate
from ..derive.briefing import ResolvedFigure
from ..formatting.values import format_partial_date
from .html import APPENDIX_URL, DATA_DIR, PageRenderer, anchor, escape

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


def appendix_extras(r: PageRenderer, key: str, site_url: str, accessed: dt.date) -> str:
    """<dt>/<dd> pairs for a figure's appendix entry: a citation and its row as CSV and JSON.

    For the appendix's <dl> (present/generated.py); separated by spaces so search snippets read.
    """
    fig = r.briefing.figure(key)
    return (f"<dt>Cite:</dt> <dd><span class=\"fig-citation\">"
            f"{escape(citation(fig, site_url, accessed=accessed))}</span> "
            f'<a class="fig-permalink" href="#{anchor(key)}">Permalink</a></dd> '
            f"<dt>Data:</dt> <dd><a href=\"{figure_file_href(r, key, 'csv')}\" download>CSV</a>"
            f" · <a href=\"{figure_file_href(r, key, 'json')}\" download>JSON</a></dd> ")
