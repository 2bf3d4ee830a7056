"""The real site's pages as the generators list them (nav order and titles, directory URLs),
for tests and the benchmark before a build. The engine takes pages from the generator instead."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.engine.config import BriefingConfig
from macros.engine.load.page_source import PageSource, read_pages
from macros.engine.present.pages.site_pages import site_pages as pages_of
from macros.engine.present.pages.usage import PageInfo, Usage, scan_pages
from macros.engine.site import Site

ROOT = Path(__file__).resolve().parents[1]


def site_pages(root: Path = ROOT) -> dict[str, PageInfo]:
    """Every page under docs/: those in mkdocs.yml's nav first, with the nav's titles."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return pages_of(root / "docs", config.get("nav"))


def nav_url(title: str, root: Path = ROOT) -> str:
    """The built address ('financial/', '' for home) of the page titled `title` in the nav, so
    tests find pages as readers do and a renamed file needs no edit in them."""
    urls = {info.title: info.url for info in site_pages(root).values()}
    if title not in urls:
        raise LookupError(f"no page titled {title!r} in the nav of {root / 'mkdocs.yml'}: "
                       f"{sorted(urls)}")
    return urls[title]


def site_sources(root: Path = ROOT) -> dict[str, PageSource]:
    """Every page of site_pages, read once."""
    return read_pages(root / "docs", site_pages(root))


def site_usage(root: Path = ROOT) -> Usage:
    """Which page uses which figure, as the build finds it."""
    return scan_pages(site_pages(root), site_sources(root))


def site_for(project: Path = ROOT) -> Site:
    """The engine's object for a whole project (data, pages, macros), as a build starts."""
    return Site(project, project / "docs", BriefingConfig(), site_pages(project),
                site_sources(project))
