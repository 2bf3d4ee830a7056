"""What a build records about itself: the commit it is built from and the build's time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def commit_id(project_dir: Path | None = None) -> str | None:
    """The commit the site is built from (GITHUB_SHA, else git rev-parse HEAD), if any."""
    if os.environ.get("GITHUB_SHA"):
        return os.environ["GITHUB_SHA"]
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project_dir or Path.cwd(),
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    sha = done.stdout.strip()
    return sha if done.returncode == 0 and len(sha) == 40 else None


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
