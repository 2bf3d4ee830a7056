"""A synthetic site for the scaling benchmark: many pages, each citing many of many figures.

The real project's config, theme overrides, styles and macros are reused; the data file, the
pages and the navigation are generated (seeded, so every run builds the same site).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from bench.mkdocs_config import read_mkdocs_yml

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega orbit comet "
         "harbor meadow canyon river summit valley forest prairie island lagoon glacier").split()
SOURCES = 12


def letters(n: int, width: int = 3) -> str:
    """A digit-free name for a number: 0 -> 'aaa', 1 -> 'aab' (prose must hold no digits)."""
    out = ""
    for _ in range(width):
        n, rest = divmod(n, 26)
        out = chr(ord("a") + rest) + out
    return out


def _sources() -> dict:
    return {f"source-{letters(i)}": {
        "publisher": f"Publisher {letters(i).capitalize()}",
        "title": f"Report {letters(i)} on the {WORDS[i % len(WORDS)]} market",
        "date": "2026-02-03", "reliability": "medium",
        "note": "Synthetic source for the benchmark."} for i in range(SOURCES)}


def _figure(i: int, rng: random.Random) -> dict:
    sources = [f"source-{letters(s)}" for s in rng.sample(range(SOURCES), rng.randint(1, 3))]
    label = f"{WORDS[i % len(WORDS)].capitalize()} {WORDS[(i // 7) % len(WORDS)]} {letters(i)}"
    base = {"label": label, "as_of": f"2026-0{1 + i % 2}-{10 + i % 18}", "sources": sources}
    shape = i % 4
    if shape == 0:
        return {**base, "kind": "money", "currency": ("CNY", "USD")[i % 2],
                "value": rng.randint(1, 900) * 10 ** rng.randint(5, 9), "qualifier": "about"}
    if shape == 1:
        return {**base, "kind": "count", "unit": "units", "value": rng.randint(10, 10 ** 6)}
    if shape == 2:
        return {**base, "kind": "percent", "value": round(rng.uniform(1, 99), 1), "decimals": 1}
    return {**base, "kind": "date", "value": f"2026-03-{10 + i % 18}"}


def _page(n: int, keys: list[str]) -> str:
    name = letters(n)
    lines = [f"---\ntitle: Page {name}\ndescription: A synthetic page, {name}, citing figures "
             f"drawn from the whole data file.\n---\n\n# Page {name}\n"]
    for start in range(0, len(keys), 5):
        calls = [f'{{{{ fig("{key}") }}}}' for key in keys[start:start + 5]]
        lines.append(f"## Section {letters(start // 5, 2)}\n\nThe {WORDS[start % len(WORDS)]} "
                     f"figures are {', '.join(calls[:-1])} and {calls[-1]}, as reported.\n")
    return "\n".join(lines)


def make_synthetic(dest: Path, pages: int = 300, refs: int = 50, figures: int = 5000,
                   seed: int = 2026) -> Path:
    """Write the synthetic project into `dest` and return it."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "data").mkdir(parents=True)
    shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.md"))
    keys = [f"group_{letters(i // 250, 2)}.figure_{letters(i)}" for i in range(figures)]
    data = {"sources": _sources(), "figures": {k: _figure(i, rng) for i, k in enumerate(keys)}}
    (dest / "data" / "briefing.yml").write_text(yaml.safe_dump(data, sort_keys=False),
                                                encoding="utf-8")
    docs = dest / "docs"
    for n in range(pages):
        (docs / f"page-{letters(n)}.md").write_text(_page(n, rng.sample(keys, refs)),
                                                    encoding="utf-8")
    (docs / "index.md").write_text("---\ntitle: Home\ndescription: Synthetic benchmark site "
                                   "for the figure engine.\n---\n\n# Synthetic site\n",
                                   encoding="utf-8")
    for name, macro in (("figures", "figures_appendix"), ("sources", "sources_list")):
        (docs / f"{name}.md").write_text(f"---\ntitle: {name.capitalize()}\ndescription: Every "
                                         f"{name[:-1]} of the synthetic site.\n---\n\n"
                                         f"# {name.capitalize()}\n\n{{{{ {macro}() }}}}\n",
                                         encoding="utf-8")
    config = read_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    config["site_name"] = "Synthetic figures"
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest
