"""What a build records about itself: the commit it is built from and the build's time.

Both come from the commit, not the clock, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def _git(project_dir: Path | None, *args: str) -> str | None:
    """What a git command prints in the project, or None outside a repository or without git."""
    try:
        done = subprocess.run(["git", *args], cwd=project_dir or Path.cwd(),
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def commit_id(project_dir: Path | None = None) -> str | None:
    """The commit the site is built from (GITHUB_SHA, else git rev-parse HEAD), if any."""
    if os.environ.get("GITHUB_SHA"):
        return os.environ["GITHUB_SHA"]
    sha = _git(project_dir, "rev-parse", "HEAD")
    return sha if sha and len(sha) == 40 else None


def build_time(project_dir: Path | None = None) -> dt.datetime:
    """The build's time: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else
    the time of the last commit, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        epoch = _git(project_dir, "log", "-1", "--format=%ct") or ""
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def file_dates(project_dir: Path, *paths: Path) -> dict[Path, tuple[dt.date, dt.date]]:
    """For each file in `paths` (files or folders), keyed by its resolved path, the days it was
    first and last committed, from one `git log`; empty without history."""
    log = _git(project_dir, "log", "--format=%x00%cs", "--name-only", "--relative", "--",
               *map(str, paths))
    if not log:
        return {}
    root = project_dir.resolve()
    dates: dict[Path, tuple[dt.date, dt.date]] = {}
    for block in log.split("\x00")[1:]:
        day, *names = block.strip().splitlines()
        when = dt.date.fromisoformat(day)
        for name in filter(None, names):
            key = root / name
            first, last = dates.get(key, (when, when))
            dates[key] = (min(first, when), max(last, when))
    return dates
