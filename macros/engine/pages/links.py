"""Links between pages, told with file and line.

A Markdown link to a page that does not exist fails before rendering. MkDocs checks the rest
(anchors, other files, the navigation) after rendering, without line numbers: its warnings are
retold here in the engine's form.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import unquote

from ..errors import BriefingError, did_you_mean

CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`", re.S | re.M)
LINK = re.compile(r"\]\(\s*<?([^()\s<>]+?\.md)(?:#[^()\s<>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def _without_code(markdown: str) -> str:
    """The text with code blanked out, keeping every offset and line break."""
    return CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


def check_links(markdown: str, page: str, pages: Collection[str]) -> None:
    """Fail on the first link to a .md file that is not among `pages` (paths under docs/)."""
    src = page.split("/", 1)[-1]
    base = posixpath.dirname(src)
    for match in LINK.finditer(_without_code(markdown)):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(base, unquote(target)))
        if resolved not in pages:
            raise BriefingError(
                f"link to '{target}': no such page{did_you_mean(resolved, pages)}",
                file=page, line=markdown.count("\n", 0, match.start()) + 1, key=target,
                hint="link to a Markdown file under docs/ by its path from this page, "
                     "e.g. [the campaign](campaign.md)")


ANCHOR = re.compile(r"Doc file '(?P<page>.+?)' contains a link '(?P<link>.+?)', but (?:the doc "
                    r"'(?P<doc>.+?)' does not contain an anchor '(?P<anchor>#.+?)'|there is no "
                    r"such anchor on this page)")
MISSING = re.compile(r"Doc file '(?P<page>.+?)' contains a link '(?P<link>.+?)', but the target"
                     r".*? is not found")
LEFT_AS_IS = re.compile(r"Doc file '(?P<page>.+?)' contains an? (?P<what>[a-z ]+) link "
                        r"'(?P<link>.+?)', it was left as is")
NAV = re.compile(r'The following pages exist in the docs directory, but are not included in '
                 r'the "nav" configuration:(?P<pages>(?:\s+- .+)+)')
ANCHOR_HINT = ("link to a heading that exists: its anchor is the heading in lowercase with "
               "hyphens for spaces (the ¶ sign beside a heading in the preview links to it), "
               "or drop the #part")
PAGE_HINT = "link to a page under docs/ by its .md file, e.g. [the campaign](campaign.md)"
MISSING_HINT = ("check the path, which is relative to this page's file under docs/ "
                "(pages are linked by their .md file, e.g. campaign.md)")


def explain_warning(message: str, docs_dir: Path) -> str | None:
    """MkDocs' own link and navigation warnings told as file:line: key: problem + How to fix."""
    if match := NAV.match(message):
        pages = ", ".join(f"{docs_dir.name}/{p.strip()[2:]}"
                          for p in match["pages"].strip().splitlines())
        return str(BriefingError(
            "not in the navigation", file=pages,
            hint="add it under 'nav:' in mkdocs.yml (e.g. '  - Its title: page.md'), or delete it"))
    for pattern in (ANCHOR, MISSING, LEFT_AS_IS):
        if match := pattern.match(message):
            break
    else:
        return None
    if pattern is ANCHOR:
        where = f"the page {match['doc']}" if match["doc"] else "this page"
        problem, hint = f"{where} has no anchor '{match['anchor'] or match['link']}'", ANCHOR_HINT
    elif pattern is MISSING:
        problem, hint = "link to a file that does not exist", MISSING_HINT
    else:
        problem, hint = f"{match['what']} link", PAGE_HINT
    page = match["page"]
    return str(BriefingError(problem, file=f"{docs_dir.name}/{page}", key=match["link"],
                             line=_line_of_link(docs_dir / page, match["link"]), hint=hint))


def _line_of_link(path: Path, link: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    index = text.find(f"({link}")
    index = index if index >= 0 else text.find(link)
    return text.count("\n", 0, index) + 1 if index >= 0 else None
