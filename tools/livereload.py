"""`mkdocs serve --livereload` on a project copy, and how long an edited figure takes to show."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from macros.engine.pipeline import load_briefing
from macros.engine.present.markup import escape
from macros.engine.present.pages.site_pages import page_url

START_TIMEOUT = 180.0
POLL = 0.05


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _open(url: str) -> tuple[str, str] | None:
    """(final URL after redirects, HTML), or None while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.geturl(), response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def fetch(url: str) -> str | None:
    """The page's HTML, or None while the server is not answering."""
    opened = _open(url)
    return opened[1] if opened else None


def wait_for(check, timeout: float, what: str) -> float:
    """Poll `check()` until it is true; return the seconds it took."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"{what} not seen within {timeout:.0f} s")
        time.sleep(POLL)
    return time.monotonic() - start


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """Run `mkdocs serve --livereload` in `project` on a free port; yield the home page's URL
    (the server puts the site under site_url's path and redirects / there).

    The server runs in its own process group, which is always ended on exit.
    """
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict", "--dev-addr",
             f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        try:
            wait_for(lambda: server.poll() is not None or fetch(root) is not None,
                     START_TIMEOUT, "the served site")
            if server.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"mkdocs serve exited early:\n{log.read()}")
            yield _open(root)[0]
        finally:
            _stop(server)


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def editable_figure(project: Path) -> tuple[str, str]:
    """A stated figure shown with fig() on a page: (key, page URL). Its label is what an edit
    changes (a value would also need its quoted passage changed, or the passage check fails)."""
    briefing = load_briefing(project / "data" / "briefing.yml")
    docs = project / "docs"
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for key in re.findall(r"""\{\{\s*fig\(["']([a-z0-9_.]+)["']\)\s*\}\}""", text):
            if not briefing.figure(key).derived:
                return key, page_url(path.relative_to(docs).as_posix())
    raise LookupError("no page shows a stated figure with fig()")


def set_label(data_file: Path, key: str, label: str) -> str:
    """Write a new `label:` for one figure, keeping the rest of the file as it is; return the
    label as the page shows it."""
    lines = data_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"{key}:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= indent:
            break
        match = re.match(r"^(\s+label:\s*)\S.*$", lines[i])
        if match:
            lines[i] = f"{match.group(1)}{json.dumps(label)}\n"
            data_file.write_text("".join(lines), encoding="utf-8")
            return escape(label)
    raise LookupError(f"{key} has no label line")


def time_edit_to_view(project: Path, url: str, timeout: float) -> tuple[float, str]:
    """Change a figure's label in the data file; seconds until the served page shows it."""
    key, page = editable_figure(project)
    data_file = project / "data" / "briefing.yml"
    old = load_briefing(data_file).figure(key).label
    suffix = "".join(random.choice(string.ascii_lowercase) for _ in range(8))
    new_text = set_label(data_file, key, f"{old} edited {suffix}")
    started = time.monotonic()
    wait_for(lambda: new_text in (fetch(url + page) or ""), timeout, f"{key} label {new_text!r}")
    return time.monotonic() - started, new_text
