"""The real site's pages as the generators list them (nav order and titles, directory URLs),
for tests and the benchmark before a build. The engine takes pages from the generator instead."""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml

from macros.engine.load.page_source import PageSource, read_pages
from macros.engine.present.pages.usage import PageInfo, Usage, scan_pages

ROOT = Path(__file__).resolve().parents[1]


def page_url(src: str) -> str:
    """Directory-style URL of a Markdown file: 'campaign.md' -> 'campaign/', 'index.md' -> ''."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return posixpath.join(stem, "")


def site_pages(root: Path = ROOT) -> dict[str, PageInfo]:
    """Every page under docs/: those in mkdocs.yml's nav first, with the nav's titles."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    pages: dict[str, PageInfo] = {}

    def walk(items):
        for item in items or ():
            for title, target in (item.items() if isinstance(item, dict) else [(None, item)]):
                if isinstance(target, list):
                    walk(target)
                elif target.endswith(".md"):
                    pages.setdefault(target, PageInfo(target, page_url(target), title or target))

    walk(config.get("nav"))
    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        pages.setdefault(src, PageInfo(src, page_url(src), path.stem))
    return pages


def site_sources(root: Path = ROOT) -> dict[str, PageSource]:
    """Every page of site_pages, read once."""
    return read_pages(root / "docs", site_pages(root))


def site_usage(root: Path = ROOT) -> Usage:
    """Which page uses which figure, as the build finds it."""
    return scan_pages(site_pages(root), site_sources(root))
