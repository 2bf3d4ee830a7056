"""Python-Markdown extensions of this site (added by the MkDocs adapter, listed in
mkdocs.zensical.yml for Zensical)."""

from __future__ import annotations

from .raw_html import RawHtmlExtension
from .time_limit import TimeLimitExtension


def add_to(extensions: list) -> None:
    """Add the site's extensions to MkDocs' list of Markdown extensions (each once)."""
    for kind in (RawHtmlExtension, TimeLimitExtension):
        if not any(isinstance(e, kind) for e in extensions):
            extensions.append(kind())
