"""The colour scheme toggle switches between light and dark, and the choice survives navigation."""

from __future__ import annotations

from .support import config

SCHEMES = {"default": "light", "slate": "dark"}


def toggle_names() -> dict[str, str]:
    """The toggle's label in each scheme, from mkdocs.yml ('default' -> 'Switch to dark mode')."""
    return {p["scheme"]: p["toggle"]["name"] for p in config()["theme"]["palette"]}


def shown_scheme(page) -> tuple[str, float]:
    """The scheme Material applied and the luminance (0-1) of the page background."""
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    rgb = page.evaluate("""() => getComputedStyle(document.body).backgroundColor
        .match(/[\\d.]+/g).slice(0, 3).map(Number)""")
    return scheme, sum(rgb) / (3 * 255)


def switch(page, from_scheme: str) -> None:
    page.locator(f"label[title='{toggle_names()[from_scheme]}']").click()


def test_toggle_switches_scheme_and_the_choice_survives_navigation(open_page):
    assert set(toggle_names()) == set(SCHEMES)
    page = open_page("").page
    scheme, light_background = shown_scheme(page)
    assert scheme == "default" and light_background > 0.9

    switch(page, "default")
    scheme, background = shown_scheme(page)
    assert scheme == "slate" and background < 0.2

    with page.expect_navigation():
        page.locator(".md-nav--primary a.md-nav__link[href$='campaign/']").click()
    assert page.url.endswith("/campaign/")
    scheme, background = shown_scheme(page)
    assert scheme == "slate" and background < 0.2, "dark scheme lost on the next page"

    switch(page, "slate")
    assert shown_scheme(page)[0] == "default"
    page.reload()
    scheme, background = shown_scheme(page)
    assert scheme == "default" and background > 0.9, "light scheme lost on reload"
