"""The Atom feed of updates and corrections, read back with feedparser."""

import datetime as dt
import json

import feedparser

from macros.engine.export.feed import Entry, FeedMeta, atom_feed, json_feed

META = FeedMeta("Alibaba's AI push in figures: updates and corrections", "https://example.org/",
                "https://example.org/feed.xml", "Alibaba's AI push in figures maintainers")
ENTRIES = [
    Entry("Baidu's budget in dollars", dt.date(2026, 12, 1),
          "https://example.org/corrections/#competition-baidu", "Now about US$72 million.",
          "correction"),
    Entry("Tencent's budget in dollars", dt.date(2026, 12, 1),
          "https://example.org/corrections/#competition-tencent", "Now marked 'about' & <b>.",
          "correction"),
    Entry("Sources carry their addresses", dt.date(2026, 11, 20), "https://example.org/sources/",
          "Every source links to the article.", "update"),
]


def test_every_entry_has_title_date_and_link():
    feed = feedparser.parse(atom_feed(META, ENTRIES))
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 3
    for parsed, entry in zip(feed.entries, ENTRIES, strict=True):   # newest first
        assert parsed.title.endswith(entry.title)
        assert parsed.link == entry.url
        assert dt.date(*parsed.published_parsed[:3]) == entry.date
    assert feed.entries[1].summary == "Now marked 'about' & <b>."
    assert len({e.id for e in feed.entries}) == 3


def test_feed_is_dated_by_its_newest_entry_and_is_deterministic():
    text = atom_feed(META, ENTRIES)
    assert feedparser.parse(text).feed.updated.startswith("2026-12-01")
    assert text == atom_feed(META, list(reversed(ENTRIES)))


def test_adding_an_entry_grows_the_feed_by_one():
    more = [*ENTRIES, Entry("Campaign page", dt.date(2026, 12, 5), "https://example.org/campaign/",
                            "A new chart.", "update")]
    before, after = (feedparser.parse(atom_feed(META, e)) for e in (ENTRIES, more))
    assert len(after.entries) == len(before.entries) + 1
    assert after.entries[0].link == "https://example.org/campaign/"
    assert after.feed.updated.startswith("2026-12-05")


def test_json_feed_has_the_same_entries():
    """JSON Feed 1.1's required members, and the Atom feed's entries in the same order
    (feedparser 6.0 does not read JSON Feed)."""
    feed = json.loads(json_feed(META, "https://example.org/feed.json", ENTRIES))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"]
    assert all(item["id"] and item["content_text"] for item in feed["items"])
    atom = feedparser.parse(atom_feed(META, ENTRIES))
    assert [(i["id"], i["title"], i["url"]) for i in feed["items"]] == [
        (e.id, e.title, e.link) for e in atom.entries]
    assert [i["date_published"][:10] for i in feed["items"]] == [
        "2026-12-01", "2026-12-01", "2026-11-20"]
