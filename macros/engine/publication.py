"""What makes the site a publication, for both site generators: per page, the values the
theme's `<head>` and footer read (`page.meta.publication`, put there by the adapters); per
build, the files written with the downloads (the feeds, the citation files, the share
cards).

Addresses are absolute when the published address (SITE_URL) is known, and relative to the
site's root otherwise, so a local build writes no local address into what a reader copies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .build_info import build_time, file_dates
from .config import CONFIG_FILE
from .dates import PartialDate
from .derive.briefing import ResolvedFigure
from .errors import BriefingError
from .export.cards import SIZE, Card, CardStyle, write_card
from .export.citations import write_citations
from .export.downloads import write_downloads
from .export.feed import Entry, FeedMeta
from .export.jsonld import CorrectionRef, PageMeta, SourceRef, page_jsonld, script_safe_json
from .export.jsonld import Publisher as JsonLdPublisher
from .format.values import format_partial_date
from .kinds import NUMERIC_KINDS
from .present.citation import (
    BRIEFING_KEY,
    CITATION_FORMATS,
    CITE_DIR,
    SITE_NAME,
    CitationRecord,
    briefing_record,
    figure_record,
)
from .present.generated import articles_dates
from .present.html import anchor, relative_url
from .site import Site

FEED_ATOM = "feed.xml"
FEED_JSON = "feed.json"
METHODOLOGY = "methodology.md"
CORRECTIONS = "corrections.md"
SOURCE_CALL = re.compile(r"""\bsource\(\s*["']([a-z0-9-]+)["']""")
CARDS_DIR = "assets/cards/"
NO_CARD_FIGURE = "none"          # card_figure: none, a card with the page's description
COMPUTED = "Computed by this site"
EDITORIAL = "This site's own note"
HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)
ALL_SOURCES = {"sources_list", "figures_appendix", "sources_account"}  # macros that cite them all


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
    no page does, and the Corrections page (else the home page) for a removed figure."""
    pages = site.usage.pages_using(key)
    if pages:
        return pages[0].url
    if key in site.briefing.figures:
        return f"{site.appendix_url}#{anchor(key)}"
    corrections = site.usage.pages.get(CORRECTIONS)
    return corrections.url if corrections else ""


def figure_label(briefing, key: str) -> str:
    """A corrected figure's label; a removed figure is named by its key."""
    return briefing.figures[key].label if key in briefing.figures else key


def feed_entries(site: Site) -> list[Entry]:
    """One entry per dated correction and update, linked to the page where the figure is read."""
    b = site.briefing
    entries = []
    for c in b.corrections:
        label = figure_label(b, c.figure)
        title = f"{label} removed" if c.removed else f"{label} now reads \u201c{c.new}\u201d"
        entries.append(Entry(title, c.date.start(), address(site, figure_page(site, c.figure)),
                             f"Was \u201c{c.old}\u201d. {c.reason}",
                             "correction" if c.kind == "value" else "clarification"))
    for u in b.updates:
        url = (f"{site.changes_url}#{u.anchor}" if site.changes_url else
               figure_page(site, u.figures[0]) if u.figures else "")
        entries.append(Entry(u.says, u.date.start(), address(site, url), u.says, "update"))
    return entries


def feed_meta(site: Site, publisher: Publisher) -> FeedMeta:
    return FeedMeta(f"{SITE_NAME}: updates and corrections", address(site, ""),
                    address(site, FEED_ATOM), publisher.name,
                    "Every dated correction and update of the briefing's figures.")


def citation_records(site: Site, publisher: Publisher, built: dt.date) -> list[CitationRecord]:
    """The briefing's record and every figure's, dated by the build (the last commit)."""
    return [briefing_record(site.site_url, built=built, publisher=publisher.name),
            *(figure_record(fig, site.site_url, built=built, publisher=publisher.name,
                           page_url=site.appendix_url)
              for fig in site.briefing.figures.values())]


def page_sources(site: Site, src: str) -> list[str]:
    """The ids of the sources a page cites: through its figures, notes and glossary entries,
    by name, or all of them (the Sources page, the Figures appendix)."""
    b = site.briefing
    if site.usage.macros_by_page[src] & ALL_SOURCES:
        return list(b.sources)
    ids: dict[str, None] = {}
    for key in site.usage.keys_by_page[src]:
        item = b.figures.get(key) or b.claims.get(key)
        ids.update(dict.fromkeys(item.sources if item else ()))
    if "glossary" in site.usage.macros_by_page[src]:
        for entry in b.glossary.values():
            ids.update(dict.fromkeys(entry.sources))
    ids.update(dict.fromkeys(s for s in SOURCE_CALL.findall(site.sources[src].text)
                             if s in b.sources))
    return list(ids)


def page_corrections(site: Site, src: str) -> list[CorrectionRef]:
    """The corrections of the figures the page shows."""
    b, keys = site.briefing, set(site.usage.keys_by_page[src])
    refs = []
    for c in b.corrections:
        if c.figure in keys:
            now = "removed" if c.removed else f"now \u201c{c.new}\u201d"
            refs.append(CorrectionRef(f"{figure_label(b, c.figure)}: was \u201c{c.old}\u201d, "
                                      f"{now}. {c.reason}", c.date.start()))
    return refs


def page_structured_data(site: Site, src: str, publisher: Publisher,
                         dates: tuple[dt.date, dt.date]) -> dict:
    """The page as schema.org JSON-LD: an Article when its prose shows figures, else a WebPage,
    with its dates (first published, last changed), sources, publisher, methodology and the
    corrections of its figures."""
    b, info = site.briefing, site.usage.pages[src]
    first, last = dates
    sources = [SourceRef(b.sources[s].title, b.sources[s].publisher,
                         b.sources[s].date.iso or None, b.sources[s].url)
               for s in page_sources(site, src)]
    methodology = site.usage.pages.get(METHODOLOGY)
    title = str(site.sources[src].meta.get("title") or info.title)   # as the page's <title>
    meta = PageMeta(title, address(site, info.url), first, last,
                    topic="fig" in site.usage.macros_by_page[src], sources=sources,
                    corrections=page_corrections(site, src),
                    description=str(site.sources[src].meta.get("description", "")))
    return page_jsonld(meta, JsonLdPublisher(
        publisher.name, publisher.repository,
        address(site, methodology.url) if methodology else ""))


def card_figure(site: Site, src: str) -> str | None:
    """The figure a page's share card shows: front matter `card_figure:` (`none` for no
    figure), else the first amount the page shows (a date or a name only if it shows nothing
    else), else none."""
    page = site.sources[src]
    chosen = page.meta.get("card_figure")
    if chosen == NO_CARD_FIGURE:
        return None
    if chosen is not None:
        if chosen not in site.briefing.figures:
            line = next((n for n, row in enumerate(page.text.splitlines(), 1)
                         if row.startswith("card_figure:")), None)
            raise BriefingError(f"card_figure names '{chosen}', which is not a figure",
                                file=site.page_file(src), line=line, key="card_figure",
                                hint="write the key of a figure from the data file (as in "
                                     "fig(\"...\")), 'none' for a card with the page's "
                                     "description, or delete the line to show the page's "
                                     "first figure")
        return chosen
    shown = [k for k in site.usage.keys_by_page[src] if k in site.briefing.figures]
    amounts = [k for k in shown if site.briefing.figures[k].kind in NUMERIC_KINDS]
    return (amounts or shown or [None])[0]


def card_source(site: Site, fig: ResolvedFigure) -> str:
    """Where a card's figure comes from: its first source's name, or the site itself."""
    if fig.derived:
        return COMPUTED
    if fig.sources:
        return site.briefing.source(fig.sources[0]).name
    return EDITORIAL if fig.editorial else ""


def card_of(site: Site, src: str) -> Card:
    """A page's share card: its heading (or title), one key figure with its date and first
    source (or else the page's description), the site's name."""
    page, info = site.sources[src], site.usage.pages[src]
    heading = HEADING.search(page.text)
    title = heading.group(1) if heading and "{" not in heading.group(1) else info.title
    key = card_figure(site, src)
    if key is None:
        return Card(title, SITE_NAME, description=str(page.meta.get("description") or ""))
    fig = site.briefing.figures[key]
    as_of = "" if fig.editorial else fig.as_of_text[0].upper() + fig.as_of_text[1:]
    return Card(title, SITE_NAME, fig.text, fig.label, as_of, card_source(site, fig))


def card_path(url: str) -> str:
    """Where a page's card is written, from the site's root: assets/cards/campaign.png."""
    return f"{CARDS_DIR}{url.strip('./').replace('/', '-') or 'home'}.png"


def card_alt(card: Card) -> str:
    """The card's text as one line: title, figure (label, value, as of when and from where)
    or description, site name."""
    if card.figure_value:
        note = f". {card.provenance}" if card.provenance else ""
        return f"{card.title}: {card.figure_label}, {card.figure_value}{note}. {card.site_name}."
    if card.description:
        return f"{card.title}: {card.description.rstrip('.')}. {card.site_name}."
    return f"{card.title}. {card.site_name}."


class Publication:
    """One build's publication: what is worked out once (the build's date, the pages' and the
    data file's dates from one git log, the feed, when the articles were published), then each
    page's values for the theme and the files written with the site."""

    def __init__(self, site: Site, publisher: Publisher) -> None:
        self.site = site
        self.publisher = publisher
        self.built = build_time(site.project_dir).date()
        data_file = site.project_dir / site.config.data
        self.dates = file_dates(site.project_dir, site.docs_dir, data_file)
        self.data_changed = self.dates.get(data_file.resolve(), (self.built, self.built))[1]
        self.entries = feed_entries(site)
        # when the articles were published (the same account as the Sources' summary)
        self.published = articles_dates(site.briefing.sources.values(),
                                        show=format_partial_date)[1]
        reporting = site.briefing.reporting_as_of
        self.reporting = "" if reporting.precision == "none" else format_partial_date(reporting)

    def page_dates(self, src: str) -> tuple[dt.date, dt.date]:
        """When a page was first published and last revised: the later of its own last commit
        and the data file's, since its figures come from there (no history: the build's day)."""
        first, last = self.dates.get((self.site.docs_dir / src).resolve(),
                                     (self.built, self.built))
        return first, max(last, self.data_changed)

    def page_meta(self, src: str) -> dict:
        """The values the theme reads for one page, as plain strings (page.meta.publication)."""
        site, publisher = self.site, self.publisher
        url = site.usage.pages[src].url
        card = card_path(url)
        dates = self.page_dates(src)
        revised = dates[1]
        return {
            "jsonld": script_safe_json(page_structured_data(site, src, publisher, dates)),
            "card": {"url": f"{site.site_url}{card}" if site.site_url else page_href(url, card),
                     "width": SIZE[0], "height": SIZE[1], "alt": card_alt(card_of(site, src))},
            "feed_atom": page_href(url, FEED_ATOM) if self.entries else "",
            "feed_json": page_href(url, FEED_JSON) if self.entries else "",
            "revised": {"iso": revised.isoformat(),
                        "text": format_partial_date(PartialDate.parse(revised))},
            "reporting_as_of": self.reporting,
            "address": address(site, url), "publisher": publisher.name,
            "issues": publisher.issues, "published": self.published,
            "sources_href": relative_url(url, site.sources_url),
            "cite": [{"href": page_href(url, f"{CITE_DIR}{BRIEFING_KEY}.{suffix}"), "name": name}
                     for suffix, name in CITATION_FORMATS]}

    def write_files(self, site_dir: Path) -> list[Path]:
        """Every download and publication file, written into the built site."""
        site, publisher = self.site, self.publisher
        written = write_downloads(site.briefing, site_dir, site.site_url, site.project_dir,
                                  site.appendix_url, site.chart_keys(),
                                  feed=(feed_meta(site, publisher), self.entries))
        return [*written, *write_citations(citation_records(site, publisher, self.built),
                                           site_dir),
                *write_cards(site, site_dir)]


def write_cards(site: Site, site_dir: Path) -> list[Path]:
    """Every page's share card (PNG, 1200 x 630) under assets/cards/."""
    style = CardStyle()
    for font in (style.regular, style.bold):
        if not font.is_file():
            raise BriefingError(f"the share cards' font {font} is not installed",
                                hint="install Debian's fonts-dejavu-core "
                                     "(apt-get install fonts-dejavu-core)")
    return [write_card(card_of(site, src), site_dir / card_path(info.url), style)
            for src, info in site.usage.pages.items()]
