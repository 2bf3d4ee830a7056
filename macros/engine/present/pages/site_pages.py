"""The site's pages as the generators list them from mkdocs.yml: the nav's pages in order with
the nav's titles, then every other Markdown file, each with the URL the generator writes; and
the nav's own mistakes (a file it names that does not exist, a page it leaves out)."""

from __future__ import annotations

import posixpath
import re
from fnmatch import fnmatch
from pathlib import Path

from ...catalogue import told
from ...errors import BriefingError, did_you_mean
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


def nav_entries(items, title: str = "") -> list[tuple[str, str]]:
    """(title, what it names) for every entry of mkdocs.yml's nav, pages and links."""
    if isinstance(items, str):
        return [(title, items)]
    if isinstance(items, dict):
        return [pair for name, value in items.items() for pair in nav_entries(value, str(name))]
    if isinstance(items, list):
        return [pair for item in items for pair in nav_entries(item, title)]
    return []


def nav_files(items, title: str = "") -> list[tuple[str, str]]:
    """(title, file) for every page file named in mkdocs.yml's nav (not external links)."""
    return [(name, src) for name, src in nav_entries(items, title) if not EXTERNAL.match(src)]


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


def docs_files(docs_dir: Path) -> frozenset[str]:
    """Every file under docs_dir that is not a page, by its path from there."""
    return frozenset(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*")
                     if p.is_file() and p.suffix != ".md")


def check_nav(docs_dir: Path, nav, config_text: str, config_name: str = "mkdocs.yml") -> None:
    """Every entry of the nav is a page of docs/, by its path from there (no other site, no
    file outside docs/), and exists (MkDocs would only warn "A reference to
    'x.md' is included in the 'nav' configuration, which is not found in the documentation
    files", which does not say where or what to do)."""
    lines = config_text.splitlines()
    start = next((n for n, row in enumerate(lines) if re.match(r"^nav\s*:", row)), 0)
    for title, name in nav_entries(nav or []):
        written = re.compile(rf"(^|[\s:'\"{{\[,]){re.escape(name)}\s*['\"]?[\s}}\]]*$")
        line = next((n + 1 for n in range(start, len(lines)) if written.search(lines[n])), None)
        if EXTERNAL.match(name) or ".." in re.split(r"[/\\]", name) or not name.endswith(".md"):
            problem, hint = told("nav-not-a-page", title=title or name, written=f"'{name}'",
                                 docs=docs_dir.name)
            raise BriefingError(problem, file=config_name, line=line, key="nav", hint=hint)
        if (docs_dir / name).is_file():
            continue
        pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
        raise BriefingError(
            f"the nav entry '{title or name}' names {docs_dir.name}/{name}, which does not exist"
            f"{did_you_mean(name, pages)}", file=config_name, line=line, key="nav",
            hint=f"create {docs_dir.name}/{name}, or correct the file name after "
                 f"'{title or name}:' in nav: (paths are relative to {docs_dir.name}/)")


def pages_outside_nav(docs_dir: Path, nav, not_in_nav: str = "") -> list[BriefingError]:
    """A page under docs/ that the nav leaves out (a strict MkDocs build stops on it in its own
    words; `make check` names the page). `not_in_nav` is mkdocs.yml's setting of that name:
    patterns of pages kept out of the navigation on purpose."""
    if not nav:
        return []
    listed = {name for _, name in nav_files(nav)}
    kept_out = not_in_nav.split()
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if src in listed or any(fnmatch(src, p.lstrip("/")) for p in kept_out):
            continue
        problem, hint = told("page-not-in-nav", page=src, title=path.stem.capitalize())
        found.append(BriefingError(problem, hint=hint, file=f"{docs_dir.name}/{src}", line=1))
    return found
