"""Which pages use which figures, read from the Markdown sources before the build.

The pages themselves (source path, URL, title) come from the site generator through the
adapter; the engine only reads which keys and macros each page's source mentions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..load.page_source import front_matter, read_page

MACRO_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
QUOTED = re.compile(r"""(["'])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\1""")
FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(.*?\n)---\s*\n", re.S)  # MkDocs drops a BOM
CALLED = re.compile(r"\b([a-z_]+)\s*\(")


@dataclass(frozen=True)
class PageInfo:
    """A page as the site generator knows it: its file under docs/, URL and title."""

    src_path: str
    url: str
    title: str


@dataclass
class Usage:
    """Figure keys referenced in each page's macros, and the site's pages."""

    pages: dict[str, PageInfo] = field(default_factory=dict)
    keys_by_page: dict[str, list[str]] = field(default_factory=dict)
    macros_by_page: dict[str, set[str]] = field(default_factory=dict)
    _index: dict[str, list[str]] | None = field(default=None, repr=False)

    def pages_using(self, key: str) -> list[PageInfo]:
        return [self.pages[src] for src in self._pages_by_key().get(key, ())]

    def _pages_by_key(self) -> dict[str, list[str]]:
        """Index from key to pages, built on first use (keys_by_page is complete by then)."""
        if self._index is None:
            self._index = {}
            for src, keys in self.keys_by_page.items():
                for key in keys:
                    self._index.setdefault(key, []).append(src)
        return self._index

    def used_keys(self) -> set[str]:
        return {key for keys in self.keys_by_page.values() for key in keys}


def body_start(text: str) -> int:
    """Lines before the page body that the generator renders: front matter and the blank
    lines after it (both MkDocs and Zensical strip them before the template pass)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return 0
    rest = text[match.end():]
    return match.group(0).count("\n") + len(rest) - len(rest.lstrip("\n"))


def referenced_keys(markdown: str) -> list[str]:
    """Dotted keys quoted inside {{ }} and {% %} blocks, in order of first use."""
    keys: list[str] = []
    for block in MACRO_BLOCK.findall(markdown):
        for _, key in QUOTED.findall(block):
            if key not in keys:
                keys.append(key)
    return keys


def called_macros(markdown: str) -> set[str]:
    """Names of the functions called inside {{ }} and {% %} blocks."""
    return {name for block in MACRO_BLOCK.findall(markdown) for name in CALLED.findall(block)}


def scan_pages(docs_dir: Path, pages: Mapping[str, PageInfo]) -> Usage:
    """Read each of the site's pages once."""
    usage = Usage(pages=dict(pages))
    for src in pages:
        text = read_page(docs_dir / src, f"{docs_dir.name}/{src}")
        front_matter(text, f"{docs_dir.name}/{src}")  # invalid front matter fails here, told clearly
        usage.keys_by_page[src] = referenced_keys(text)
        usage.macros_by_page[src] = called_macros(text)
    return usage


def check_readable(docs_dir: Path) -> None:
    """Every Markdown file under docs_dir is UTF-8 text with valid front matter (checked before
    the generator reads the pages, which would stop on such a file with a traceback)."""
    for path in sorted(docs_dir.rglob("*.md")):
        display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        front_matter(read_page(path, display), display)
