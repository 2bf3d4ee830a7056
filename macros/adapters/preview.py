"""MkDocs hook (mkdocs.yml `hooks:`): tells the MkDocs adapter that `mkdocs serve` is running.

MkDocs loads a hook file once per process and calls on_startup once, with the command, before
the first build; the module (and `serving`) outlives the rebuilds. Under `serve` the adapter
shows a mistake in the browser instead of failing the build: a failed rebuild leaves MkDocs'
live-reload server waiting for a good one, and every page request hangs until then.
"""

from __future__ import annotations

serving = False


def on_startup(command: str, dirty: bool) -> None:
    global serving  # noqa: PLW0603 (one flag per process, read through the plugin table)
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
