"""What a reader copies from a page or its <head>: no local address when the published one is
not known, and every value in <head> escaped."""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT, build, build_zensical, copy_project

LOCAL = "127.0.0.1"
# mkdocs.yml's publisher, as the build reads it (the Pages workflow sets REPOSITORY_URL)
_WRITTEN = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0],
                     Loader=yaml.BaseLoader)["extra"]["publisher"]
_VARIABLE, _DEFAULT = _WRITTEN["repository"]        # !ENV [REPOSITORY_URL, default]
REAL_PUBLISHER = {"name": _WRITTEN["name"], "repository": os.environ.get(_VARIABLE, _DEFAULT)}
# Material's own source map quotes a comment about local hostnames; it is the theme's file,
# not an address the site gives.
THEME_SOURCE_MAPS = ".min.js.map"


def local_addresses(site) -> list[str]:
    return [str(p.relative_to(site)) for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.endswith(THEME_SOURCE_MAPS)
            and LOCAL.encode() in p.read_bytes()]


needs_no_site_url = pytest.mark.skipif(bool(os.environ.get("SITE_URL")),
                                       reason="SITE_URL is set: the build knows its address")


@needs_no_site_url
def test_a_build_without_site_url_writes_no_local_address(built_site):
    assert local_addresses(built_site.site) == []
    assert 'rel="canonical"' not in built_site.page("about/")
    notices = [line for line in built_site.output.splitlines() if line.startswith("SITE_URL")]
    assert len(notices) == 1 and "relative to the site's root" in notices[0]


@needs_no_site_url
def test_zensical_without_site_url_writes_no_local_address(built_zensical):
    assert local_addresses(built_zensical.site) == []


FOOTER = re.compile(r'<div class="md-copyright">.*?</div>\s*</div>', re.S)
REPORT = re.compile(r'<a class="md-copyright__report" href="([^"]+)">Report an error on this page</a>')


def built_pages(site):
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "search")


def test_every_footer_names_the_publisher_the_contact_and_the_articles_dates(built_site):
    for page in built_pages(built_site.site):
        footer = html.unescape(FOOTER.search(page.read_text(encoding="utf-8")).group(0))
        assert f"Published by {REAL_PUBLISHER['name']}." in footer, page
        assert f'href="{REAL_PUBLISHER["repository"]}/issues">the issue tracker' in footer
        assert ("(none prints its date: four can be placed in early February 2026 from what "
                "they report; one cannot)") in footer


def test_every_page_reports_an_error_with_its_title_and_address(built_site):
    for page in built_pages(built_site.site):
        text = page.read_text(encoding="utf-8")
        [href] = REPORT.findall(text)
        parts = urlsplit(html.unescape(href))
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == \
            f"{REAL_PUBLISHER['repository']}/issues/new"
        query = parse_qs(parts.query)
        title = html.unescape(re.search(r"<title>(.*?)( - |</title>)", text).group(1))
        assert query["title"] == [f"Error on the page \u201c{title}\u201d"], page
        url = page.parent.relative_to(built_site.site).as_posix()
        assert query["body"][0].startswith(f"Page: {url + '/' if url != '.' else './'}\n")


def test_no_page_asks_a_third_party_host_for_anything_on_load(built_site):
    """Links may lead elsewhere; nothing the page loads by itself (scripts, styles, images,
    frames, preconnects) comes from another host."""
    loads = re.compile(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="(https?:[^"]*)"|'
                       r'<link\b(?=[^>]*\brel="(?:stylesheet|preconnect|preload|icon|'
                       r'modulepreload|dns-prefetch)")[^>]*\bhref="(https?:[^"]*)"')
    for page in [*built_pages(built_site.site), built_site.site / "404.html"]:
        found = loads.findall(page.read_text(encoding="utf-8"))
        assert found == [], (page, found)


HOSTILE_TITLE = 'Campaign "quoted" \'single\' "><script>alert(\'title\')</script> & more'
HOSTILE_DESCRIPTION = ('What the campaign "cost" "><script>alert(\'description\')</script> '
                       "<b>bold</b> & how it compares with its rivals' budgets.")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A copy of the project whose Campaign page has a title and a description that would
    break a tag or run a script if written into <head> unescaped, built by both generators."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    page = project / "docs" / "campaign.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    head = re.sub(r"^title: .*$", "title: " + json.dumps(HOSTILE_TITLE), head, flags=re.M)
    head = re.sub(r"^description: .*$", "description: " + json.dumps(HOSTILE_DESCRIPTION), head,
                  flags=re.M)
    page.write_text(f"{head}\n---\n{body}", encoding="utf-8")
    mkdocs = build(project, project / "site")
    assert mkdocs.returncode == 0, mkdocs.output
    zensical = build_zensical(project)
    assert zensical.returncode == 0, zensical.output
    return mkdocs, zensical


class Head(HTMLParser):
    """The <head>'s elements and each script's text, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        if self.in_head:
            self.tags.append((tag, dict(attrs)))
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        self.in_head = self.in_head and tag != "head"

    def handle_data(self, data):
        if self.in_head and self.scripts and self.tags[-1][0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


@pytest.mark.parametrize("generator", [0, 1], ids=["mkdocs", "zensical"])
def test_quotes_and_markup_in_front_matter_stay_text_in_head(hostile, generator):
    page = hostile[generator].page("campaign/")
    head = Head()
    head.feed(page)
    runnable = [text for attrs, text in head.scripts if attrs.get("type") != "application/ld+json"]
    assert not any("alert(" in text for text in runnable), "a title or description ran"
    assert "<script>alert(" not in page, "the page's title ran elsewhere (the header?)"
    assert "b" not in [tag for tag, _ in head.tags], "markup in the description became an element"
    metas = {attrs.get("property") or attrs.get("name"): attrs.get("content")
             for tag, attrs in head.tags if tag == "meta"}
    assert metas["og:title"] == metas["twitter:title"] == \
        f"{HOSTILE_TITLE} \u00b7 Alibaba's AI push in figures"
    assert metas["og:description"] == metas["twitter:description"] == HOSTILE_DESCRIPTION
    [data] = [json.loads(text) for attrs, text in head.scripts
              if attrs.get("type") == "application/ld+json"]
    assert data["headline"] == HOSTILE_TITLE and data["description"] == HOSTILE_DESCRIPTION
    report = page.split('class="md-copyright__report" href="')[1].split('"')[0]
    query = parse_qs(urlsplit(html.unescape(report)).query)
    assert query["title"] == [f"Error on the page \u201c{HOSTILE_TITLE}\u201d"]


@pytest.mark.parametrize("theme, folder", [("material", "overrides"),
                                           ("zensical", "overrides-zensical")])
def test_header_overrides_differ_from_the_themes_only_by_escaping_the_title(theme, folder):
    """A theme upgrade that changes the header partial makes this fail, so the copy gets
    refreshed."""
    module = __import__(theme)

    def body(path) -> str:
        return re.sub(r"\A\{#-.*?-#\}\n", "", path.read_text(encoding="utf-8"), flags=re.S)

    ours = body(ROOT / folder / "partials" / "header.html")
    theirs = body(Path(module.__file__).parent / "templates" / "partials" / "header.html")
    escaped = ("{{ page.meta.title | e }}", "{{ page.title | e }}")
    assert all(ours.count(e) == 1 for e in escaped)
    for e in escaped:
        ours = ours.replace(e, e.replace(" | e", ""))
    assert ours == theirs
