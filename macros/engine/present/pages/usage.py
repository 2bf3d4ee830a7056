"""Which pages use which figures, read from the Markdown sources before the build.

The pages themselves (source path, URL, title) come from the site generator through the
adapter; the engine only reads which keys and macros each page's source mentions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...load.page_source import PageSource

MACRO_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
QUOTED = re.compile(r"""(["'])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\1""")
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


def scan_pages(pages: Mapping[str, PageInfo], sources: Mapping[str, PageSource]) -> Usage:
    """Which keys and macros each of the site's pages mentions."""
    usage = Usage(pages=dict(pages))
    for src in pages:
        usage.keys_by_page[src] = referenced_keys(sources[src].text)
        usage.macros_by_page[src] = called_macros(sources[src].text)
    return usage
