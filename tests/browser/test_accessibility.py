"""axe-core finds no violation of any impact on any page, in either colour scheme."""

from __future__ import annotations

import pytest

from tools.pages import nav_url

from .support import page_id, site_pages
from .test_search import search

SCHEMES = ("light", "dark")


# The theme's colour transitions start whenever a script changes a class (the table of
# contents marks the section in view some time after the page loads): a check that waited for
# running transitions could still measure a colour half-way through one that started later.
# Without transitions every colour is at once the one the reader ends up seeing.
SETTLED_COLOURS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def axe_violations(page, axe_script: str) -> list[str]:
    """One line per violation: rule, impact and the first offending elements, measured on the
    colours as they settle (no transitions) once the page's fonts have loaded."""
    page.add_style_tag(content=SETTLED_COLOURS)
    page.add_script_tag(path=axe_script)
    return page.evaluate("""async () => {
        await document.fonts.ready;
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
            v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
    }""")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", site_pages(), ids=page_id)
def test_no_axe_violations(open_page, axe_script, path, scheme):
    page = open_page(path, scheme, wait_until="load").page
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page, axe_script) == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_with_search_results_open(open_page, axe_script, scheme,
                                                    material_search):
    page = open_page("", scheme).page
    search(page, "Qwen")
    assert axe_violations(page, axe_script) == []


PHONE = {"width": 360, "height": 740}
# Where sources differ, Sources and Corrections stack their tables instead
# (test_reference_tables.py).
WIDE_TABLE_PAGES = (nav_url("Data"),)
SETTLED = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].every(b =>
    (b.scrollWidth > b.clientWidth + 1 && b.checkVisibility()) === b.hasAttribute('tabindex'))"""


@pytest.fixture
def phone(browser, site_url):
    """Open a site path at 360 px with touch."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)

    def open_(path: str):
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        page.wait_for_function(SETTLED)
        return page

    yield open_
    context.close()


@pytest.mark.parametrize("path", WIDE_TABLE_PAGES)
def test_wide_tables_on_a_phone_scroll_from_the_keyboard(phone, axe_script, path):
    """At 360 px a shown table wider than the screen is a region with a tab stop and its own
    name (axe's scrollable-region-focusable), and the arrow keys scroll it."""
    page = phone(path)
    assert axe_violations(page, axe_script) == []
    wide = page.locator(".md-typeset__scrollwrap[tabindex='0'][role='region']")
    assert wide.count() >= 1, f"no table wider than {PHONE['width']} px on {path}"
    labels = [wide.nth(i).get_attribute("aria-label") for i in range(wide.count())]
    assert all(label.startswith("Table") for label in labels) and len(set(labels)) == len(labels)
    box = wide.first
    box.focus()
    assert box.evaluate("b => b === document.activeElement && b.scrollLeft === 0")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())


def test_a_chart_data_table_gets_its_tab_stop_when_opened(phone):
    """A wide table in a closed <details> (a chart's data) has no tab stop until it is shown."""
    page = phone(nav_url("Campaign"))
    details = page.locator("details.chart-data").first
    box = details.locator(".md-typeset__scrollwrap")
    assert box.get_attribute("tabindex") is None
    details.locator("summary").click()
    page.wait_for_function(SETTLED)
    assert box.get_attribute("tabindex") == "0"
    details.locator("summary").click()
    page.wait_for_function(SETTLED)
    assert box.get_attribute("tabindex") is None


def test_a_table_that_fits_gets_no_tab_stop(open_page):
    page = open_page(nav_url("Financial context"), wait_until="load").page
    page.wait_for_function(SETTLED)
    assert page.locator(".md-typeset__scrollwrap").count() > 0
    assert page.locator(".md-typeset__scrollwrap[tabindex]").count() == 0
