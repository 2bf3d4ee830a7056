"""Read a Markdown page and its front matter; every failure is a BriefingError, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import BriefingError
from .text_file import read_utf8
from .yaml_source import LOADER, syntax_problem

FRONT_MATTER = re.compile(r"\A(\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)


def read_page(path: Path, display: str) -> str:
    """The page's text; a page that is not UTF-8 or cannot be read names itself."""
    return read_utf8(path, display, "page")


def front_matter(text: str, display: str) -> dict:
    """The page's front matter as a mapping ({} without one); invalid YAML names its line."""
    match = FRONT_MATTER.match(text)
    if not match or not match.group(2):
        return {}
    body = match.group(2)
    try:
        meta = yaml.load(body, Loader=LOADER)  # noqa: S506 (a safe loader)
    except yaml.MarkedYAMLError as error:
        problem, line = syntax_problem(error, first_line=2)
        raise BriefingError(
            f"front matter: YAML syntax error: {problem}", file=display, line=line or 1,
            hint="quote a value that contains a colon followed by a space, e.g. "
                 "title: \"About: the site\"") from None
    except yaml.YAMLError as error:
        raise BriefingError(f"front matter: YAML error: {error}", file=display, line=1,
                            hint="write one 'name: value' per line between the --- lines") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise BriefingError("front matter must be 'name: value' lines", file=display, line=2,
                            hint="write title: and description: between the --- lines")
    return meta
