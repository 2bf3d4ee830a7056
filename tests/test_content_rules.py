"""Rules for the content: no typed digits, every figure used, one change reaches every page."""

from __future__ import annotations

import re

from conftest import ROOT, build
from macros.engine.config import BriefingConfig
from macros.engine.pipeline import load_briefing
from macros.engine.present.pages.rules import prose_of
from macros.engine.present.html import PageRenderer
from macros.engine.present.pages.rules import prose_of
from macros.engine.site import Site
from tools.pages import site_pages, site_sources, site_usage

DOCS = ROOT / "docs"
DATA = ROOT / "data" / "briefing.yml"
NAMES = tuple(yaml.safe_load(DATA.read_text(encoding="utf-8"))["names_with_digits"])
def test_prose_filter_really_catches_digits():
    assert re.search(r"\d", prose_of("The budget is 3 billion {{ fig('a.b') }}"))
    assert not re.search(r"\d", prose_of("A [link](p2.md) to {{ fig('a.b2') }} on H200 `x1`", ("H200",)))


def test_pages_have_no_digits_of_their_own():
    offenders = []
    for page in sorted(DOCS.rglob("*.md")):
        for number, line in enumerate(prose_of(page.read_text(), NAMES).splitlines(), 1):
            if re.search(r"\d", line):
                offenders.append(f"{page.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "digits typed into prose (use a figure macro):\n" + "\n".join(offenders)


def test_every_figure_is_used_or_marked_appendix_only():
    site = Site(ROOT, DOCS, BriefingConfig(), site_pages(), site_sources())
    used = site.usage.used_keys()
    unused = [k for k, f in site.briefing.figures.items() if k not in used and not f.appendix_only]
    assert not unused, f"figures used on no page (use them or set appendix_only: true): {unused}"
    marked_but_used = [k for k, f in site.briefing.figures.items() if f.appendix_only and k in used]
    assert not marked_but_used, f"appendix_only figures that a page uses: {marked_but_used}"


def test_pages_reference_only_known_keys():
    briefing = load_briefing(DATA)
    known = {**briefing.figures, **getattr(briefing, "claims", {})}
    usage = site_usage()
    unknown = {src: [k for k in keys if k not in known] for src, keys in usage.keys_by_page.items()}
    assert not any(unknown.values()), unknown


def test_every_page_has_title_and_description_front_matter():
    for src, page in site_sources().items():
        assert page.meta, f"{src}: no front matter"
        assert page.meta.get("title") and len(page.meta.get("description", "")) > 40, src


def test_every_page_has_meta_and_link_preview_tags(built_site):
    for page in sorted(built_site.site.rglob("index.html")):
        html = page.read_text()
        if "404" in page.parts:
            continue
        for tag in ('<meta name="description"', '<meta property="og:title"',
                    '<meta property="og:description"', '<meta name="twitter:card"'):
            assert tag in html, f"{page}: {tag}"


def test_changing_one_figure_changes_every_page_that_shows_it(built_site, project_copy):
    data = project_copy / "data" / "briefing.yml"
    text = data.read_text()
    entry = "  shares.price_feb3:\n"
    value_at = text.index("    value: ", text.index(entry))
    old_value = text[value_at:text.index("\n", value_at)]
    text = text[:value_at] + "    value: 150.00" + text[value_at + len(old_value):]
    data.write_text(text.replace("closed at 142.00 euros", "closed at 150.00 euros"))  # passage too
    before, after = load_briefing(DATA), load_briefing(data)
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


def test_a_new_dated_figure_appears_on_the_timeline_without_editing_it(project_copy):
    data = project_copy / "data" / "briefing.yml"
    source, cited = next(iter(load_briefing(DATA).sources.items()))
    text = data.read_text()
    data.write_text(text.replace("\nfigures:\n", f"""
figures:
  test.new_event:
    label: A freshly added event
    kind: date
    value: 2026-03-01
    as_of: "{cited.date}"
    sources: {{{source}: "on March 1, 2026"}}
""", 1))
    result = build(project_copy)
    assert result.returncode == 0, result.output
    timeline = result.page("timeline/")
    assert "A freshly added event" in timeline
    assert '<time datetime="2026-03-01">1 March 2026</time>' in timeline


def test_every_glossary_term_is_used_on_a_page_it_explains(built_site):
    """A glossary entry earns its place: its term (or another name of it) is read elsewhere."""
    briefing = load_briefing(DATA)
    pages = [built_site.page(info.url) for info in site_pages().values() if info.url != "glossary/"]
    text = re.sub(r"<[^>]+>", " ", " ".join(pages)).casefold()
    for key, entry in briefing.glossary.items():
        names = (entry.term, *entry.also)
        assert any(name.casefold() in text for name in names), f"glossary.{key}: {names}"
