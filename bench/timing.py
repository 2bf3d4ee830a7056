"""Build times of several variants of a site, measured in interleaved rounds.

Each round builds every variant once, in an order that rotates from round to round, so that a
change in the machine's load hits all of them alike; ratios are taken within a round (a pair
built seconds apart) and summarised over the rounds. For every build: wall time (what
`make build` makes you wait, interpreter start included), CPU time (user + system of the build
process and its children, steadier on a busy machine), and the machine's one-minute load
average when it started.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("wall", "cpu")


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    load: float      # one-minute load average when the build started


@dataclass
class Variant:
    """One way of building: a project folder, a command, and what to do before each build
    (untimed: e.g. remove the cache for a cold build)."""

    name: str
    project: Path
    prepare: Callable[[Path], None] | None = None
    command: Sequence[str] | None = None      # default: strict `mkdocs build`
    env: dict[str, str] = field(default_factory=dict)


def mkdocs_build(site: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]


def build_environment() -> dict[str, str]:
    """The environment of a timed build: this one, without the end-of-life notice, and with
    bytecode written as on a reader's machine (this sandbox sets PYTHONDONTWRITEBYTECODE, which
    would make every warm build compile the project's modules again; a cold build removes
    them, as a fresh clone lacks them)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def build_once(variant: Variant) -> Sample:
    if variant.prepare:
        variant.prepare(variant.project)
    env = {**build_environment(), **variant.env}
    with tempfile.TemporaryDirectory() as site:
        command = list(variant.command) if variant.command else mkdocs_build(site)
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=variant.project, env=env, capture_output=True,
                              text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{variant.name}: build of {variant.project} failed:\n"
                           f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall, cpu, load)


def summary(values: Sequence[float]) -> dict:
    """Median with its spread: min, max and the quartiles."""
    values = sorted(values)
    quartiles = (statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1
                 else [values[0]] * 3)
    return {"median": statistics.median(values), "min": values[0], "max": values[-1],
            "q1": quartiles[0], "q3": quartiles[2], "n": len(values)}


def compare(variants: Sequence[Variant], runs: int, base: str = "plain",
            warmup: bool = True) -> dict:
    """Every variant `runs` times in rotating rounds (after one untimed warm-up each)."""
    samples: dict[str, list[Sample]] = {v.name: [] for v in variants}
    if warmup:
        for variant in variants:
            build_once(variant)
    started = time.time()
    for round_ in range(runs):
        shift = round_ % len(variants)
        for variant in [*variants[shift:], *variants[:shift]]:
            samples[variant.name].append(build_once(variant))
    loads = [s.load for group in samples.values() for s in group]
    result: dict = {"runs": runs, "seconds": time.time() - started,
                    "load": {**summary(loads), "cpus": os.cpu_count()}, "variants": {}}
    for name, group in samples.items():
        entry = {f: summary([getattr(s, f) for s in group]) for f in FIELDS}
        entry["samples"] = [vars(s) for s in group]
        if name != base:
            entry["ratio"] = {f: summary([getattr(s, f) / getattr(b, f)
                                          for s, b in zip(group, samples[base], strict=True)])
                              for f in FIELDS}
        result["variants"][name] = entry
    return result


def spread(stat: dict, unit: str = " s", digits: int = 2) -> str:
    """'1.23 s (1.10-1.40)': the median and its range."""
    return (f"{stat['median']:.{digits}f}{unit} ({stat['min']:.{digits}f}-"
            f"{stat['max']:.{digits}f})")
