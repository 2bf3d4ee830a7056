"""Benchmark the site against a plain Material build; print a table, write bench/results/latest.json.

    .venv/bin/python bench/run.py [--only build scaling costs weight lighthouse livereload]

`make bench` runs it after installing the pinned Python and npm tools.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import costs, lighthouse, livereload, synthetic, timing, twin, weight  # noqa: E402
from tests.conftest import copy_project  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "latest.json"
SECTIONS = ("build", "scaling", "costs", "weight", "lighthouse", "livereload")
TARGETS = {"build_ratio": 1.15, "scaling_ratio": 1.25, "home_gzip_kb": 70.0,
           "lighthouse": {"performance": 95, "accessibility": 100, "best-practices": 100,
                          "seo": 100},
           "livereload_s": 2.0}
CHART_PAGE = "financial/"
BARE = "plain + bare mkdocs-macros"


def build_site(project: Path, site: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=project, env=env, check=True, capture_output=True)
    return site


def live_reload(work: Path, edits: int = 3) -> dict:
    """Seconds from saving a changed figure to the served page showing it (median of edits)."""
    project = copy_project(work / "served")
    with livereload.serving(project) as url:
        seconds = [livereload.time_edit_to_view(project, url, 60.0)[0] for _ in range(edits)]
    return {"median_s": statistics.median(seconds), "runs_s": seconds}


def run(sections: set[str], runs: int, scaling_runs: int) -> dict:
    results: dict = {"command": " ".join(["bench/run.py", *sys.argv[1:]]),
                     "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": _machine()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "build" in sections:
            plain = twin.make_twin(ROOT, work / "twin")
            bare = twin.with_bare_macros_plugin(plain, work / "twin-macros")
            results["build"] = timing.compare(ROOT, plain, runs, {BARE: bare})
        if {"scaling", "costs"} & sections:
            project = synthetic.make_synthetic(work / "synthetic")
            if "scaling" in sections:
                plain = twin.make_twin(project, work / "synthetic-twin")
                results["scaling"] = timing.compare(project, plain, scaling_runs)
            if "costs" in sections:
                results["costs"] = {"site": costs.engine_costs(ROOT),
                                    "synthetic": costs.engine_costs(project)}
        if {"weight", "lighthouse"} & sections:
            site = build_site(ROOT, work / "site")
            if "weight" in sections:
                results["weight"] = weight.page_weights(site)
            if "lighthouse" in sections:
                results["lighthouse"] = lighthouse.audit(site, ["", CHART_PAGE])
        if "livereload" in sections:
            results["livereload"] = live_reload(work)
    return results


def _machine() -> dict:
    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            **{name: version(name) for name in ("mkdocs", "mkdocs-material",
                                                "mkdocs-macros-plugin", "pymdown-extensions")}}


def rows(results: dict) -> list[tuple[str, str, str, str]]:
    """(what, measured, target, verdict) for the table."""
    out = []

    def verdict(ok: bool) -> str:
        return "meets" if ok else "MISSES"

    for name, label, target in (("build", "Build, this site", TARGETS["build_ratio"]),
                                ("scaling", "Build, 300 pages x 50 refs of 5,000 figures",
                                 TARGETS["scaling_ratio"])):
        if name in results:
            r = results[name]
            out.append((f"{label} (wall, median of {r['runs']})",
                        f"{r['real']['wall']:.2f} s vs plain {r['plain']['wall']:.2f} s "
                        f"= {r['ratio']['real']['wall']:.2f}x", f"<= {target}x",
                        verdict(r["ratio"]["real"]["wall"] <= target)))
            out.append(("  same, CPU time (user + system)",
                        f"{r['real']['cpu']:.2f} s vs {r['plain']['cpu']:.2f} s "
                        f"= {r['ratio']['real']['cpu']:.2f}x", f"<= {target}x",
                        verdict(r["ratio"]["real"]["cpu"] <= target)))
            if BARE in r:
                out.append((f"  {BARE} (wall)", f"{r[BARE]['wall']:.2f} s "
                            f"= {r['ratio'][BARE]['wall']:.2f}x", "", ""))
    if "costs" in results:
        for where, phases in results["costs"].items():
            out.append((f"  engine phases, {where}",
                        ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()), "", ""))
    for page, w in results.get("weight", {}).items():
        types = w["types"]
        render_kb = types[weight.RENDER]["gzip"] / 1000
        detail = ", ".join(f"{k} {v['raw'] / 1000:.1f}/{v['gzip'] / 1000:.1f}"
                           for k, v in types.items() if k not in (weight.RENDER, "total"))
        home = page == "/"
        out.append((f"Page weight {page}, render path gzip",
                    f"{render_kb:.1f} kB", f"<= {TARGETS['home_gzip_kb']:.0f} kB" if home else "",
                    verdict(render_kb <= TARGETS["home_gzip_kb"]) if home else ""))
        out.append((f"  {page} with search, gzip (raw)",
                    f"{types['total']['gzip'] / 1000:.1f} kB ({types['total']['raw'] / 1000:.1f} kB)",
                    "", ""))
        out.append((f"  {page} by type, kB raw/gzip", detail, "", ""))
    for page, lh in results.get("lighthouse", {}).items():
        med = lh["median"]
        ok = all(med[c] >= t for c, t in TARGETS["lighthouse"].items())
        out.append((f"Lighthouse {page} (mobile, median of {len(lh['runs'])})",
                    "/".join(f"{med[c]:g}" for c in lighthouse.CATEGORIES),
                    "/".join(str(t) for t in TARGETS["lighthouse"].values()), verdict(ok)))
    if "livereload" in results:
        lr = results["livereload"]
        out.append((f"make serve: edit to served page (median of {len(lr['runs_s'])})",
                    f"{lr['median_s']:.2f} s", f"<= {TARGETS['livereload_s']:.0f} s",
                    verdict(lr["median_s"] <= TARGETS["livereload_s"])))
    return out


def print_table(table: list[tuple[str, str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    header = ("What", "Measured", "Target", "Result")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    for row in (header, tuple("-" * w for w in widths), *table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--runs", type=int, default=5, help="builds per side for this site")
    parser.add_argument("--scaling-runs", type=int, default=3,
                        help="builds per side for the synthetic site")
    args = parser.parse_args()
    results = run(set(args.only), args.runs, args.scaling_runs)
    results["table"] = rows(results)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print_table(results["table"])
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
