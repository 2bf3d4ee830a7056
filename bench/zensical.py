"""This site built by Zensical (the second generator) against the plain Material twin.

A slot until the project can build with Zensical: it needs a `build-zensical` target in the
Makefile and the `zensical` package in the project's environment; until then `available()`
gives the reason and the benchmark reports "not available". The target's recipe is run
directly (with the project's interpreter for `$(BIN)`), so that timing it never triggers the
Makefile's install step.
"""

from __future__ import annotations

import re
import shutil
import sys
from importlib.util import find_spec
from pathlib import Path

from bench.projects import git_commit, make_cold
from bench.timing import Variant
from tools.project import ROOT, copy_project

TARGET = re.compile(r"^build-zensical\s*:[^\n]*\n((?:\t[^\n]*\n?)+)", re.MULTILINE)
MAKE_VARIABLE = re.compile(r"\$\((\w+)\)")


def recipe() -> list[str] | None:
    """The target's commands with $(BIN) and $(VENV) filled in (None: no such target, or one
    that uses other make variables)."""
    makefile = ROOT / "Makefile"
    match = TARGET.search(makefile.read_text(encoding="utf-8")) if makefile.exists() else None
    if not match:
        return None
    known = {"BIN": str(Path(sys.executable).parent), "VENV": str(Path(sys.executable).parents[1])}
    commands = []
    for line in match.group(1).splitlines():
        command = line.strip().lstrip("@-")
        if any(name not in known for name in MAKE_VARIABLE.findall(command)):
            return None
        commands.append(MAKE_VARIABLE.sub(lambda m: known[m.group(1)], command))
    return commands


def available() -> str | None:
    """None when Zensical can build this site; else why not."""
    if recipe() is None:
        return "not available: no `make build-zensical` target (with $(BIN) only) yet"
    if find_spec("zensical") is None:
        return "not available: the zensical package is not installed"
    return None


def variants(dest: Path) -> list[Variant]:
    """Zensical warm (its own cache and the checked-data cache kept) and cold (both removed),
    on a copy of the project with the Zensical configuration files."""
    project = copy_project(dest)
    for config in [*ROOT.glob("*zensical*.yml"), *ROOT.glob("*zensical*.toml")]:
        shutil.copy2(config, project / config.name)
    git_commit(project)
    command = ["sh", "-c", " && ".join(recipe())]
    return [Variant("zensical warm", project, command=command),
            Variant("zensical cold", project, command=command, prepare=make_cold)]
