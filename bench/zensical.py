"""This site built by Zensical (the second generator) against the plain Material twin.

A slot until the project can build with Zensical: it needs a `build-zensical` target in the
Makefile and the `zensical` command in the project's environment. Until then `available()`
gives the reason and the benchmark reports "not available".
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from bench.projects import git_commit
from bench.timing import Variant
from tools.project import ROOT, copy_project

TARGET = re.compile(r"^build-zensical\s*:", re.MULTILINE)
EXTRA_FILES = ("Makefile", "requirements.txt", "pyproject.toml")


def zensical_command() -> Path | None:
    found = Path(sys.executable).parent / "zensical"
    return found if found.exists() else (Path(p) if (p := shutil.which("zensical")) else None)


def available() -> str | None:
    """None when Zensical can build this site; else why not."""
    makefile = ROOT / "Makefile"
    if not makefile.exists() or not TARGET.search(makefile.read_text(encoding="utf-8")):
        return "not available: no `make build-zensical` target yet"
    if zensical_command() is None:
        return "not available: the zensical command is not installed"
    return None


def variant(dest: Path) -> Variant:
    """A copy of the project (with its Makefile, Zensical config and the project's venv) that
    `make build-zensical` builds."""
    project = copy_project(dest)
    for name in EXTRA_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, project / name)
    for config in ROOT.glob("zensical*"):
        if config.is_file():
            shutil.copy2(config, project / config.name)
    venv = ROOT / ".venv"
    if venv.exists():
        (project / ".venv").symlink_to(venv.resolve())
    git_commit(project)
    return Variant("zensical", project, command=["make", "-s", "build-zensical"])
