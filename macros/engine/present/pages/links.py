"""Links between pages, told with file and line.

A Markdown link or image to a page or file that the site does not publish fails before
rendering: a page that does not exist, a file outside docs/ (`../mkdocs.yml`), a file MkDocs
leaves out (a name starting with a dot, templates/), a `file:` or script address, or an image
from another site (the site makes no third-party request); in raw HTML, a `file:` or script
address and a `src` from another site (its relative addresses are the page address's, left to
the generator). The site generator checks the rest
(anchors, the navigation) in its own words; CONTRIBUTING explains them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from urllib.parse import unquote

from ...catalogue import told
from ...errors import BriefingError, did_you_mean
from .code import without_code

# The target of an inline link or image, `](target "title")`, and of a reference definition
# (not a footnote's, `[^label]: text`).
TARGET = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?((?:[^()\s<>]|\([^()\s<>]*\))+)>?"
                    r"(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)"
                    r"|^( {0,3})\[(?!\^)[^\]\n]+\]:[ \t]*<?([^\s<>]+)>?", re.M)
# A reference that shows an image: ![text][label], ![label][] or ![label].
IMAGE_REFERENCE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\]|(?![(\[]))")
# An address in raw HTML: what the browser loads (src) or opens (href). A search from a tag's
# '<' stops at the next one (a '<' inside the tag starts a search of its own), so thousands of
# unclosed tags take no longer than the page.
HTML_ADDRESS = re.compile(r"<[a-zA-Z](?:[^<>]|<(?![a-zA-Z]))*?\s(src|href)\s*=\s*[\"']([^\"'>]*)[\"']",
                          re.I)
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
WEB = {"http", "https", "mailto", "tel"}


def check_links(markdown: str, page: str, pages: Collection[str],
                files: Collection[str] | None = None) -> None:
    """Fail on the first link to what the site does not publish: a .md file not among `pages`
    (paths under docs/), or, given `files` (the other files under docs/), a file not among
    them."""
    src = page.split("/", 1)[-1]
    base = posixpath.dirname(src)
    text = without_code(markdown)
    images = {(m.group(2) or m.group(1)).lower() for m in IMAGE_REFERENCE.finditer(text)}
    found = [(m.start(), m.group(2) or m.group(4), m.group(1) == "!" or (
        m.group(4) is not None and _label(m.group(0)) in images), True)
        for m in TARGET.finditer(text)]
    # raw HTML keeps relative addresses as written (relative to the page's address)
    found += [(m.start(), m.group(2), m.group(1).lower() == "src", False)
              for m in HTML_ADDRESS.finditer(text)]
    for start, target, image, markdown_link in sorted(found):
        path = target.split("#", 1)[0]
        shown = path if path.endswith(".md") else target   # a page's link without its anchor
        why = _refused(target, shown, image, base, pages, files if markdown_link else None,
                       markdown_link)
        if why:
            problem, hint = why
            raise BriefingError(problem, file=page, line=markdown.count("\n", 0, start) + 1,
                                key=shown, hint=hint)


def _label(definition: str) -> str:
    """The label of a reference definition `[label]: target`, as references match it."""
    return definition.strip()[1:].split("]", 1)[0].lower()


def _refused(target: str, shown: str, image: bool, base: str, pages: Collection[str],
             files: Collection[str] | None, relative: bool = True) -> tuple[str, str] | None:
    """(problem, hint) when `target` (told as `shown`), linked from the folder `base` of docs/,
    is refused (`relative`: a path is one from the page's file, as Markdown links are)."""
    if "{{" in target or "{%" in target or target.startswith("#"):
        return None
    scheme = SCHEME.match(target)
    if scheme or target.startswith("//"):
        name = scheme.group(1).lower() if scheme else "https"
        if name not in WEB:
            return told("link-not-published", target=shown,
                        why=f"a {name}: address, which a browser does not open from a web page")
        if image and name in ("http", "https"):
            return told("link-not-published", target=shown,
                        why="loaded from another site, which every reader's browser would ask")
        return None
    if not relative:
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if path.startswith("/"):
        return told("link-not-published", target=shown,
                    why="a path from the server's root, which the generator does not check or "
                        "rewrite")
    resolved = posixpath.normpath(posixpath.join(base, path))
    if resolved == ".." or resolved.startswith("../"):
        return told("link-not-published", target=shown,
                    why="it is outside docs/, and only docs/ is published")
    if path.endswith(".md"):
        if resolved not in pages:
            return told("no-such-page", target=shown, suggestion=did_you_mean(resolved, pages))
        return None
    if files is None or not path or path.endswith("/"):
        return None
    if any(part.startswith(".") for part in resolved.split("/")) \
            or resolved.startswith("templates/"):
        return told("link-not-published", target=shown,
                    why="MkDocs does not publish a file whose name starts with a dot, nor "
                        "templates/")
    if resolved not in files:
        return told("link-not-published", target=shown,
                    why=f"no such file under docs/{did_you_mean(resolved, files)}")
    return None
