"""What mkdocs-macros and the engine cost inside one build: imports, bytecode and git.

- imports: `python -X importtime` of a real build; the cumulative time of the first import of
  each module that matters (mkdocs-macros and what it pulls in, pydantic, the engine).
- compile: what a fresh clone's first build spends turning the project's modules into bytecode
  (the twin has none), timed in a fresh interpreter against one that compiles nothing.
- git: a `git` wrapper first on PATH logs every call and its duration, for the real build and
  for the plain twin with and without a bare mkdocs-macros plugin.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import build_environment

WATCHED = ("mkdocs_macros.plugin", "requests", "urllib3", "ssl", "pydantic", "babel.dates",
           "macros.engine.site", "macros.engine.validate.models", "git")
LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")
WRAPPER = """#!/bin/sh
start=$(date +%s%N)
"{git}" "$@"
rc=$?
echo "$(( ($(date +%s%N) - start) / 1000 )) $1" >> "{log}"
exit $rc
"""


def _env(extra: dict | None = None) -> dict:
    return {**build_environment(), **(extra or {})}


def import_costs(project: Path, cold: bool = True) -> dict[str, float]:
    """Seconds (cumulative) for the first import of each watched module in a build (warm: after
    a build that filled the checked-data cache)."""
    with tempfile.TemporaryDirectory() as site:
        if not cold:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                            site], cwd=project, capture_output=True, env=_env(), check=True)
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "mkdocs", "build",
                               "--strict", "--site-dir", site], cwd=project, capture_output=True,
                              text=True, env=_env({"BRIEFING_CACHE": "off"} if cold else None))
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        match = LINE.match(line)
        if match and match.group(4) in WATCHED and match.group(4) not in found:
            found[match.group(4)] = int(match.group(2)) / 1e6
    return found


def compile_cost(project: Path, runs: int = 5) -> dict:
    """Seconds to compile the project's macros/ package (median of `runs`), and its lines."""
    code = "import compileall; compileall.compile_dir('macros', quiet=1, force=True)"
    lines = sum(len(p.read_text(encoding="utf-8").splitlines())
                for p in (project / "macros").rglob("*.py"))

    def timed(script: str) -> float:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", script], cwd=project, check=True,
                           env=_env({"PYTHONPYCACHEPREFIX": out}))  # not in the project
            return time.perf_counter() - start

    samples = [timed(code) - timed("pass") for _ in range(runs)]
    return {"seconds": statistics.median(samples), "lines": lines}


def git_calls(project: Path) -> dict:
    """How many git subprocesses one build runs, and their total seconds, by subcommand."""
    real_git = subprocess.run(["sh", "-c", "command -v git"], capture_output=True,
                              text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "git.log"
        log.touch()
        wrapper = Path(tmp) / "bin" / "git"
        wrapper.parent.mkdir()
        wrapper.write_text(WRAPPER.format(git=real_git, log=log), encoding="utf-8")
        wrapper.chmod(0o755)
        env = _env({"PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}",
                    "GIT_PYTHON_GIT_EXECUTABLE": str(wrapper)})
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                        str(Path(tmp) / "site")], cwd=project, env=env, check=True,
                       capture_output=True)
        calls = [line.split(" ", 1) for line in log.read_text().splitlines() if line]
    by_command: dict[str, int] = {}
    for _, command in calls:
        by_command[command] = by_command.get(command, 0) + 1
    return {"calls": len(calls), "seconds": sum(int(us) for us, _ in calls) / 1e6,
            "by_command": by_command}
