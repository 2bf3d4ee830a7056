"""The evidence panel keeps the reader's place: on a phone it is a bottom sheet of at most 45% of
the screen, over a dimmed page, with the tapped figure in view above it; it has a close button;
a tap beside it, Escape and a second tap close it, and focus goes back to the figure. Its links
are tab stops only once the reader opens it (a keyboard preview adds none), and every figure and
citation marker is a target of at least 24 x 24 CSS px. Phone (390 px, touch) and desktop
(1366 px), light and dark, both generators."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tools.pages import nav_url

from .support import page_id, site_pages
from .test_accessibility import SETTLED, axe_violations

PAGE = nav_url("Campaign")
OPEN = "document.querySelector(':popover-open')?.id ?? null"
SCREENS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    "desktop": {"viewport": {"width": 1366, "height": 800}},
}
SHEET_SHARE = 0.45
# Tab stops on Campaign before panels became inert: 181 under MkDocs, 180 under Zensical, 84 of
# them links in panels that keyboard focus had opened. Counted at 1366 px, light, as tab_stops
# does (Tab from the top of the page, distinct focused elements until focus leaves the page).
TAB_STOPS_BEFORE = 180
INVOKERS = "article button[popovertarget]:not(.fp-close)"
IN_VIEW = """b => {
    const p = document.getElementById(b.getAttribute('popovertarget'));
    const f = b.getBoundingClientRect(), s = p.getBoundingClientRect();
    const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const apart = f.bottom <= s.top || f.top >= s.bottom || f.right <= s.left || f.left >= s.right;
    // one CSS pixel of slack: scrollIntoView rounds a fractional box to the viewport's edge
    return p.matches(':popover-open') && apart && f.top >= top - 1 && f.bottom <= innerHeight + 1
        && f.left >= -1 && f.right <= innerWidth + 1;
}"""
NEXT_STOP = """() => {
    const a = document.activeElement, seen = (window.tabStopsSeen ??= new Set());
    if (!a || a === document.body || seen.has(a)) return null;
    seen.add(a);
    return {inPanel: !!a.closest('.fig-panel'), figure: a.matches('button[popovertarget]')};
}"""


@dataclass
class Screen:
    page: object
    kind: str
    scheme: str

    @property
    def phone(self) -> bool:
        return self.kind == "phone"

    def press(self, target) -> None:
        """A tap on the phone, a click on the desktop."""
        target.tap() if self.phone else target.click()


@pytest.fixture(params=[(kind, scheme) for kind in SCREENS for scheme in ("light", "dark")],
                ids="-".join)
def screen(request, browser, site_url):
    kind, scheme = request.param
    context = browser.new_context(color_scheme=scheme, **SCREENS[kind])
    page = context.new_page()
    page.set_default_timeout(5000)
    page.goto(site_url + PAGE, wait_until="networkidle")
    yield Screen(page, kind, scheme)
    context.close()


def panel_of(page, button):
    return page.locator(f"[id='{button.get_attribute('popovertarget')}']")


def wait_open(page, button) -> None:
    page.wait_for_function(f"{OPEN} === {button.get_attribute('popovertarget')!r}")


def wait_closed(page) -> None:
    page.wait_for_function(f"{OPEN} === null")


def shown(page, selector: str) -> list:
    """The buttons a reader can see (not in a closed <details> or an unselected tab)."""
    found = page.locator(selector)
    return [found.nth(i) for i in range(found.count())
            if found.nth(i).evaluate("b => b.checkVisibility()")]


def tab_stops(page) -> list[dict]:
    """Press Tab from the top until focus leaves the page or comes round again."""
    stops = []
    for _ in range(2 * TAB_STOPS_BEFORE):
        page.keyboard.press("Tab")
        stop = page.evaluate(NEXT_STOP)
        if stop is None:
            return stops
        stops.append(stop)
    raise AssertionError(f"Tab never left the page in {2 * TAB_STOPS_BEFORE} presses")


def test_the_pressed_figure_stays_in_view_beside_its_panel(screen):
    """Each target starts at the bottom of the screen, where a phone's sheet would cover it."""
    page = screen.page
    figures, cites = shown(page, "article button.fig"), shown(page, "article button.cite")
    for button in (figures[0], cites[0], figures[-1], cites[-1]):
        button.evaluate("b => b.scrollIntoView({block: 'end'})")
        url = page.url
        screen.press(button)
        page.wait_for_function(IN_VIEW, arg=button.element_handle())
        if screen.phone:
            share = panel_of(page, button).bounding_box()["height"] / page.viewport_size["height"]
            assert share <= SHEET_SHARE + 0.001
        assert page.url == url
        page.keyboard.press("Escape")
        wait_closed(page)


def test_the_close_button_and_a_tap_beside_close_the_panel(screen):
    page = screen.page
    figures = shown(page, "article button.fig")
    button, other = figures[1], figures[0]
    button.evaluate("b => b.scrollIntoView({block: 'center'})")
    url = page.url
    screen.press(button)
    page.wait_for_function(IN_VIEW, arg=button.element_handle())
    close = panel_of(page, button).get_by_role("button", name="Close sources")
    box = close.bounding_box()
    assert close.is_visible() and box["width"] >= 24 and box["height"] >= 24
    screen.press(close)
    wait_closed(page)
    assert button.evaluate("b => b === document.activeElement")
    screen.press(button)
    page.wait_for_function(IN_VIEW, arg=button.element_handle())
    screen.press(other)
    if screen.phone:
        wait_closed(page)
    else:
        wait_open(page, other)
    assert page.url == url


def test_the_sheet_dims_the_page_and_the_panel_stands_apart(screen):
    page = screen.page
    button = shown(page, "article button.fig")[0]
    screen.press(button)
    wait_open(page, button)
    backdrop, surface, ground = panel_of(page, button).evaluate("""p => [
        getComputedStyle(p, '::backdrop').backgroundColor, getComputedStyle(p).backgroundColor,
        getComputedStyle(document.body).backgroundColor]""")
    if screen.phone:
        alpha = re.fullmatch(r"rgba\(\d+, \d+, \d+, ([\d.]+)\)", backdrop)
        assert alpha and float(alpha[1]) >= 0.2, f"backdrop {backdrop} does not dim the page"
    if screen.scheme == "dark":
        assert surface != ground, "the panel has the page's own colour"


def test_a_second_press_and_escape_close_and_the_url_never_changes(screen):
    page = screen.page
    button = shown(page, "article button.cite")[0]
    url, entries = page.url, page.evaluate("history.length")
    screen.press(button)
    wait_open(page, button)
    screen.press(button)
    wait_closed(page)
    screen.press(button)
    wait_open(page, button)
    page.keyboard.press("Escape")
    wait_closed(page)
    assert button.evaluate("b => b === document.activeElement")
    assert page.url == url and page.evaluate("history.length") == entries


def test_keyboard_opens_a_panel_for_real_only_on_enter_and_escape_returns_focus(screen):
    page = screen.page
    for _ in range(TAB_STOPS_BEFORE):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article button.fig')"):
            break
    button = page.locator("article button.fig:focus")
    panel = panel_of(page, button)
    wait_open(page, button)
    assert panel.evaluate("p => p.inert"), "a focus preview must add no tab stops"
    page.keyboard.press("Enter")
    page.wait_for_function("p => p.matches(':popover-open') && !p.inert", arg=panel.element_handle())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.fig-panel')?.id") == panel.get_attribute("id")
    page.keyboard.press("Escape")
    wait_closed(page)
    assert button.evaluate("b => b === document.activeElement")


def test_no_panel_link_is_a_tab_stop_until_its_panel_is_opened(screen):
    stops = tab_stops(screen.page)
    assert any(stop["figure"] for stop in stops)
    assert not [stop for stop in stops if stop["inPanel"]]
    if screen.kind == "desktop":
        assert len(stops) <= TAB_STOPS_BEFORE // 2, f"{len(stops)} tab stops on {PAGE}"


@pytest.fixture(scope="module", params=site_pages(), ids=page_id)
def each_page(request, browser, site_url):
    context = browser.new_context(**SCREENS["phone"])
    page = context.new_page()
    page.goto(site_url + request.param, wait_until="load")
    yield page
    context.close()


def test_every_figure_and_citation_marker_is_a_24_px_target(each_page):
    small = each_page.evaluate(f"""[...document.querySelectorAll('{INVOKERS}')]
        .filter(b => b.checkVisibility())
        .map(b => [b.textContent, b.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([text, r]) => `${{text}}: ${{r.width}} x ${{r.height}}`)""")
    assert small == []


@pytest.mark.parametrize("kind", SCREENS)
@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_no_axe_violations_with_a_sheet_or_panel_open(browser, site_url, axe_script, kind, scheme):
    context = browser.new_context(color_scheme=scheme, **SCREENS[kind])
    page = context.new_page()
    page.goto(site_url + PAGE, wait_until="load")
    page.wait_for_function(SETTLED)
    screen = Screen(page, kind, scheme)
    for button in (shown(page, "article button.fig")[0], shown(page, "article button.cite")[0]):
        screen.press(button)
        page.wait_for_function(IN_VIEW, arg=button.element_handle())
        assert axe_violations(page, axe_script) == [], button.text_content()
        page.keyboard.press("Escape")
        wait_closed(page)
    context.close()
