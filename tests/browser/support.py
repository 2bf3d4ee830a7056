"""What the browser tests share: the pages to visit, the tool paths, skipping or failing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from macros.engine.present.pages.site_pages import page_url
from tools.browser import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MAKE_TEST_HINT = "`make test` installs it (npm ci from package-lock.json)"
SKIP_REASONS: set[str] = set()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, missing: str) -> None:
    """Skip outside CI when a tool is missing; under CI=true a missing tool is a failure."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{missing} (CI=true: these tests must run)")
    SKIP_REASONS.add(missing)
    pytest.skip(missing)


def require_chromium() -> None:
    require(CHROMIUM.exists(),
            f"Chromium not found at {CHROMIUM}: `apt-get install chromium` enables the browser tests")


def require_java() -> None:
    require(shutil.which("java") is not None, "Java not found: `apt-get install default-jre-headless`"
            " enables the HTML checker")


def site_pages() -> list[str]:
    """The URL of every page in docs/, known before the build (for parametrising)."""
    docs = ROOT / "docs"
    return sorted(page_url(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md"))


def page_id(url: str) -> str:
    """A readable test id for a page URL ('' is the home page)."""
    return url or "home"


def config() -> dict:
    """mkdocs.yml as plain data (its !!python tags, if any, are not needed here)."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
