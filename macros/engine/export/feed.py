"""The Atom feed of dated updates and corrections, built with feedgen.

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


@dataclass(frozen=True)
class Entry:
    """One dated update or correction, and the page address where it is read."""

    title: str
    date: dt.date
    url: str
    summary: str
    kind: Literal["update", "correction"]


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


def atom_feed(meta: FeedMeta, entries: Sequence[Entry]) -> bytes:
    """The feed as Atom XML (UTF-8); at least one entry is needed to date it."""
    if not entries:
        raise ValueError("a feed needs at least one dated entry")
    ordered = sorted(entries, key=lambda e: (-e.date.toordinal(), e.title))
    fg = FeedGenerator()
    fg.id(meta.feed_url)
    fg.title(meta.title)
    fg.author(name=meta.author)
    fg.link(href=meta.site_url, rel="alternate")
    fg.link(href=meta.feed_url, rel="self")
    if meta.subtitle:
        fg.subtitle(meta.subtitle)
    fg.language("en")
    fg.updated(midnight(ordered[0].date))
    for entry in reversed(ordered):          # feedgen prepends: add oldest first
        fe = fg.add_entry()
        fe.id(entry_id(entry))
        fe.title(f"{'Correction' if entry.kind == 'correction' else 'Update'}: {entry.title}")
        fe.link(href=entry.url)
        fe.summary(entry.summary)
        fe.category(term=entry.kind)
        fe.published(midnight(entry.date))
        fe.updated(midnight(entry.date))
    return fg.atom_str(pretty=True)
