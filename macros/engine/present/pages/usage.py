"""Which pages use which figures, read from the Markdown sources before the build.

The pages themselves (source path, URL, title) come from the site generator through the
adapter; the engine only reads which keys and macros each page's source mentions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ...load.page_source import PageSource
from .code import RAW

MACRO_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
QUOTED = re.compile(r"""(["'])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\1""")
CALLED = re.compile(r"\b([a-z_]+)\s*\(")
CONFLICT_CALL = re.compile(r"""\bconflict\s*\(\s*(["'])([^"'\n]+)\1""")
# What a page's reader never sees: Jinja comments, raw blocks (shown as code, not run) and
# HTML comments (run, but hidden in the page).
NOT_SHOWN = re.compile(rf"\{{#.*?#\}}|{RAW.pattern}|<!--.*?-->", re.S)


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
    conflicts_by_page: dict[str, set[str]] = field(default_factory=dict)  # conflict("id") calls

    def pages_using(self, key: str) -> list[PageInfo]:
        return [self.pages[src] for src in self._pages_by_key.get(key, ())]

    @cached_property
    def _pages_by_key(self) -> dict[str, list[str]]:
        """Index from key to pages, built on first use (keys_by_page is complete by then)."""
        index: dict[str, list[str]] = {}
        for src, keys in self.keys_by_page.items():
            for key in keys:
                index.setdefault(key, []).append(src)
        return index

    def used_keys(self) -> set[str]:
        return {key for keys in self.keys_by_page.values() for key in keys}


def shown_template(markdown: str) -> str:
    """The page's template without what its reader never sees (NOT_SHOWN), line count kept:
    a macro call there shows nothing, so it does not count as showing a figure."""
    return NOT_SHOWN.sub(lambda match: "\n" * match.group(0).count("\n"), markdown)


def scan_pages(pages: Mapping[str, PageInfo], sources: Mapping[str, PageSource]) -> Usage:
    """Which keys (dotted, quoted, in order of first use), macros and conflicts each of the
    site's pages shows inside its {{ }} and {% %} blocks."""
    usage = Usage(pages=dict(pages))
    for src in pages:
        blocks = MACRO_BLOCK.findall(shown_template(sources[src].text))
        usage.keys_by_page[src] = list(dict.fromkeys(
            key for block in blocks for _, key in QUOTED.findall(block)))
        usage.macros_by_page[src] = {name for block in blocks for name in CALLED.findall(block)}
        usage.conflicts_by_page[src] = {conflict_id for block in blocks
                                        for _, conflict_id in CONFLICT_CALL.findall(block)}
    return usage
