"""Read a Markdown page once: its text, front matter and where the body starts, as MkDocs reads
them (mkdocs.utils.meta.get_data); every failure is a BriefingError, never a traceback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import BriefingError
from .text_file import read_utf8
from .yaml_source import LOADER, check_nesting, syntax_problem

# mkdocs.utils.meta.YAML_RE: a --- line, the YAML, then a --- or ... line
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass(frozen=True)
class PageSource:
    """A page's file as the generator reads it (no byte-order mark, newlines as \\n)."""

    display: str                    # how messages name it: 'docs/campaign.md'
    text: str
    meta: dict = field(default_factory=dict)
    body_line: int = 0              # lines before the body the generator renders

    @property
    def body(self) -> str:
        return "".join(self.text.splitlines(keepends=True)[self.body_line:])


def read_page(path: Path, display: str) -> PageSource:
    """The page; one that is not UTF-8, cannot be read or has invalid front matter names itself."""
    return parse_page(read_utf8(path, display, "page").removeprefix("\ufeff"), display)


def parse_page(text: str, display: str) -> PageSource:
    """Front matter is stripped with the blank lines after it, as MkDocs does; front matter
    that is empty is not front matter for MkDocs, and stays part of the body."""
    match = FRONT_MATTER.match(text)
    meta = _front_matter(match.group(1), display) if match else None
    if not meta:
        return PageSource(display, text)
    body = text[match.end():].lstrip("\n")
    return PageSource(display, text, meta, text.count("\n", 0, len(text) - len(body)))


def _front_matter(yaml_text: str, display: str) -> dict | None:
    try:
        for _ in check_nesting(yaml.parse(yaml_text, Loader=LOADER), display, first_line=2):
            pass
        meta = yaml.load(yaml_text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        problem, line = syntax_problem(error, first_line=2)
        raise BriefingError(
            f"front matter: YAML syntax error: {problem}", file=display, line=line or 1,
            hint="quote a value that contains a colon followed by a space, e.g. "
                 "title: \"About: the site\"") from None
    except yaml.YAMLError as error:
        raise BriefingError(f"front matter: YAML error: {error}", file=display, line=1,
                            hint="write one 'name: value' per line between the --- lines") from None
    except ValueError as error:   # a date that does not exist, such as 2026-02-30
        raise BriefingError(f"front matter: unreadable value ({error})", file=display, line=2,
                            hint="quote the value, or write a date that exists") from None
    if meta is not None and not isinstance(meta, dict):
        raise BriefingError("front matter must be 'name: value' lines", file=display, line=2,
                            hint="write title: and description: between the --- lines")
    return meta


def read_pages(docs_dir: Path, srcs) -> dict[str, PageSource]:
    """Each page of `srcs` (paths under docs_dir) read once."""
    return {src: read_page(docs_dir / src, f"{docs_dir.name}/{src}") for src in srcs}
