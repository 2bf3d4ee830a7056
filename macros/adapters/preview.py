"""MkDocs hook (mkdocs.yml `hooks:`): what `mkdocs serve` needs from the MkDocs adapter.

MkDocs keeps a hook with `on_startup` for the whole process and calls on_startup once, with the
command, before the first build; `serving` is that command, the one fact a build cannot read
from its configuration. Under `serve` the adapter shows a mistake in the browser instead of
failing the build: a failed rebuild leaves MkDocs' live-reload server waiting for a good one,
and every page request hangs until then. mkdocs.yml's `watch:` makes MkDocs rebuild when
data/ or macros/ change.
"""

from __future__ import annotations

serving = False


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_page_read_source(page, config) -> str | None:
    """Under `serve`, a page MkDocs cannot read (not UTF-8, unreadable) is read as empty
    instead of stopping the rebuild; the adapter's check names the page, and every page shows
    the message. `mkdocs build` reads pages as usual (and the adapter fails first)."""
    if not serving:
        return None
    try:
        with open(page.file.abs_src_path, encoding="utf-8-sig", errors="strict") as source:
            source.read()
    except (OSError, UnicodeDecodeError, TypeError):
        return ""
    return None


def on_page_context(context, page, config, nav):
    """Under `serve`, the build's mistakes for the theme's banner on every other page
    (overrides/main.html): MkDocs renders the theme after every page's Markdown."""
    build = getattr(config.plugins.get("macros"), "briefing_build", None)
    if serving and build is not None:
        context["briefing_errors"] = [message.splitlines()[0] for message in build.errors]
    return context
