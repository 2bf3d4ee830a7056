"""Fixtures for the browser tests: one server and one Chromium per session, a fresh page per test."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tools.browser import CHROMIUM, CHROMIUM_ARGS, serve

from .support import AXE, MAKE_TEST_HINT, SKIP_REASONS, page_id, require, require_chromium, site_pages


def pytest_collection_modifyitems(items) -> None:
    """Every test that drives the browser carries the `browser` marker."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Skips for a missing tool all point at this folder, so the summary folds them into one
    line ("SKIPPED [n] tests/browser: Chromium not found ...")."""
    report = (yield).get_result()
    if report.skipped and isinstance(report.longrepr, tuple) \
            and report.longrepr[2].removeprefix("Skipped: ") in SKIP_REASONS:
        report.longrepr = (os.path.relpath(Path(__file__).parent), None, report.longrepr[2])


GENERATORS = ("mkdocs", "zensical")


@pytest.fixture(scope="session", params=GENERATORS)
def generator(request) -> str:
    """Each browser test runs on both outputs: MkDocs + Material's and Zensical's."""
    return request.param


@pytest.fixture
def material_search(generator) -> None:
    """Tests of Material's search interface; Zensical's search is a different interface."""
    if generator != "mkdocs":
        pytest.skip("Material's search interface only (Zensical has its own)")


@pytest.fixture(scope="session")
def site_url(request, generator) -> str:
    built = request.getfixturevalue("built_site" if generator == "mkdocs" else "built_zensical")
    with serve(built.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page with everything it logged and requested since it opened."""

    page: object
    origin: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to any host other than the local server (data: URLs excepted)."""
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob")
                and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != self.origin]


def _open(browser, site_url: str, path: str, scheme: str,
          wait_until: str = "networkidle") -> tuple[object, Watched]:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    parts = urlsplit(site_url)
    watched = Watched(context.new_page(), f"{parts.scheme}://{parts.netloc}")
    watched.page.on("console",
                    lambda m: m.type == "error" and watched.console_errors.append(m.text))
    watched.page.on("pageerror", lambda e: watched.page_errors.append(str(e)))
    watched.page.on("request", lambda r: watched.requests.append(r.url))
    response = watched.page.goto(site_url + path, wait_until=wait_until)
    watched.status = response.status if response else None
    return context, watched


@pytest.fixture
def open_page(browser, site_url):
    """Open a site path in a fresh context (no stored colour scheme) that records what it does."""
    contexts = []

    def open_(path: str = "", scheme: str = "light", wait_until: str = "networkidle") -> Watched:
        context, watched = _open(browser, site_url, path, scheme, wait_until)
        contexts.append(context)
        return watched

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module", params=site_pages(), ids=page_id)
def visited(request, browser, site_url) -> Watched:
    """Each page of the site, opened once per test module (tests must not navigate away)."""
    context, watched = _open(browser, site_url, request.param, "light")
    yield watched
    context.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    require(AXE.exists(), f"axe-core not found at {AXE}: {MAKE_TEST_HINT}")
    return str(AXE)
