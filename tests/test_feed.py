"""The feed of corrections and updates in the built site: feed.xml (Atom) and feed.json, linked
from every page's <head> and from the Corrections page."""

from __future__ import annotations

import json
import posixpath
import re
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import ROOT
from engine_data import site_for
from macros.engine.export.feed import atom_feed
from macros.engine.publication import Publisher, feed_entries, feed_meta

PUBLISHER = Publisher("Maintainers", "https://github.com/example/briefing")
ALTERNATE = re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"')


def pages(site):
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "search")


def resolves(site, page, href: str) -> bool:
    """Whether a link on `page` (relative to it) reaches a file of the built site."""
    folder = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(folder, href.replace("&#x2f;", "/")))
    path = site / target
    return (path / "index.html").is_file() if path.is_dir() else path.is_file()


def test_every_entry_has_a_title_a_date_and_a_link_to_a_page(built_site):
    feed = feedparser.parse((built_site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    for entry in feed.entries:
        assert entry.title and entry.published_parsed and entry.link, entry
        path = urlsplit(entry.link).path.lstrip("/")    # absolute only with SITE_URL set
        assert (built_site.site / path / "index.html").is_file(), entry.link


def test_json_feed_has_the_same_entries(built_site):
    atom = feedparser.parse((built_site.site / "feed.xml").read_bytes())
    items = json.loads((built_site.site / "feed.json").read_text(encoding="utf-8"))["items"]
    assert [(i["title"], i["url"]) for i in items] == [(e.title, e.link) for e in atom.entries]


def test_every_page_links_the_feed_from_its_head(built_site):
    for page in pages(built_site.site):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        hrefs = ALTERNATE.findall(head)
        assert len(hrefs) == 1, page
        assert resolves(built_site.site, page, hrefs[0]), (page, hrefs[0])


def test_corrections_page_links_the_feeds(built_site):
    html = built_site.page("corrections/")
    assert 'href="../feed.xml"' in html and 'href="../feed.json"' in html


def test_zensical_writes_and_links_the_feed_too(built_zensical):
    site = built_zensical.site
    assert feedparser.parse((site / "feed.xml").read_bytes()).entries
    assert all(resolves(site, p, ALTERNATE.findall(p.read_text(encoding="utf-8"))[0])
               for p in pages(site))


@pytest.mark.parametrize("figures", [["campaign.lead_time"], []])
def test_adding_an_update_grows_the_feed_by_one_entry(project_copy, figures):
    before = feedparser.parse(atom_feed(feed_meta(site_for(project_copy), PUBLISHER),
                                        feed_entries(site_for(project_copy))))
    data = project_copy / "data" / "briefing.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("updates: []\n", (
        "updates:\n  - date: \"2026-12-04\"\n    says: \"Alibaba reported its quarterly results.\"\n"
        f"    figures: {json.dumps(figures)}\n    sources: [stocknews-feb6]\n"), 1), encoding="utf-8")
    site = site_for(project_copy)
    after = feedparser.parse(atom_feed(feed_meta(site, PUBLISHER), feed_entries(site)))
    assert len(after.entries) == len(before.entries) + 1
    newest = after.entries[0]
    assert newest.title == "Update: Alibaba reported its quarterly results."
    assert newest.published.startswith("2026-12-04")
    assert newest.link == "changes/#update-1"   # where the update is read


def test_a_wording_clarification_is_not_announced_as_a_correction(built_site):
    from macros.engine.pipeline import load_briefing

    kinds = [c.kind for c in load_briefing(ROOT / "data" / "briefing.yml").corrections]
    titles = [e.title for e in feedparser.parse((built_site.site / "feed.xml").read_bytes()).entries]
    assert sum(t.startswith("Clarification: ") for t in titles) == kinds.count("clarification") > 0
    assert sum(t.startswith("Correction: ") for t in titles) == kinds.count("value")
