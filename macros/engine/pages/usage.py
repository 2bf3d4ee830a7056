"""Which pages use which figures: read from the Markdown sources before the build."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..load.page_source import front_matter, read_page

MACRO_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
QUOTED = re.compile(r"""(["'])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\1""")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
HEADING = re.compile(r"^#\s+(.+)$", re.M)
CALLED = re.compile(r"\b([a-z_]+)\s*\(")


@dataclass(frozen=True)
class PageInfo:
    src_path: str
    url: str
    title: str


@dataclass
class Usage:
    """Figure keys referenced in each page's macros, and the pages' URLs and titles."""

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


def page_url(src_path: str) -> str:
    """Directory-style URL of a Markdown file: 'campaign.md' -> 'campaign/'."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def front_matter_lines(text: str) -> int:
    """How many lines the YAML front matter takes (MkDocs strips them before macros run)."""
    match = FRONT_MATTER.match(text)
    return match.group(0).count("\n") if match else 0


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


def page_title(markdown: str, fallback: str) -> str:
    match = FRONT_MATTER.match(markdown)
    if match:
        meta = yaml.safe_load(match.group(1)) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    heading = HEADING.search(markdown)
    return heading.group(1).strip() if heading else fallback


def scan_pages(docs_dir: Path) -> Usage:
    """Read every Markdown page under docs_dir once."""
    usage = Usage()
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        text = read_page(path, f"{docs_dir.name}/{src}")
        front_matter(text, f"{docs_dir.name}/{src}")  # invalid front matter fails here, told clearly
        usage.pages[src] = PageInfo(src, page_url(src), page_title(text, path.stem))
        usage.keys_by_page[src] = referenced_keys(text)
        usage.macros_by_page[src] = called_macros(text)
    return usage
