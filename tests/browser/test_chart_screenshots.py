"""Chart pages in Chromium, light and dark, desktop and phone: screenshots, fit, legibility.

Screenshots (whole pages and each chart) land in a temporary folder for review (not in the
built site, which other tests compare file by file); run with -s to see the folder.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from tools.pages import nav_url, site_usage

from .support import config

WIDTHS = (1280, 360)
SCHEMES = {"light": "default", "dark": "slate"}
MIN_CONTRAST = 4.5
MIN_PHONE_FONT_PX = 11
CHART_MACRO = re.compile(r"^[a-z]+_chart$")

# For every text in a chart: its colour, the first opaque background behind it, its rendered
# font size, and whether its box stays inside the SVG's viewBox.
READ_TEXTS = """
() => [...document.querySelectorAll('figure.chart svg text')].map(text => {
  let node = text, background = null;
  while (node && !background) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(colour)) background = colour;
    node = node.parentElement;
  }
  const svg = text.ownerSVGElement, box = text.getBBox(), view = svg.viewBox.baseVal;
  return {
    text: text.textContent,
    fill: getComputedStyle(text).fill,
    background: background || 'rgb(255, 255, 255)',
    pixels: parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a,
    inside: box.x >= view.x - 1 && box.x + box.width <= view.x + view.width + 1
            && box.y >= view.y - 1 && box.y + box.height <= view.y + view.height + 1,
  };
})
"""


def chart_pages() -> list[str]:
    """URLs of the pages whose Markdown calls a chart macro."""
    usage = site_usage()
    return sorted(usage.pages[src].url for src, called in usage.macros_by_page.items()
                  if any(CHART_MACRO.match(name) for name in called))


def palette(scheme: str) -> dict:
    """What Material 9 keeps in localStorage under '<scope>.__palette' for a colour scheme."""
    entries = config()["theme"]["palette"]
    index = next(i for i, e in enumerate(entries) if e["scheme"] == SCHEMES[scheme])
    entry = entries[index]
    return {"index": index, "color": {
        "media": entry["media"], "scheme": entry["scheme"],
        "primary": entry["primary"].replace(" ", "-"), "accent": entry["accent"].replace(" ", "-")}}


def rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def contrast(fill: str, background: str) -> float:
    """WCAG contrast ratio of a (possibly translucent) text colour over an opaque background."""
    *fg, alpha = rgba(fill)
    bg = rgba(background)[:3]
    shown = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)]

    def luminance(rgb) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4
                  for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(shown), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chart-screenshots")
    print(f"\nchart screenshots: {folder}")
    return folder


def test_chart_pages_are_found():
    assert {nav_url("Campaign"), nav_url("Timeline")} <= set(chart_pages())


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_charts_fit_and_read_in_both_schemes(browser, site_url, shots, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900})
    key = urlsplit(site_url).path + ".__palette"
    context.add_init_script(
        f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(palette(scheme)))})")
    page = context.new_page()
    try:
        for url in chart_pages():
            page.goto(site_url + url, wait_until="networkidle")
            name = url.strip("/") or "home"
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
            assert page.locator("figure.chart svg[role=img]").count() >= 1, url
            for number, chart in enumerate(page.locator("figure.chart").all(), 1):
                chart.screenshot(path=shots / f"{name}-chart{number}-{width}-{scheme}.png")
            page.evaluate("document.querySelectorAll('details.chart-data')"
                          ".forEach(details => { details.open = true; })")
            page.screenshot(path=shots / f"{name}-{width}-{scheme}.png", full_page=True)
            fit = page.evaluate("[document.documentElement.scrollWidth, "
                                "document.documentElement.clientWidth]")
            assert fit[0] <= fit[1], f"{url} scrolls sideways at {width}px: {fit}"
            for text in page.evaluate(READ_TEXTS):
                ratio = contrast(text["fill"], text["background"])
                assert ratio >= MIN_CONTRAST, f"{url} {scheme}: {text} contrast {ratio:.2f}"
                assert text["inside"], f"{url}: {text['text']!r} is cut off by the chart's edge"
                if width < 400:
                    assert text["pixels"] >= MIN_PHONE_FONT_PX, f"{url}: {text} too small"
    finally:
        context.close()
