"""The projects the benchmark builds: copies of this one, each a git repository like a clone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tools.project import ROOT, copy_project

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
       "-c", "commit.gpgsign=false"]
CACHE = Path(".cache")


def git_commit(project: Path) -> Path:
    """Make `project` a git repository with its files committed, as a clone of the real one
    is: mkdocs-macros and the revision-date plugin ask git about every build and page, and do
    less work outside a repository."""
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    (project / ".gitignore").write_text(".cache/\n__pycache__/\nsite/\n.venv\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run([*GIT, "commit", "-q", "--allow-empty", "-m", "bench"], cwd=project, check=True)
    return project


def real_copy(dest: Path) -> Path:
    """This project's buildable parts in a fresh repository (a fresh clone, without history)."""
    return git_commit(copy_project(dest))


def make_cold(project: Path) -> None:
    """What a fresh clone lacks: the checked-data cache and the project modules' bytecode."""
    shutil.rmtree(project / CACHE, ignore_errors=True)
    for folder in (project / "macros").rglob("__pycache__"):
        shutil.rmtree(folder, ignore_errors=True)


__all__ = ["ROOT", "git_commit", "make_cold", "real_copy"]
