"""The feed of dated updates and corrections: Atom, built with feedgen, and JSON Feed 1.1
(which feedgen does not write: it is plain JSON).

Deterministic: no clock is read; the feed's `updated` is its newest entry's date, and entries
are ordered newest first, ties by title.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from feedgen.feed import FeedGenerator

from .tables import json_text


@dataclass(frozen=True)
class Entry:
    """One dated update or correction, and the page address where it is read."""

    title: str
    date: dt.date
    url: str
    summary: str
    kind: Literal["update", "correction", "clarification"]


@dataclass(frozen=True)
class FeedMeta:
    title: str
    site_url: str        # the site's home, e.g. https://example.org/briefing/
    feed_url: str        # where the feed itself is published
    author: str
    subtitle: str = ""


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def entry_id(entry: Entry) -> str:
    """A stable id: the same update or correction keeps it in every build."""
    name = "\n".join((entry.url, entry.kind, entry.date.isoformat(), entry.title))
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def newest_first(entries: Sequence[Entry]) -> list[Entry]:
    """Entries newest first, ties by title; at least one is needed to date the feed."""
    if not entries:
        raise ValueError("a feed needs at least one dated entry")
    return sorted(entries, key=lambda e: (-e.date.toordinal(), e.title))


def entry_title(entry: Entry) -> str:
    return f"{entry.kind.capitalize()}: {entry.title}"


def atom_feed(meta: FeedMeta, entries: Sequence[Entry]) -> bytes:
    """The feed as Atom XML (UTF-8)."""
    ordered = newest_first(entries)
    fg = FeedGenerator()
    fg.id(meta.feed_url)
    fg.title(meta.title)
    fg.author(name=meta.author)
    fg.link(href=meta.site_url, rel="alternate")
    fg.link(href=meta.feed_url, rel="self")
    if meta.subtitle:
        fg.subtitle(meta.subtitle)
    fg.language("en")
    fg.generator("python-feedgen")            # no version or address: same bytes after upgrades
    fg.updated(midnight(ordered[0].date))
    for entry in reversed(ordered):          # feedgen prepends: add oldest first
        fe = fg.add_entry()
        fe.id(entry_id(entry))
        fe.title(entry_title(entry))
        fe.link(href=entry.url)
        fe.summary(entry.summary)
        fe.category(term=entry.kind)
        fe.published(midnight(entry.date))
        fe.updated(midnight(entry.date))
    return fg.atom_str(pretty=True)


def json_feed(meta: FeedMeta, feed_url: str, entries: Sequence[Entry]) -> str:
    """The same feed as JSON Feed 1.1, published at `feed_url`."""
    items = [{"id": entry_id(e), "url": e.url, "title": entry_title(e), "summary": e.summary,
              "content_text": e.summary, "date_published": midnight(e.date).isoformat(),
              "tags": [e.kind]} for e in newest_first(entries)]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": meta.title,
            "home_page_url": meta.site_url, "feed_url": feed_url,
            "authors": [{"name": meta.author}], "language": "en", "items": items}
    if meta.subtitle:
        feed["description"] = meta.subtitle
    return json_text(feed)
