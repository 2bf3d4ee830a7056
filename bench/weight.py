"""Page weight: every file a first view of a page fetches, raw and gzipped, by type."""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.browser import CHROMIUM, CHROMIUM_ARGS, serve

TYPES = {".html": "HTML", ".css": "CSS", ".js": "JS", ".svg": "SVG"}
SEARCH = "search (after load)"
RENDER = "render path"


def kind_of(path: Path) -> str:
    """The type row of a file; Material's search worker and index load once the page is up."""
    if "workers" in path.parts or path.name == "search_index.json":
        return SEARCH
    return TYPES.get(path.suffix, "other")


def _local_file(site: Path, url: str) -> Path:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


def fetched_files(site: Path, pages: list[str]) -> dict[str, list[Path]]:
    """For each page URL, the site files a fresh browser fetches until the network is idle."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[Path]] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for page_url in pages:
            context = browser.new_context()
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r, urls=urls: urls.append(r.url))
            page.goto(base + page_url, wait_until="networkidle")
            context.close()
            files = [_local_file(site, u) for u in urls if u.startswith(base)]
            out[page_url] = list(dict.fromkeys(f for f in files if f.is_file()))
        browser.close()
    return out


def weigh(files: list[Path]) -> dict[str, dict[str, int]]:
    """Bytes per type, raw and gzipped (level 6, as a static host serves them); the render path
    (everything but search) and the total. Images are counted as they are ("other")."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: {"raw": 0, "gzip": 0})
    for path in files:
        data = path.read_bytes()
        kind = kind_of(path)
        packed = len(gzip.compress(data, 6)) if kind != "other" else len(data)
        rows = (kind, "total") if kind == SEARCH else (kind, RENDER, "total")
        for row in rows:
            table[row]["raw"] += len(data)
            table[row]["gzip"] += packed
    return dict(table)


def inline_svg_bytes(html_file: Path) -> int:
    """Bytes of inline <svg> markup in a page (already counted in its HTML)."""
    html = html_file.read_text(encoding="utf-8")
    total, start = 0, html.find("<svg")
    while start >= 0:
        end = html.find("</svg>", start)
        total += end + len("</svg>") - start
        start = html.find("<svg", end)
    return total


def heaviest_page(site: Path) -> str:
    """URL of the page with the largest HTML file (the shared CSS and JS are the same for all)."""
    pages = [p for p in site.rglob("index.html") if p.parent != site / "search"]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    relative = biggest.parent.relative_to(site).as_posix()
    return "" if relative == "." else relative + "/"


def page_weights(site: Path) -> dict:
    pages = ["", heaviest_page(site)]
    fetched = fetched_files(site, pages)
    return {(url or "/"): {"types": weigh(files), "files": len(files),
                           "inline_svg_raw": inline_svg_bytes(_local_file(site, "/" + url))}
            for url, files in fetched.items()}
