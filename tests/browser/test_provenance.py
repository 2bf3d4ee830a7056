"""A figure opens its panel in place (label, value, sources with their words, as-of, a link to
the appendix) on hover, on keyboard focus and on a tap; Escape and a second tap close it.
The appendix entry links back to the pages that show the figure."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from engine_data import Briefing, load_file
from macros.engine.present.html import passages
from tools.pages import nav_url

from .support import ROOT

PAGE = nav_url("Campaign")
MAX_TABS = 200
OPEN = "document.querySelector(':popover-open')?.id ?? null"


def briefing() -> Briefing:
    return load_file(ROOT / "data" / "briefing.yml")


def key_of(button) -> str:
    """The figure key a button shows (its panel id is fp-<group>-<name>[-n])."""
    panel = button.get_attribute("popovertarget")
    found = briefing().figures
    for key in found:
        if re.fullmatch(r"fp-" + re.escape(key.replace(".", "-")) + r"(-\d+)?", panel):
            return key
    raise AssertionError(f"no figure for panel {panel}")


def open_panel(page):
    panel_id = page.evaluate(OPEN)
    return page.locator(f"[id='{panel_id}']") if panel_id else None


def stated_button(page):
    """The first figure on the page with sources (not computed, not editorial)."""
    b = briefing()
    buttons = page.locator("article button.fig")
    for i in range(buttons.count()):
        fig = b.figure(key_of(buttons.nth(i)))
        if not fig.derived and fig.sources:
            return buttons.nth(i), fig
    raise AssertionError("no stated figure on the page")


def check_panel_content(panel, fig) -> None:
    text = re.sub(r"\s+", " ", panel.inner_text())
    assert fig.label in text
    assert fig.text in text
    for sid in fig.sources:
        assert f"#source-{sid}" in panel.inner_html()
        for passage in passages(fig, sid):
            assert re.sub(r"\s+", " ", passage) in text
    assert fig.as_of_text[1:] in text
    more = panel.locator("a.fp-more")
    assert more.get_attribute("href").endswith(f"figures/#fig-{fig.key.replace('.', '-')}")


def tab_to_first_figure(page):
    """Press Tab from the top of the page until a figure has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article button.fig')"):
            return page.locator("article button.fig:focus")
    raise AssertionError(f"no figure reached in {MAX_TABS} presses of Tab")


def test_hover_opens_the_panel_and_leaving_closes_it(open_page):
    page = open_page(PAGE).page
    button, fig = stated_button(page)
    button.hover()
    page.wait_for_function(f"{OPEN} === {button.get_attribute('popovertarget')!r}")
    panel = open_panel(page)
    check_panel_content(panel, fig)
    box, anchor = panel.bounding_box(), button.bounding_box()
    assert abs(box["y"] - (anchor["y"] + anchor["height"])) < 40, "panel is not next to the figure"
    page.mouse.move(5, 5)
    page.wait_for_function(f"{OPEN} === null")


def test_a_click_keeps_a_hovered_panel_open_until_the_next_click(open_page):
    page = open_page(PAGE).page
    button, _ = stated_button(page)
    target = button.get_attribute("popovertarget")
    button.hover()
    page.wait_for_function(f"{OPEN} === {target!r}")
    button.click()
    page.mouse.move(5, 5)
    page.wait_for_timeout(600)
    assert page.evaluate(OPEN) == target
    button.click()
    page.wait_for_function(f"{OPEN} === null")


def test_keyboard_focus_opens_the_panel_and_escape_closes_it(open_page):
    page = open_page(PAGE).page
    button = tab_to_first_figure(page)
    target = button.get_attribute("popovertarget")
    page.wait_for_function(f"{OPEN} === {target!r}")
    check_panel_content(open_panel(page), briefing().figure(key_of(button)))
    page.keyboard.press("Escape")
    page.wait_for_function(f"{OPEN} === null")
    assert page.evaluate("document.activeElement.getAttribute('popovertarget')") == target
    page.keyboard.press("Enter")
    page.wait_for_function(f"{OPEN} === {target!r}")


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    page.goto(site_url + PAGE, wait_until="networkidle")
    yield page
    context.close()


def test_tap_opens_the_panel_in_place_and_a_second_tap_or_escape_closes_it(phone):
    page = phone
    button, fig = stated_button(page)
    button.evaluate("b => { b.scrollIntoView({block: 'start'}); scrollBy(0, -80); }")
    url, scrolled = page.url, page.evaluate("scrollY")
    button.tap()
    page.wait_for_function(f"{OPEN} === {button.get_attribute('popovertarget')!r}")
    panel = open_panel(page)
    check_panel_content(panel, fig)
    assert page.url == url and page.evaluate("scrollY") == scrolled
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 741
    button.tap()
    page.wait_for_function(f"{OPEN} === null")
    button.tap()
    page.wait_for_function(f"{OPEN} !== null")
    page.keyboard.press("Escape")
    page.wait_for_function(f"{OPEN} === null")
    assert page.url == url


def test_cite_opens_the_source_words(open_page):
    page = open_page(PAGE).page
    cites = page.locator("article button.cite")
    if not cites.count():
        pytest.skip("this page cites no claim yet")
    cites.first.click()
    page.wait_for_function(f"{OPEN} === {cites.first.get_attribute('popovertarget')!r}")
    assert open_panel(page).locator("q.fp-passage").count() >= 1


def test_appendix_link_lands_on_the_entry_which_links_back(open_page):
    page = open_page(PAGE).page
    button, fig = stated_button(page)
    button.click()
    with page.expect_navigation():
        open_panel(page).locator("a.fp-more").click()
    target = unquote(urlsplit(page.url).fragment)
    assert urlsplit(page.url).path == "/figures/" and target == f"fig-{fig.key.replace('.', '-')}"
    entry = page.locator(f"section.fig-entry:has(> [id='{target}'])")
    page.wait_for_function("""id => {
        const box = document.getElementById(id).getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect();
        return box.top >= header.bottom - 1 && box.top < innerHeight / 2;
    }""", arg=target)
    assert entry.locator("h3").inner_text().rstrip("¶").strip() == fig.label
    back = entry.locator(f"a[href$='{PAGE}#at-{fig.key.replace('.', '-')}']")
    assert back.count() == 1
    with page.expect_navigation():
        back.click()
    assert urlsplit(page.url).path == "/" + PAGE
    page.wait_for_function("id => { const b = document.getElementById(id).getBoundingClientRect();"
                           " return b.top >= 0 && b.bottom <= innerHeight; }",
                           arg=f"at-{fig.key.replace('.', '-')}")


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_no_axe_violations_with_a_panel_open(open_page, axe_script, scheme):
    from .test_accessibility import axe_violations

    page = open_page(PAGE, scheme).page
    button, _ = stated_button(page)
    button.click()
    page.wait_for_function(f"{OPEN} !== null")
    assert axe_violations(page, axe_script) == []


def test_no_axe_violations_in_a_cite_panel_open_on_a_phone(phone, axe_script):
    """Checked within the panel only: at 360 px, wide tables in content tabs are scrollable
    regions that axe reports on their own (scrollable-region-focusable), panel open or not."""
    cite = phone.locator("article button.cite").first
    cite.evaluate("b => { b.scrollIntoView({block: 'start'}); scrollBy(0, -80); }")
    cite.tap()
    phone.wait_for_function(f"{OPEN} !== null")
    phone.add_script_tag(path=axe_script)
    violations = phone.evaluate("""async () => {
        const panel = document.querySelector(':popover-open');
        const result = await axe.run(panel, {resultTypes: ["violations"]});
        return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}`);
    }""")
    assert violations == []


def test_print_shows_the_figure_list_and_no_panel(open_page):
    page = open_page(PAGE).page
    button, fig = stated_button(page)
    assert not page.locator(".print-figures").is_visible()
    button.click()
    page.wait_for_function(f"{OPEN} !== null")
    page.emulate_media(media="print")
    listed = page.locator(".print-figures")
    assert listed.is_visible()
    assert fig.label in listed.inner_text()
    assert not open_panel(page).is_visible()
