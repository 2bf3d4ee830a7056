"""What makes the site a publication, for both site generators: per page, the values the
theme's `<head>` and footer read (`page.meta.publication`, put there by the adapters); per
build, the files written with the downloads (the feeds, the citation files).

Addresses are absolute when the published address (SITE_URL) is known, and relative to the
site's root otherwise, so a local build writes no local address into what a reader copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .build_info import build_time
from .dates import PartialDate
from .errors import BriefingError
from .export.citations import write_citations
from .export.downloads import write_downloads
from .export.feed import Entry, FeedMeta
from .present.citation import (
    BRIEFING_KEY,
    CITATION_FORMATS,
    CITE_DIR,
    SITE_NAME,
    CitationRecord,
    briefing_record,
    figure_record,
)
from .present.html import relative_url
from .site import Site

FEED_ATOM = "feed.xml"
FEED_JSON = "feed.json"
CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Publisher:
    """Who stands behind the site: `extra: publisher:` in mkdocs.yml (name and repository)."""

    name: str
    repository: str

    @classmethod
    def from_extra(cls, extra: Mapping | None) -> Publisher:
        raw = (extra or {}).get("publisher")
        if not isinstance(raw, Mapping):
            raise BriefingError("'publisher:' is missing or not a mapping", file=CONFIG_FILE,
                                key="extra.publisher", hint=_HINT)
        name, repository = raw.get("name"), raw.get("repository")
        if not isinstance(name, str) or not name.strip():
            raise BriefingError("the publisher's name is missing", file=CONFIG_FILE,
                                key="extra.publisher.name", hint=_HINT)
        if not isinstance(repository, str) or not repository.startswith("https://"):
            raise BriefingError(f"the repository address {repository!r} is not an https:// "
                                "address", file=CONFIG_FILE, key="extra.publisher.repository",
                                hint=_HINT)
        return cls(name.strip(), repository.strip().rstrip("/"))

    @property
    def issues(self) -> str:
        return f"{self.repository}/issues"


_HINT = ("write under 'extra:' in mkdocs.yml 'publisher:' with 'name:' (who publishes the site) "
         "and 'repository:' (its https:// address on GitHub, whose issue tracker is the contact)")


def address(site: Site, url: str) -> str:
    """A page's or file's address as a reader copies it: absolute when the published address
    is known, else relative to the site's root ('./' for the home page)."""
    return f"{site.site_url}{url}" if site.site_url else (url or "./")


def address_notice(site: Site) -> str | None:
    """The one line a build without the published address prints, or None."""
    if site.site_url:
        return None
    return ("SITE_URL is not set: permalinks, citations, feeds and share cards give addresses "
            "relative to the site's root (set SITE_URL to the published address for full ones)")


def page_href(page_url: str, path: str) -> str:
    """Link from a page ('campaign/') to a file at the site's root ('feed.xml')."""
    return relative_url(page_url, "") + path


def figure_page(site: Site, key: str) -> str:
    """The URL of the first page (in nav order) that shows a figure; its appendix entry if
    no page does."""
    pages = site.usage.pages_using(key)
    return pages[0].url if pages else f"{site.appendix_url}#fig-{key.replace('.', '-')}"


def day(date: PartialDate) -> dt.date:
    return date.start()


def feed_entries(site: Site) -> list[Entry]:
    """One entry per dated correction and update, linked to the page where the figure is read."""
    b = site.briefing
    entries = []
    for c in b.corrections:
        label = b.figure(c.figure).label if c.figure in b.figures else c.figure
        title = f"{label} removed" if c.removed else f"{label} now reads \u201c{c.new}\u201d"
        entries.append(Entry(title, day(c.date), address(site, figure_page(site, c.figure)),
                             f"Was \u201c{c.old}\u201d. {c.reason}", "correction"))
    for u in b.updates:
        url = figure_page(site, u.figures[0]) if u.figures else ""
        entries.append(Entry(u.says, day(u.date), address(site, url), u.says, "update"))
    return entries


def feed_meta(site: Site, publisher: Publisher) -> FeedMeta:
    return FeedMeta(f"{SITE_NAME}: updates and corrections", address(site, ""),
                    address(site, FEED_ATOM), publisher.name,
                    "Every dated correction and update of the briefing's figures.")


def citation_records(site: Site, publisher: Publisher) -> list[CitationRecord]:
    """The briefing's record and every figure's, dated by the build (the last commit)."""
    built = build_time(site.project_dir).date()
    return [briefing_record(site.site_url, built=built, publisher=publisher.name),
            *(figure_record(fig, site.site_url, built=built, publisher=publisher.name,
                           page_url=site.appendix_url)
              for fig in site.briefing.figures.values())]


def page_meta(site: Site, src: str) -> dict:
    """The values the theme reads for one page, as plain strings (page.meta.publication)."""
    url = site.usage.pages[src].url
    feeds = bool(feed_entries(site))
    return {"feed_atom": page_href(url, FEED_ATOM) if feeds else "",
            "feed_json": page_href(url, FEED_JSON) if feeds else "",
            "cite": [{"href": page_href(url, f"{CITE_DIR}{BRIEFING_KEY}.{suffix}"), "name": name}
                     for suffix, name in CITATION_FORMATS]}


def write_files(site: Site, site_dir: Path, extra: Mapping | None) -> list[Path]:
    """Every download and publication file, written into the built site."""
    publisher = Publisher.from_extra(extra)
    written = write_downloads(site.briefing, site_dir, site.site_url, site.project_dir,
                              site.appendix_url,
                              feed=(feed_meta(site, publisher), feed_entries(site)))
    return written + write_citations(citation_records(site, publisher), site_dir)
