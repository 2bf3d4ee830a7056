"""Publishing a build into its output folder (`make build`, `make build-zensical`): one build at
a time per output folder (a lock file beside it, held while building), into a fresh folder of
its own, renamed into place only when the build succeeded. A failed, interrupted or concurrent
build never leaves the output folder half written; the previous one stays until the new one is
complete.

`python -m macros.adapters.publish site` runs MkDocs' strict build into site/.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..engine.catalogue import told
from ..engine.errors import BriefingError
from ..engine.settings_check import check_config_file


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """Hold the output folder's lock (`.site.lock` beside `site/`); a second build waits."""
    lock = target.parent / f".{target.name}.lock"
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def ended_on_terminate() -> Iterator[None]:
    """SIGTERM (a stopped CI job, `kill`) ends the build like Ctrl-C: the clean-up runs."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_target(target: Path) -> None:
    """`target` is a new folder or an earlier build's output, never a folder of the project
    (`SITE=docs`, `site_dir: data`): publishing replaces it whole."""
    here = Path.cwd().resolve()
    earlier_build = (target / "index.html").is_file() or (target / "404.html").is_file()
    if here.is_relative_to(target.resolve()) or (
            target.is_dir() and any(target.iterdir()) and not earlier_build) or (
            target.exists() and not target.is_dir()):
        problem, hint = told("publish-target")
        raise BriefingError(problem, file=os.path.relpath(target), hint=hint)


def publish(target: Path, build: Callable[[Path], bool]) -> bool:
    """Run `build(folder)` into a fresh folder beside `target`; on success it replaces
    `target`. Returns whether it did; on failure `target` is exactly as before."""
    check_target(target)
    with ended_on_terminate(), locked(target):
        _remove_leftovers(target)
        work = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp-", dir=target.parent))
        try:
            if not build(work):
                return False
            _swap(work, target)
            return True
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _swap(built: Path, target: Path) -> None:
    """`built` becomes `target` by renames (no copying), the old one removed afterwards."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{target.name}.old-", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Folders a killed build left (only ever called holding the lock, so none is in use)."""
    for kind in ("tmp", "old"):
        for folder in target.parent.glob(f"{target.name}.{kind}-*"):
            shutil.rmtree(folder, ignore_errors=True)


def mkdocs_build(folder: Path) -> bool:
    """MkDocs' strict build into `folder`; its messages go to the terminal as they come."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
    with subprocess.Popen(command) as process:
        try:
            return process.wait() == 0
        finally:
            if process.poll() is None:
                process.terminate()


def main(site: str = "site") -> int:
    target = Path(site)
    try:
        check_config_file(Path.cwd())  # MkDocs' own check of docs_dir tells no line or fix
        done = publish(target, mkdocs_build)
    except KeyboardInterrupt:
        done = False
    except BriefingError as error:
        print(error, file=sys.stderr)
        return 1
    if not done:
        print(f"Build failed: the previous {target.name}/ is unchanged.", file=sys.stderr)
        return 1
    print(f"Site written to {target.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
