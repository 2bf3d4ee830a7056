"""MkDocs hook (mkdocs.yml `hooks:`): tells the MkDocs adapter that `mkdocs serve` is running,
and makes the preview notice a save sooner.

MkDocs loads a hook file once per process and calls on_startup once, with the command, before
the first build; the module (and `serving`) outlives the rebuilds. Under `serve` the adapter
shows a mistake in the browser instead of failing the build: a failed rebuild leaves MkDocs'
live-reload server waiting for a good one, and every page request hangs until then.
"""

from __future__ import annotations

from watchdog.observers.polling import PollingObserver

serving = False
POLL_SECONDS = 0.1  # MkDocs' own watcher polls every 0.5 s, a fixed argument of its server
SETTLE_SECONDS = 0.02  # MkDocs waits 0.1 s for more changes; a poll reports a save's at once


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


def on_serve(server, config, builder):
    """Watch the same paths with a watcher that polls every POLL_SECONDS, so a save is seen
    0.05 s after it on average instead of 0.25 s, and rebuild SETTLE_SECONDS after the last
    change seen. MkDocs calls this before it starts its watcher and before it adds mkdocs.yml's
    `watch:` paths, which go to the new one. Its server has no public list of what it watches:
    `_watched_paths` is read (MkDocs 1.6.1, pinned; tests/test_preview_speed.py checks it)."""
    watched = dict(server._watched_paths)  # noqa: SLF001 (path: times watched)
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    server.build_delay = SETTLE_SECONDS
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)
    return server
