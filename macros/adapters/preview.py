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
