"""What is cited and how the page says it: one `CitationRecord` per citable thing (the
briefing, a figure), its plain citation line (a figure's appendix entry shows it), and the
links to a figure's own data and citation files. The citation files (BibTeX, CSL-JSON, RIS) are
written from the same records by export/citations.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import PartialDate
from ..derive.briefing import ResolvedFigure
from ..format.values import format_partial_date
from .html import APPENDIX_URL, DATA_DIR, PageRenderer, permalink

SITE_NAME = "Alibaba's AI push in figures"
BRIEFING_KEY = "alibaba-ai-push-figures"   # the citation key, and the data package's name
CITE_DIR = "cite/"
CITATION_FORMATS = (("bib", "BibTeX"), ("json", "CSL-JSON"), ("ris", "RIS"))


@dataclass(frozen=True)
class CitationRecord:
    """What is cited: the briefing (no figure) or one figure of it.

    `date_modified` is the date of the version cited (the build's, from the last commit): a
    page that is corrected over time is cited by its update, so every format gives that date.
    """

    key: str                      # the citation key, e.g. "campaign.budget_cny"
    title: str                    # the page's title, cited when no figure is
    site_name: str
    publisher: str
    date_modified: dt.date
    url: str
    figure_label: str | None = None
    figure_value: str | None = None
    figure_as_of: str | None = None   # "as of 2 February 2026"


def cited_title(record: CitationRecord) -> str:
    """The title every format gives: the figure with its value and date, or the title."""
    if record.figure_label is None:
        return record.title
    return f"{record.figure_label}: {record.figure_value} ({record.figure_as_of})"


def citation_line(record: CitationRecord, accessed: str) -> str:
    """The plain line: `site, “figure”: value (as of). link (accessed day).`"""
    if record.figure_label is None:
        return f"{record.site_name}. {record.url} (accessed {accessed})."
    return (f"{record.site_name}, \u201c{record.figure_label}\u201d: {record.figure_value} "
            f"({record.figure_as_of}). {record.url} (accessed {accessed}).")


def figure_record(fig: ResolvedFigure, site_url: str, *, built: dt.date, publisher: str = "",
                  page_url: str = APPENDIX_URL) -> CitationRecord:
    """A figure as cited: its appendix entry's permalink (relative to the site's root when
    the published address is not known), value and as-of date."""
    return CitationRecord(fig.key, fig.label, SITE_NAME, publisher, built,
                          permalink(site_url, page_url, fig.key), fig.label, fig.text,
                          fig.as_of_text)


def briefing_record(site_url: str, *, built: dt.date, publisher: str) -> CitationRecord:
    """The whole briefing as cited: its home page."""
    return CitationRecord(BRIEFING_KEY, SITE_NAME, SITE_NAME, publisher, built,
                          site_url or "./")


def figure_file_href(r: PageRenderer, key: str, suffix: str = "csv") -> str:
    """Link from the page being rendered to one figure's row file."""
    return f"{r.page_href(DATA_DIR)}figures/{key}.{suffix}"


def citation_file_hrefs(r: PageRenderer, key: str) -> list[dict]:
    """Links from the page being rendered to one figure's citation files, one per format."""
    folder = r.page_href(CITE_DIR)
    return [{"href": f"{folder}{key}.{suffix}", "name": name}
            for suffix, name in CITATION_FORMATS]


def citation(fig: ResolvedFigure, site_url: str, page_url: str = APPENDIX_URL, *,
             accessed: dt.date) -> str:
    """A ready citation line: site, figure, value, as-of, permalink, access date (plain text).

    `page_url` is the appendix page's URL relative to `site_url` ('figures/'); `accessed` is
    the build's date (build_info.build_time), so two builds of one commit cite alike.
    """
    record = figure_record(fig, site_url, built=accessed, page_url=page_url)
    return citation_line(record, format_partial_date(PartialDate.parse(accessed)))
