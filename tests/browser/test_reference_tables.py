"""The generated reference tables fit a phone: at 360 px each row stacks into labelled lines,
nothing runs off the page sideways, and on a desktop the whole table shows without scrolling."""

from __future__ import annotations

import pytest

from tools.pages import nav_url

# What has changed has no table while the updates log is empty (its stacking is tested in
# test_changes.py on a copy with updates).
PAGES = tuple(map(nav_url, ("Where sources differ", "Sources", "Corrections")))

# Per stacked table: its width, how far it (or Material's scrolling wrapper) scrolls sideways,
# its header row's height, each cell's display and the label its ::before shows.
READ = """
() => [...document.querySelectorAll('article .stack-table table')].map(table => ({
  width: table.getBoundingClientRect().width,
  scroll: Math.max(table.scrollWidth - table.clientWidth, ...[table.closest('.md-typeset__scrollwrap')]
    .filter(Boolean).map(wrap => wrap.scrollWidth - wrap.clientWidth)),
  header: table.querySelector('thead').getBoundingClientRect().height,
  cells: [...table.querySelectorAll('tbody td')].map(td => ({
    display: getComputedStyle(td).display,
    label: getComputedStyle(td, '::before').content,
    expected: td.dataset.label,
  })),
}))
"""


def phone_page(browser, site_url, path: str, width: int, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    return context, page


@pytest.mark.parametrize("path", PAGES)
def test_tables_stack_into_labelled_rows_on_a_phone(browser, site_url, path):
    context, page = phone_page(browser, site_url, path, 360)
    try:
        tables = page.evaluate(READ)
        assert tables, f"no stacked table on {path}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for table in tables:
            assert table["width"] <= 360 and table["scroll"] <= 1
            assert table["header"] <= 1, "the header row is hidden (each cell names its column)"
            for cell in table["cells"]:
                assert cell["display"] == "block"
                assert cell["label"] == f'"{cell["expected"]}: "'
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_tables_show_whole_on_a_desktop(browser, site_url, path):
    context, page = phone_page(browser, site_url, path, 1366)
    try:
        for table in page.evaluate(READ):
            assert table["scroll"] <= 1, f"a table on {path} scrolls sideways"
            assert {cell["display"] for cell in table["cells"]} == {"table-cell"}
    finally:
        context.close()
