"""Content behaviour: the prose filter, link-preview tags, one change reaching every page, a new
date reaching the timeline, every glossary term read somewhere.

The rules a strict build enforces itself (digits in prose, figures used, known keys, front
matter) are tested by the build: tests/test_smoke_build.py and tests/test_bad_inputs.py."""

from __future__ import annotations

import re

from conftest import ROOT, build
from engine_data import load_file
from macros.engine.present.html import PageRenderer
from macros.engine.present.pages.rules import prose_of
from tools.pages import nav_url, site_pages, site_usage

DOCS = ROOT / "docs"
DATA = ROOT / "data" / "briefing.yml"


def test_prose_filter_really_catches_digits():
    assert re.search(r"\d", prose_of("The budget is 3 billion {{ fig('a.b') }}"))
    assert not re.search(r"\d", prose_of("A [link](p2.md) to {{ fig('a.b2') }} on H200 `x1`", ("H200",)))


def test_every_page_has_meta_and_link_preview_tags(built_site):
    for page in sorted(built_site.site.rglob("index.html")):
        html = page.read_text()
        if "404" in page.parts:
            continue
        for tag in ('<meta name="description"', '<meta property="og:title"',
                    '<meta property="og:description"', '<meta name="twitter:card"'):
            assert tag in html, f"{page}: {tag}"


def test_one_changed_figure_and_one_new_date_reach_every_page(built_site, project_copy):
    """One rebuild: a changed value reaches every page that shows it, and a newly added dated
    figure appears on the timeline without editing the timeline page."""
    data = project_copy / "data" / "briefing.yml"
    source, cited = next(iter(load_file(DATA).sources.items()))
    text = data.read_text().replace("\nfigures:\n", f"""
figures:
  test.new_event:
    label: A freshly added event
    kind: date
    value: 2026-03-01
    as_of: "{cited.date}"
    sources: {{{source}: "on March 1, 2026"}}
""", 1)
    entry = "  shares.price_feb3:\n"
    value_at = text.index("    value: ", text.index(entry))
    old_value = text[value_at:text.index("\n", value_at)]
    text = text[:value_at] + "    value: 150.00" + text[value_at + len(old_value):]
    data.write_text(text.replace("closed at 142.00 euros", "closed at 150.00 euros"))  # passage too
    before, after = load_file(DATA), load_file(data)
    changed = [k for k in before.figures if before.figure(k).text != after.figure(k).text]
    assert "shares.price_feb3" in changed and len(changed) > 1, changed
    rebuilt = build(project_copy)
    assert rebuilt.returncode == 0, rebuilt.output
    checked = 0
    for info in site_usage().pages.values():
        old_html, new_html = built_site.page(info.url), rebuilt.page(info.url)
        for key in changed:
            old = PageRenderer(before, info.url).value(key)
            if old in old_html:
                checked += 1
                assert old not in new_html, f"{info.url}: stale {key}"
                assert PageRenderer(after, info.url).value(key) in new_html, f"{info.url}: {key}"
    assert checked >= len(changed) + 2
    timeline = rebuilt.page(nav_url("Timeline"))
    assert "A freshly added event" in timeline
    assert '<time datetime="2026-03-01">1 March 2026</time>' in timeline


def test_every_glossary_term_is_used_on_a_page_it_explains(built_site):
    """A glossary entry earns its place: its term (or another name of it) is read elsewhere."""
    briefing = load_file(DATA)
    pages = [built_site.page(info.url) for info in site_pages().values() if info.title != "Glossary"]
    text = re.sub(r"<[^>]+>", " ", " ".join(pages)).casefold()
    for key, entry in briefing.glossary.items():
        names = (entry.term, *entry.also)
        assert any(name.casefold() in text for name in names), f"glossary.{key}: {names}"
