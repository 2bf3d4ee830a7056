"""Links between pages, told with file and line.

A Markdown link to a page that does not exist fails before rendering. The site generator checks
the rest (anchors, other files, the navigation) in its own words; CONTRIBUTING explains them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from urllib.parse import unquote

from ...catalogue import told
from ...errors import BriefingError, did_you_mean
from .code import without_code

LINK = re.compile(r"\]\(\s*<?([^()\s<>]+?\.md)(?:#[^()\s<>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def check_links(markdown: str, page: str, pages: Collection[str]) -> None:
    """Fail on the first link to a .md file that is not among `pages` (paths under docs/)."""
    src = page.split("/", 1)[-1]
    base = posixpath.dirname(src)
    for match in LINK.finditer(without_code(markdown)):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(base, unquote(target)))
        if resolved not in pages:
            problem, hint = told("no-such-page", target=target,
                                 suggestion=did_you_mean(resolved, pages))
            raise BriefingError(problem, file=page, line=markdown.count("\n", 0, match.start()) + 1,
                                key=target, hint=hint)
