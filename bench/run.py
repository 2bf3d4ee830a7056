"""Benchmark the site against a plain Material build; print the table of targets and write
bench/results/latest.json (a run of some sections only: bench/results/only-<sections>.json,
so it never replaces a full run's results).

    .venv/bin/python bench/run.py [--quick] [--only SECTION ...]

`make bench` runs it in full (several minutes); `--quick` is the CI-sized run (smaller
synthetic sites, fewer rounds). Sections: see SECTIONS and bench/README.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import internals as internals_  # noqa: E402
from bench import lighthouse, synthetic, timing, twin, weight, zensical  # noqa: E402
from bench.projects import git_commit, make_cold, real_copy  # noqa: E402
from bench.timing import Variant, spread  # noqa: E402
from tools import livereload  # noqa: E402

RESULTS_DIR = ROOT / "bench" / "results"
SECTIONS = ("build", "zensical", "synthetic_zensical", "scaling", "fit", "appendix",
            "internals", "weight", "lighthouse", "livereload")
TARGETS = {"cold": 1.25, "warm": 1.15, "zensical": 1.0, "per_ref_drift": 1.25,
           "appendix_s": 7.0, "home_gzip_kb": 65.0,
           "lighthouse": {"performance": 98, "accessibility": 100, "best-practices": 100,
                          "seo": 100},
           "livereload_s": 1.0}
CHART_PAGE = "financial/"
REFS = 50
# 100 pages -> 500 figures ... 1,000 pages -> 5,000: the engine reads a data file of at most
# 2 MB (about 8,000 synthetic figures)
FIGURES_PER_PAGE = 5
MODES = {
    "full": {"runs": 7, "scaling": [100, 300, 1000], "scaling_runs": 3,
             "fit": [(100, 500), (300, 1500), (1000, 5000), (100, 5000)],
             "appendix": [1500, 6000], "lighthouse_runs": 5, "edits": 3,
             "generators_pages": 300, "generators_runs": 3},
    "quick": {"runs": 3, "scaling": [30, 100], "scaling_runs": 2,
              "fit": [(30, 600), (100, 2000), (30, 2000), (100, 600)],
              "appendix": [1000, 4000], "lighthouse_runs": 1, "edits": 1,
             "generators_pages": 30, "generators_runs": 2},
}


def results_file(sections: list[str]) -> Path:
    """Where a run's JSON goes: latest.json for every section, its own file for some."""
    if sections == list(SECTIONS):
        return RESULTS_DIR / "latest.json"
    return RESULTS_DIR / f"only-{'-'.join(sections)}.json"


def _python_json(module: str, project: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", module, str(project)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def section_build(work: Path, mode: dict, results: dict) -> dict:
    """This site cold and warm, its plain twin, the twin with a bare mkdocs-macros, and the
    floor of the design: mkdocs-macros rendering the real pages with answers recorded from a
    real build (no engine)."""
    real = real_copy(work / "real")
    plain = twin.make_twin(real, work / "twin", replay=work / "replay")
    bare = twin.with_bare_macros_plugin(plain, work / "twin-macros")
    results["_plain_twin"] = plain
    variants = [Variant("plain", plain), Variant("cold", real, prepare=make_cold),
                Variant("warm", real), Variant("bare macros", bare),
                Variant("macros floor", work / "replay")]
    return timing.compare(variants, mode["runs"])


def section_zensical(work: Path, mode: dict, results: dict) -> dict:
    reason = zensical.available()
    if reason:
        return {"status": reason}
    plain = results.get("_plain_twin") or twin.make_twin(real_copy(work / "real-z"),
                                                         work / "twin-z")
    return timing.compare([Variant("plain", plain), *zensical.variants(work / "zensical")],
                          mode["runs"])


def section_synthetic_zensical(work: Path, mode: dict, results: dict) -> dict:
    """The synthetic site (300 pages x 50 references in full mode) under both generators:
    MkDocs cold and warm, Zensical cold and warm, each against the site's typed-in twin."""
    reason = zensical.available()
    if reason:
        return {"status": reason}
    size = _size(mode["generators_pages"])
    project = synthetic.make_synthetic(work / "synthetic-generators", size["pages"], REFS,
                                       size["figures"])
    for config in [*ROOT.glob("*zensical*.yml"), *ROOT.glob("*zensical*.toml")]:
        shutil.copy2(config, project / config.name)
    for folder in ROOT.glob("overrides-zensical"):
        shutil.copytree(folder, project / folder.name, dirs_exist_ok=True)
    git_commit(project)
    plain = twin.make_twin(project, work / "synthetic-generators-twin")
    command = ["sh", "-c", " && ".join(zensical.recipe())]
    compared = timing.compare(
        [Variant("plain", plain), Variant("mkdocs cold", project, prepare=make_cold),
         Variant("mkdocs warm", project),
         Variant("zensical cold", project, command=command, prepare=make_cold),
         Variant("zensical warm", project, command=command)], mode["generators_runs"])
    for name in ("synthetic-generators", "synthetic-generators-twin"):
        shutil.rmtree(work / name, ignore_errors=True)
    return {**size, **compared}


def _size(pages: int) -> dict:
    return {"pages": pages, "refs": pages * REFS, "figures": pages * FIGURES_PER_PAGE}


def section_scaling(work: Path, mode: dict, results: dict) -> dict:
    """Synthetic sites (every macro kind) against their twins, cold (no cache)."""
    out = []
    for pages in mode["scaling"]:
        size = _size(pages)
        project = synthetic.make_synthetic(work / f"synthetic-{pages}", pages, REFS,
                                           size["figures"])
        plain = twin.make_twin(project, work / f"synthetic-{pages}-twin")
        compared = timing.compare([Variant("plain", plain),
                                   Variant("real", project, prepare=make_cold)],
                                  mode["scaling_runs"])
        walls = [(r["wall"] - p["wall"]) for r, p in zip(
            compared["variants"]["real"]["samples"], compared["variants"]["plain"]["samples"],
            strict=True)]
        overhead = statistics.median(walls)
        out.append({**size, **compared, "overhead_s": timing.summary(walls),
                    "per_ref_ms": overhead / size["refs"] * 1000,
                    "per_figure_ms": overhead / size["figures"] * 1000})
        for name in (f"synthetic-{pages}", f"synthetic-{pages}-twin"):
            subprocess.run(["rm", "-rf", str(work / name)], check=False)
    # The overhead per reference at one size includes the fixed cost (imports, the Jinja
    # environment) shared by fewer references on a small site; the cost of each added
    # reference, between consecutive sizes, is constant if the engine is linear.
    marginal = [(b["overhead_s"]["median"] - a["overhead_s"]["median"])
                / (b["refs"] - a["refs"]) * 1000 for a, b in itertools.pairwise(out)]
    result = {"sizes": out, "marginal_per_ref_ms": marginal}
    if len(marginal) > 1:
        result["per_ref_drift"] = (marginal[-1] / marginal[0] if marginal[0] > 0
                                   else float("inf"))
    return result


def _least_squares(rows: list[tuple[float, float, float]]) -> tuple[list[float], float]:
    """y = a + b*refs + c*figures by least squares; the coefficients and the largest
    relative residual."""
    xs = [(1.0, r, f) for r, f, _ in rows]
    ys = [y for *_, y in rows]
    m = [[sum(x[i] * x[j] for x in xs) for j in range(3)] + [sum(x[i] * y for x, y in
                                                                  zip(xs, ys, strict=True))]
         for i in range(3)]
    for col in range(3):
        pivot = max(range(col, 3), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(3):
            if r != col and m[col][col]:
                factor = m[r][col] / m[col][col]
                m[r] = [a - factor * b for a, b in zip(m[r], m[col], strict=True)]
    coef = [m[i][3] / m[i][i] if m[i][i] else float("nan") for i in range(3)]
    worst = max(abs(coef[0] + coef[1] * x[1] + coef[2] * x[2] - y) / y
                for x, y in zip(xs, ys, strict=True))
    return coef, worst


def section_fit(work: Path, mode: dict, results: dict) -> dict:
    """The engine's own time (in-process phases, no MkDocs) on synthetic sites of several
    sizes, and the fit a + b*references + c*figures."""
    points = []
    for pages, figures in mode["fit"]:
        project = synthetic.make_synthetic(work / "fit", pages, REFS, figures)
        phases = _python_json("bench.costs", project)
        points.append({"pages": pages, "refs": pages * REFS, "figures": figures,
                       "phases": phases, "total_s": sum(phases.values())})
    (a, b, c), worst = _least_squares([(p["refs"], p["figures"], p["total_s"]) for p in points])
    return {"points": points, "fixed_s": a, "per_ref_ms": b * 1000, "per_figure_ms": c * 1000,
            "worst_residual": worst}


def section_appendix(work: Path, mode: dict, results: dict) -> dict:
    sizes = []
    for figures in mode["appendix"]:
        project = synthetic.make_synthetic(work / "appendix", 10, REFS, figures,
                                           only=("figures", "sources", "conflicts"))
        sizes.append(_python_json("bench.appendix", project))
    first, last = sizes[0], sizes[-1]
    return {"sizes": sizes, "growth": (last["appendix"] / first["appendix"])
            / (last["figures"] / first["figures"])}


def section_internals(work: Path, mode: dict, results: dict) -> dict:
    real = real_copy(work / "internals")
    plain = results.get("_plain_twin") or twin.make_twin(real, work / "internals-twin")
    bare = work / "twin-macros"
    if not bare.exists():
        bare = twin.with_bare_macros_plugin(plain, bare)
    return {"compile": internals_.compile_cost(real),
            "imports_cold": internals_.import_costs(real, cold=True),
            "imports_warm": internals_.import_costs(real, cold=False),
            "git": {"real": internals_.git_calls(real), "plain": internals_.git_calls(plain),
                    "bare macros": internals_.git_calls(bare)}}


def _build_site(project: Path, site: Path) -> Path:
    subprocess.run(timing.mkdocs_build(str(site)), cwd=project, check=True, capture_output=True,
                   env=timing.build_environment())
    return site


def _built(work: Path, results: dict) -> Path:
    if "_site" not in results:
        results["_site"] = _build_site(real_copy(work / "built"), work / "site")
    return results["_site"]


def _empty(work: Path, results: dict) -> Path:
    """The floor site: this one's theme, assets and navigation with every page empty."""
    if "_empty" not in results:
        _built(work, results)
        empty = twin.empty_twin(work / "built", work / "empty")
        results["_empty"] = _build_site(empty, empty / "site")
    return results["_empty"]


def section_weight(work: Path, mode: dict, results: dict) -> dict:
    """The home page and the heaviest, and the floor's home page."""
    weights = weight.page_weights(_built(work, results))
    floor = weight.fetched_files(_empty(work, results), [""])[""]
    return {**weights, "floor": {"types": weight.weigh(floor), "files": len(floor)}}


def section_lighthouse(work: Path, mode: dict, results: dict) -> dict:
    """The home page and a chart page, and the floor's home page."""
    audits = lighthouse.audit(_built(work, results), ["", CHART_PAGE], mode["lighthouse_runs"])
    floor = lighthouse.audit(_empty(work, results), [""], mode["lighthouse_runs"])
    return {**audits, "floor": floor["/"]}


def section_livereload(work: Path, mode: dict, results: dict) -> dict:
    """Seconds from saving a changed figure to the served page showing it."""
    project = real_copy(work / "served")  # a git repository, as a clone is
    with livereload.serving(project) as url:
        seconds = [livereload.time_edit_to_view(project, url, 60.0)[0]
                   for _ in range(mode["edits"])]
    return {"runs_s": seconds, **timing.summary(seconds)}


def run(sections: list[str], mode_name: str) -> dict:
    mode = MODES[mode_name]
    results: dict = {"command": " ".join(["bench/run.py", *sys.argv[1:]]), "mode": mode_name,
                     "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": _machine()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in sections:
            started = time.time()
            print(f"[bench] {name}...", file=sys.stderr, flush=True)
            try:
                results[name] = globals()[f"section_{name}"](work, mode, results)
            except Exception as error:  # noqa: BLE001 (a failed section is reported, not fatal)
                results[name] = {"error": f"{type(error).__name__}: {error}"[:2000],
                                 "trace": traceback.format_exc()[-4000:]}
            print(f"[bench] {name}: {time.time() - started:.0f} s", file=sys.stderr, flush=True)
    for private in [k for k in results if k.startswith("_")]:
        del results[private]
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return results


def _machine() -> dict:
    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            **{name: version(name) for name in ("mkdocs", "mkdocs-material",
                                                "mkdocs-macros-plugin", "pymdown-extensions")}}


def _verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def _ratio_row(label: str, build: dict, name: str, target: float) -> list[tuple]:
    v, plain = build["variants"][name], build["variants"]["plain"]
    ratio = v["ratio"]
    return [(f"{label} (wall, median of {build['runs']} pairs)",
             f"{spread(ratio['wall'], 'x')}; {spread(v['wall'])} vs plain {spread(plain['wall'])}",
             f"{target:.2f}x", _verdict(ratio["wall"]["median"] <= target)),
            ("  same, CPU time",
             f"{spread(ratio['cpu'], 'x')}; {spread(v['cpu'])} vs {spread(plain['cpu'])}",
             f"{target:.2f}x", _verdict(ratio["cpu"]["median"] <= target))]


def _floor(build: dict, name: str) -> str:
    ratio = build["variants"][name]["ratio"]
    return f"{spread(ratio['cpu'], 'x')} ({ratio['wall']['median']:.2f}x)"


def _error_row(label: str, section: dict) -> list[tuple] | None:
    if "error" in section:
        return [(label, "ERROR: " + section["error"].splitlines()[0][:100], "", "")]
    return None


def rows(results: dict) -> list[tuple[str, str, str, str]]:
    """(what, measured, target, verdict): the table of targets."""
    out: list[tuple] = []
    if "build" in results:
        b = results["build"]
        out += _error_row("This site vs typed-in twin", b) or [
            *_ratio_row("This site, cold build (fresh clone: no bytecode) vs twin", b, "cold",
                        TARGETS["cold"]),
            *_ratio_row("This site, warm build (bytecode present) vs twin", b, "warm",
                        TARGETS["warm"]),
            ("  twin + bare mkdocs-macros (in git), CPU (wall)", _floor(b, "bare macros"), "", ""),
            ("  floor: mkdocs-macros renders the real pages, macros answered from a table "
             "(no engine), CPU (wall)", _floor(b, "macros floor"), "", ""),
            ("  machine load (1-min average) during these builds",
             f"{b['load']['median']:.2f} ({b['load']['min']:.2f}-{b['load']['max']:.2f}) "
             f"on {b['load']['cpus']} CPUs", "", "")]
    if "zensical" in results:
        z = results["zensical"]
        label = "This site under Zensical vs the plain Material twin"
        if "status" in z:
            out.append((label, z["status"], "report; < 1.0x", ""))
        else:
            out += _error_row(label, z) or [
                *_ratio_row(label + ", warm", z, "zensical warm", TARGETS["zensical"]),
                *_ratio_row(label + ", cold", z, "zensical cold", TARGETS["zensical"])]
    if "synthetic_zensical" in results:
        g = results["synthetic_zensical"]
        label = "Synthetic site under both generators vs its typed-in twin"
        if "status" in g:
            out.append((label, g["status"], "report", ""))
        else:
            out += _error_row(label, g) or []
        if "variants" in g:
            label = f"Synthetic {g['pages']:,} pages x {REFS} refs, {g['figures']:,} figures"
            for name, target in (("mkdocs cold", TARGETS["cold"]),
                                 ("mkdocs warm", TARGETS["warm"]),
                                 ("zensical cold", TARGETS["zensical"]),
                                 ("zensical warm", TARGETS["zensical"])):
                out += _ratio_row(f"{label}, {name} vs twin", g, name, target)
            out.append(("  machine load (1-min average) during these builds",
                        f"{g['load']['median']:.2f} ({g['load']['min']:.2f}-"
                        f"{g['load']['max']:.2f}) on {g['load']['cpus']} CPUs", "", ""))
    if "scaling" in results:
        s = results["scaling"]
        out += _error_row("Synthetic sites", s) or []
        for size in s.get("sizes", []):
            r = size["variants"]["real"]["ratio"]["wall"]["median"]
            out.append((f"Synthetic {size['pages']:,} pages x {REFS} refs, {size['figures']:,} "
                        f"figures, all macro kinds (cold)",
                        f"engine overhead {spread(size['overhead_s'])} = "
                        f"{size['per_ref_ms']:.2f} ms/ref = {size['per_figure_ms']:.2f} "
                        f"ms/figure; {r:.2f}x", "", ""))
        sizes, marginal = s.get("sizes", []), s.get("marginal_per_ref_ms", [])
        if marginal:
            steps = ", ".join(f"{a['pages']:,} to {b['pages']:,} pages {m:.3f}" for a, b, m in
                              zip(sizes, sizes[1:], marginal, strict=False))
            drift = s.get("per_ref_drift")
            out.append(("  overhead of each added reference (ms), and last / first step",
                        steps + (f"; {drift:.2f}" if drift is not None else ""),
                        f"<= {TARGETS['per_ref_drift']} (constant)" if drift is not None else "",
                        _verdict(drift <= TARGETS["per_ref_drift"]) if drift is not None
                        else ""))
    if "fit" in results:
        f = results["fit"]
        out += _error_row("Engine fit", f) or [
            ("Engine in-process: a + b*refs + c*figures",
             f"{f['fixed_s']:.2f} s + {f['per_ref_ms']:.3f} ms/ref + {f['per_figure_ms']:.3f} "
             f"ms/figure (worst residual {f['worst_residual']:.0%})", "linear", "")]
    if "appendix" in results:
        a = results["appendix"]
        if _error_row("Figures appendix", a):
            out += _error_row("Figures appendix", a)
        else:
            last = a["sizes"][-1]
            out.append((f"Figures appendix at {last['figures']:,} figures (engine + Markdown)",
                        f"{last['appendix']:.2f} s (engine {last['engine']:.2f}, Markdown "
                        f"{last['markdown']:.2f}); growth vs linear {a['growth']:.2f}",
                        f"< {TARGETS['appendix_s']:.0f} s, linear",
                        _verdict(last["appendix"] < TARGETS["appendix_s"]
                                 and a["growth"] < 1.3)))
    if "internals" in results:
        i = results["internals"]
        if _error_row("mkdocs-macros internals", i):
            out += _error_row("mkdocs-macros internals", i)
        else:
            imp, warm = i["imports_cold"], i["imports_warm"]
            out.append(("Imports in a cold build (cumulative, first import)",
                        ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in imp.items()), "", ""))
            out.append(("  warm build", ", ".join(f"{k} {v * 1000:.0f} ms"
                                                  for k, v in warm.items()), "", ""))
            if "compile" in i:
                out.append(("Bytecode a fresh clone's first build writes (the twin has none)",
                            f"{i['compile']['seconds']:.2f} s to compile all of macros/ "
                            f"({i['compile']['lines']:,} lines; a build imports most)", "", ""))
            out.append(("git subprocesses per build: this site / plain / bare macros",
                        " / ".join(f"{g['calls']} ({g['seconds']:.2f} s)"
                                   for g in i["git"].values()), "", ""))
    for page, w in results.get("weight", {}).items():
        if page == "error":
            out.append(("Page weight", "ERROR", "", ""))
            break
        if not isinstance(w, dict) or "types" not in w:
            continue
        types = w["types"]
        render_kb = types[weight.RENDER]["gzip"] / 1000
        if page == "floor":
            out.append(("  floor: the home page with every page empty (same theme, assets, nav)",
                        f"{render_kb:.1f} kB: " + ", ".join(
                            f"{kind} {types[kind]['gzip'] / 1000:.1f}" for kind in
                            ("CSS", "JS", "HTML", "SVG", "other") if kind in types), "", ""))
            continue
        home = page == "/"
        out.append((f"{'Home' if home else page} first view, gzip (render path)",
                    f"{render_kb:.1f} kB", f"<= {TARGETS['home_gzip_kb']:.0f} kB" if home else "",
                    _verdict(render_kb <= TARGETS["home_gzip_kb"]) if home else ""))
    for page, lh in results.get("lighthouse", {}).items():
        if page in ("error", "trace"):
            if page == "error":
                out.append(("Lighthouse", "ERROR: " + lh[:100], "", ""))
            continue
        med = lh["median"]
        ok = all(med[c] >= t for c, t in TARGETS["lighthouse"].items())
        label = ("  floor: the home page with every page empty" if page == "floor" else
                 f"Lighthouse mobile {page}, median of {len(lh['runs'])}")
        out.append((label,
                    "/".join(f"{med[c]:g}" for c in lighthouse.CATEGORIES) + " (performance "
                    + ", ".join(str(r["performance"]) for r in lh["runs"]) + ")",
                    *(("", "") if page == "floor" else
                      ("/".join(str(t) for t in TARGETS["lighthouse"].values()), _verdict(ok)))))
    if "livereload" in results:
        lr = results["livereload"]
        out += _error_row("make serve: data file saved to page updated", lr) or [
            (f"make serve: data file saved to page updated (median of {lr['n']})",
             spread(lr), f"<= {TARGETS['livereload_s']:.1f} s",
             _verdict(lr["median"] <= TARGETS["livereload_s"]))]
    return out


def print_table(table: list[tuple[str, str, str, str]]) -> None:
    header = ("What", "Measured", "Target", "Result")
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(header)]
    for row in (header, tuple("-" * w for w in widths), *table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--quick", action="store_true", help="CI-sized run")
    parser.add_argument("--rounds", type=int, help="rounds per comparison (default: the mode's)")
    args = parser.parse_args()
    sections = [s for s in SECTIONS if s in args.only]
    if args.rounds:
        for mode in MODES.values():
            mode.update(runs=args.rounds, scaling_runs=args.rounds,
                        generators_runs=args.rounds)
    results = run(sections, "quick" if args.quick else "full")
    results["table"] = rows(results)
    written = results_file(sections)
    written.parent.mkdir(parents=True, exist_ok=True)
    written.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    load = results["machine"]
    print(f"Machine: {load['cpus']} CPUs, load average {load['load_average_at_start']} at start, "
          f"{load['load_average_at_end']} at end; mode {results['mode']}\n")
    print_table(results["table"])
    print(f"\nWritten to {written.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
