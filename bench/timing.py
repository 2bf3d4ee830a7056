"""Build times: a project against its plain twin, interleaved, median of several runs."""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPORTED = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass(frozen=True)
class Sample:
    wall: float      # what `make build` makes you wait, interpreter start included
    cpu: float       # user + system time of the build process (steadier on a busy machine)
    reported: float  # MkDocs' own "Documentation built in" (config loading excluded)


def build_once(project: Path) -> Sample:
    """One strict `mkdocs build` of `project` into a throwaway folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as site:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                               site], cwd=project, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    reported = REPORTED.search(done.stderr + done.stdout)
    return Sample(wall, cpu, float(reported.group(1)) if reported else float("nan"))


def median(samples: list[Sample]) -> Sample:
    return Sample(*(statistics.median(getattr(s, f) for s in samples)
                    for f in ("wall", "cpu", "reported")))


def compare(project: Path, plain: Path, runs: int = 5,
            others: dict[str, Path] | None = None) -> dict:
    """Median build of the project, its plain twin and any other variants, after one warm-up
    each, taking turns so that load drifts hit all of them."""
    variants = {"real": project, "plain": plain, **(others or {})}
    samples: dict[str, list[Sample]] = {name: [] for name in variants}
    for path in variants.values():
        build_once(path)
    for _ in range(runs):
        for name, path in variants.items():
            samples[name].append(build_once(path))
    medians = {name: median(s) for name, s in samples.items()}
    base = medians["plain"]
    return {"runs": runs, **{name: vars(m) for name, m in medians.items()},
            "ratio": {name: {f: getattr(m, f) / getattr(base, f)
                             for f in ("wall", "cpu", "reported")}
                      for name, m in medians.items() if name != "plain"}}
