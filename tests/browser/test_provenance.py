"""A figure shows its source and as-of date on hover and on keyboard focus, and links to its
appendix entry."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from macros.engine.derive.briefing import Briefing
from macros.engine.present.html import provenance

from .support import ROOT

PAGE = "campaign/"
MAX_TABS = 200


def expected_tooltip(href: str) -> str:
    """The provenance text the engine writes for the figure a link points to."""
    key = unquote(urlsplit(href).fragment).removeprefix("fig-").replace("-", ".")
    briefing = Briefing.load(ROOT / "data" / "briefing.yml")
    return provenance(briefing, briefing.figure(key))


def shown_tooltip(page) -> str:
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    tooltip.wait_for(state="visible")
    return re.sub(r"\s+", " ", tooltip.inner_text()).strip()


def tab_to_first_figure(page):
    """Press Tab from the top of the page until a figure link has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article a.fig')"):
            return page.locator("article a.fig:focus")
    raise AssertionError(f"no figure link reached in {MAX_TABS} presses of Tab")


def test_hover_shows_source_and_as_of(open_page):
    page = open_page(PAGE).page
    figure = page.locator("article a.fig").first
    expected = expected_tooltip(figure.get_attribute("href"))
    assert "Source" in expected and "As of" in expected
    figure.hover()
    assert shown_tooltip(page) == expected


def test_keyboard_focus_shows_source_and_as_of(open_page):
    page = open_page(PAGE).page
    figure = tab_to_first_figure(page)
    expected = expected_tooltip(figure.get_attribute("href"))
    assert shown_tooltip(page) == expected
    described_by = figure.get_attribute("aria-describedby")
    assert described_by and page.locator(f"#{described_by}").inner_text().strip() == expected


def test_following_a_figure_lands_on_its_appendix_entry(open_page):
    page = open_page(PAGE).page
    figure = tab_to_first_figure(page)
    target = unquote(urlsplit(figure.get_attribute("href")).fragment)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/figures/"
    assert unquote(urlsplit(page.url).fragment) == target
    entry = page.locator(f"[id='{target}']")
    assert entry.count() == 1
    page.wait_for_function("""id => {
        const box = document.getElementById(id).getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect();
        return box.top >= header.bottom - 1 && box.top < innerHeight / 2;
    }""", arg=target)
    label = entry.locator("h2, h3, h4").first.inner_text().rstrip("¶").strip()
    key = target.removeprefix("fig-").replace("-", ".")
    assert label == Briefing.load(ROOT / "data" / "briefing.yml").figure(key).label
