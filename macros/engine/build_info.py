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


def file_dates(project_dir: Path, path: Path) -> tuple[dt.date, dt.date] | None:
    """The days a file was first and last committed (git history), or None without history."""
    days = (_git(project_dir, "log", "--format=%cs", "--", str(path)) or "").split()
    if not days:
        return None
    return dt.date.fromisoformat(days[-1]), dt.date.fromisoformat(days[0])
