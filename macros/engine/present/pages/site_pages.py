"""The site's pages as the generators list them from mkdocs.yml: the nav's pages in order with
the nav's titles, then every other Markdown file, each with the URL the generator writes."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .usage import PageInfo

EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:|^/")


def page_url(src: str, directory_urls: bool = True) -> str:
    """'campaign.md' -> 'campaign/', 'index.md' -> '' ('campaign.html' without directory URLs)."""
    stem = src[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return posixpath.join(stem, "")


def nav_files(items, title: str = "") -> list[tuple[str, str]]:
    """(title, file) for every page file named in mkdocs.yml's nav (not external links)."""
    if isinstance(items, str):
        return [] if EXTERNAL.match(items) else [(title, items)]
    if isinstance(items, dict):
        return [pair for name, value in items.items() for pair in nav_files(value, name)]
    if isinstance(items, list):
        return [pair for item in items for pair in nav_files(item, title)]
    return []


def site_pages(docs_dir: Path, nav, directory_urls: bool = True) -> dict[str, PageInfo]:
    """Every page under docs_dir: those in the nav first, with the nav's titles."""
    pages: dict[str, PageInfo] = {}
    for title, src in nav_files(nav or []):
        if src.endswith(".md"):
            pages.setdefault(src, PageInfo(src, page_url(src, directory_urls), title or src))
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        pages.setdefault(src, PageInfo(src, page_url(src, directory_urls), path.stem))
    return pages
