"""Search finds a page by a word only its prose holds, and the result opens that page; numbers
are found on the pages that show them."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.engine.present.pages.site_pages import page_url

from .support import ROOT

TERM = "Hunyuan"


def pages_mentioning(term: str) -> list[str]:
    """URLs of the pages whose own Markdown (not a macro's output) contains the term."""
    docs = ROOT / "docs"
    return [page_url(p.relative_to(docs).as_posix()) for p in sorted(docs.rglob("*.md"))
            if term in p.read_text(encoding="utf-8")]


def search(page, term: str):
    """Open the search dialog with the keyboard and type, as a reader would."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(term, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    return results


def test_search_lists_the_page_and_opens_it(open_page, material_search):
    expected = pages_mentioning(TERM)
    assert len(expected) == 1, f"pick a term only one page's prose holds, not {expected}"
    watched = open_page("")
    results = search(watched.page, TERM)
    hits = [r for r in results.all()
            if urlsplit(r.locator("a.md-search-result__link").first.get_attribute("href")).path
            == "/" + expected[0]]
    assert hits, f"no result for /{expected[0]}"
    result = hits[0]
    link = result.locator("a.md-search-result__link").first
    assert TERM in result.locator("mark").all_inner_texts()
    heading = link.locator("h1").inner_text()
    link.click()
    watched.page.wait_for_url(f"**/{expected[0]}**")
    assert urlsplit(watched.page.url).path == "/" + expected[0]
    assert watched.page.locator("article h1").inner_text().rstrip("¶") == heading
    assert TERM in watched.page.locator("article").inner_text()
    assert watched.page_errors == [] and watched.console_errors == []


# Numbers as readers type them: bare digits of "US$431 million", a decimal of "6.96 yuan per US
# dollar" and "-2.34%", a price's "€142.00", a grouped count, and a chip name with digits.
EXCLUDED = re.compile(r"<(fig-panel|div|figure|table|details|p|a|button)\b[^>]*data-search-exclude.*?</\1>",
                      re.S)
NUMBERS = ("431", "6.96", "2.34", "142.00", "100,000", "Zhenwu 810E")


def pages_showing(site: Path, term: str) -> set[str]:
    """Paths of the built pages whose article text shows the term (not inside a longer number),
    leaving out what the search index leaves out (figure panels, marked data-search-exclude)."""
    words = [re.escape(w) for w in term.split()]
    pattern = re.compile(r"(?<![\d.,])" + r"\s+".join(words) + r"(?![\d])", re.IGNORECASE)
    found = set()
    for page in site.rglob("index.html"):
        article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)
        article = article and re.sub(EXCLUDED, " ", article.group(0))
        text = html.unescape(re.sub(r"<[^>]+>", " ", article)) if article else ""
        if pattern.search(re.sub(r"\s+", " ", text)):
            path = page.parent.relative_to(site).as_posix()
            found.add("/" if path == "." else f"/{path}/")
    return found


@pytest.mark.parametrize("term", NUMBERS)
def test_search_finds_the_pages_that_show_a_number(open_page, built_site, term, material_search):
    expected = pages_showing(built_site.site, term)
    assert expected, f"no page shows {term!r}: pick a number the site shows"
    watched = open_page("")
    results = search(watched.page, term)
    meta = watched.page.locator(".md-search-result__meta").inner_text()
    links = results.locator("> a.md-search-result__link")
    found = {urlsplit(a.get_attribute("href")).path for a in links.all()}
    assert found == expected, f"{term!r}: {meta}; found {sorted(found)}, shown on {sorted(expected)}"
    marked = " ".join(results.locator("mark").all_inner_texts()).lower()
    assert term.split()[0].lower() in marked
    assert watched.page_errors == [] and watched.console_errors == []
