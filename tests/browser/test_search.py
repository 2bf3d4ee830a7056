"""Search finds a page by a word only its prose holds, and the result opens that page."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.site_pages import page_url

from .support import ROOT

TERM = "Zhenwu"


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
    result = search(watched.page, TERM).first
    link = result.locator("a.md-search-result__link").first
    assert urlsplit(link.get_attribute("href")).path == "/" + expected[0]
    assert TERM in result.locator("mark").all_inner_texts()
    heading = link.locator("h1").inner_text()
    link.click()
    watched.page.wait_for_url(f"**/{expected[0]}**")
    assert urlsplit(watched.page.url).path == "/" + expected[0]
    assert watched.page.locator("article h1").inner_text().rstrip("¶") == heading
    assert TERM in watched.page.locator("article").inner_text()
    assert watched.page_errors == [] and watched.console_errors == []
