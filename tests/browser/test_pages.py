"""Every page loads cleanly from the local server: no errors, no leftovers, no other host."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .support import config, site_pages

LEFTOVERS = ("{{", "{%", "}}", "%}", "{#", "#}", "Macro Rendering Error", "Macro Syntax Error",
             "Traceback", "How to fix:", "unknown figure key")


def test_page_loads_without_errors_or_foreign_requests(visited):
    assert visited.status == 200
    assert visited.console_errors == []
    assert visited.page_errors == []
    assert visited.foreign_requests() == []
    assert any(url.endswith(".css") for url in visited.requests), "no stylesheet was loaded"
    search_index = ("search_index.json", "search.json")  # MkDocs + Material's, Zensical's
    assert any(url.endswith(search_index) for url in visited.requests), "search did not load"


def test_visible_text_has_no_template_syntax_or_macro_errors(visited):
    text = visited.page.locator("body").inner_text()
    assert visited.page.locator("h1").count() == 1
    for marker in LEFTOVERS:
        assert marker not in text, f"{marker!r} is visible"


def test_page_has_language_title_and_description(visited):
    site = config()
    page = visited.page
    assert page.locator("html").get_attribute("lang") == site["theme"]["language"]
    title = page.title()
    assert title == site["site_name"] or title.endswith(" - " + site["site_name"]), title
    assert len(title) <= 90, title
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description and 50 <= len(description) <= 300, description
    assert not re.search(r"[{}<>]", description), description


class _Head(HTMLParser):
    """Collects <title> and the meta description of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.description, self._in_title = "", None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_title = tag == "title"
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def test_titles_and_descriptions_differ_between_pages(built_site):
    titles, descriptions = {}, {}
    for path in site_pages():
        head = _Head()
        head.feed(built_site.page(path))
        assert head.title not in titles, f"{path} and {titles.get(head.title)} share a title"
        assert head.description not in descriptions, \
            f"{path} and {descriptions.get(head.description)} share a description"
        titles[head.title], descriptions[head.description] = path, path
