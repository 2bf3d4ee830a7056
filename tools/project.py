"""The project as a thing to copy and build: its root, its buildable parts, a strict build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.zensical.yml", "docs", "data", "macros", "overrides",
                 "overrides-zensical")
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, url: str) -> str:
        """HTML of a built page by its URL ('' for home, 'campaign/')."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def copy_project(dest: Path) -> Path:
    """A copy of the buildable parts of the project, to change without touching the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def build(project: Path, site: Path | None = None) -> BuildResult:
    """Run a strict `mkdocs build` of `project` in a subprocess."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=project,
                          capture_output=True, text=True, env=env, timeout=300)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


def build_zensical(project: Path) -> BuildResult:
    """Run `make build-zensical`'s command on `project` (Zensical writes inside the project)."""
    done = subprocess.run([sys.executable, "-m", "macros.adapters.zensical", "mkdocs.zensical.yml"],
                          cwd=project, capture_output=True, text=True, timeout=300)
    return BuildResult(done.returncode, done.stdout + done.stderr, project / "site-zensical")
