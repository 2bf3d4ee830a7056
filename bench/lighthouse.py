"""Lighthouse (npm, pinned in package-lock.json) on pages of a built site: mobile preset,
Debian's Chromium, median of several runs."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from tools.browser import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run_once(url: str) -> dict:
    """Category scores (0-100) and the audits that did not pass, for one run."""
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}",
             f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True,
            timeout=300)
        if done.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
        data = json.loads(report.read_text())
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted(f"{key} ({audit['score']})" for key, audit in data["audits"].items()
                     if audit.get("score") is not None and audit["score"] < 0.9
                     and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    return {"scores": scores, "below_90": failing}


def audit(site: Path, pages: list[str], runs: int = 3) -> dict:
    """Median score per category for each page, with every run's weak audits."""
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(f"{LIGHTHOUSE} missing: run `make bench` (npm ci) first")
    results = {}
    with serve(site) as base:
        for page in pages:
            samples = [run_once(base + page) for _ in range(runs)]
            results[page or "/"] = {
                "median": {c: statistics.median(s["scores"][c] for s in samples)
                           for c in CATEGORIES},
                "runs": [s["scores"] for s in samples],
                "below_90": sorted({a for s in samples for a in s["below_90"]})}
    return results
