"""A synthetic site for the scaling benchmark: many pages, each citing many of many figures,
using every kind of macro the engine offers.

Every page has `refs` inline references (fig, value, short and asof in turn); one page in
five also has a block (cards, bar_chart or timeline_chart, in turn). The data has stated
figures of five kinds, derived figures (a ratio of two stated ones every 50 figures),
conflicts (one per 100 figures) and a source per 100 figures. Whole pages: figures
appendix, sources list, timeline, conflicts list, downloads.

Navigation is the same for the site and its twin, and short (home and the generated pages):
the synthetic pages are left out of it (`not_in_nav`), so Material's navigation, which grows
with pages squared when every page is in it, does not drown the engine's cost.

The data follows the schema the engine has: when sources have a `name` and figures cite
passages (the evidence model), each stated figure quotes a passage carrying its formatted
value. Seeded: every run builds the same site.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

from bench.mkdocs_config import read_mkdocs_yml
from bench.projects import git_commit

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega orbit comet "
         "harbor meadow canyon river summit valley forest prairie island lagoon glacier").split()
INLINE = ("fig", "value", "short", "asof")
BLOCKS = ("cards", "bar_chart", "timeline_chart")
WHOLE_PAGES = {"figures": "figures_appendix()", "sources": "sources_list()",
               "timeline": "timeline()", "conflicts": "conflicts_list()",
               "downloads": "downloads()"}
QUOTED_KEY = re.compile(r"""["']([a-z_]+\.[a-z_]+)["']""")
CHART_FIGURES = {
    "chart.bar_a": {"kind": "money", "currency": "CNY", "value": 3_000_000_000},
    "chart.bar_b": {"kind": "money", "currency": "CNY", "value": 1_500_000_000},
    "chart.bar_c": {"kind": "money", "currency": "CNY", "value": 1_000_000_000},
    "chart.day_a": {"kind": "date", "value": "2026-01-20"},
    "chart.day_b": {"kind": "date", "value": "2026-02-02"},
    "chart.day_c": {"kind": "date", "value": "2026-02-15"},
}
CHART_CALLS = {
    "bar_chart": '{{ bar_chart(["chart.bar_a", "chart.bar_b", "chart.bar_c"], title="Budgets",'
                 ' names=["Alpha", "Beta", "Gamma"], highlight="chart.bar_a") }}',
    "timeline_chart": '{{ timeline_chart(["chart.day_a", "chart.day_b", "chart.day_c"], '
                      'title="Dates") }}',
}


def letters(n: int, width: int = 3) -> str:
    """A digit-free name for a number: 0 -> 'aaa', 1 -> 'aab' (prose must hold no digits)."""
    out = ""
    for _ in range(width):
        n, rest = divmod(n, 26)
        out = chr(ord("a") + rest) + out
    return out


class _Schema:
    """What the engine's data schema asks for (it changes as the evidence model lands)."""

    def __init__(self) -> None:
        from macros.engine.validate import models as schema

        self.named_sources = "name" in schema.Source.model_fields
        self.passages = "name" in schema.Source.model_fields   # arrive together (CONTRACT.md)
        explanation = schema.Conflict.model_fields.get("explanation")
        self.conflict_explanation = bool(explanation and explanation.is_required())


def _text(fig: dict) -> str:
    """The engine's own text for a stated figure, quoted in its synthetic passage."""
    from macros.engine.dates import PartialDate
    from macros.engine.format import values

    if fig["kind"] == "date":
        return values.format_partial_date(PartialDate.parse(fig["value"]))
    return values.format_number(fig["kind"], fig["value"], currency=fig.get("currency"),
                                unit=fig.get("unit"), decimals=fig.get("decimals"))


def _sources(count: int, schema: _Schema) -> dict:
    out = {}
    for i in range(count):
        source = {"publisher": f"Publisher {letters(i).capitalize()}",
                  "title": f"Report {letters(i)} on the {WORDS[i % len(WORDS)]} market",
                  "date": "2026-04-30", "reliability": "medium",
                  "note": "Synthetic source for the benchmark."}
        if schema.named_sources:
            source = {"name": f"Report {letters(i)}, end of April", **source}
        out[f"source-{letters(i)}"] = source
    return out


def _cite(fig: dict, source_ids: list[str], schema: _Schema) -> dict:
    if not schema.passages:
        return {**fig, "sources": source_ids}
    passage = f"the figure stood at {_text(fig)}"
    return {**fig, "sources": dict.fromkeys(source_ids, passage)}


def _stated(i: int, rng: random.Random) -> dict:
    label = f"{WORDS[i % len(WORDS)].capitalize()} {WORDS[(i // 7) % len(WORDS)]} {letters(i)}"
    base = {"label": label, "as_of": f"2026-0{1 + i % 2}-{10 + i % 18}"}
    shape = i % 5
    if shape == 0:
        return {**base, "kind": "money", "currency": "CNY",
                "value": rng.randint(100, 900) * 10 ** 6}
    if shape == 1:
        return {**base, "kind": "count", "unit": "units", "value": rng.randint(10, 10 ** 6)}
    if shape == 2:
        return {**base, "kind": "percent", "value": round(rng.uniform(1, 99), 1), "decimals": 1}
    if shape == 3:
        return {**base, "kind": "date", "value": f"2026-03-{10 + i % 18}"}
    return {**base, "kind": "price", "currency": "EUR", "decimals": 2,
            "value": round(rng.uniform(10, 500), 2)}


def make_data(figures: int, rng: random.Random, schema: _Schema) -> tuple[dict, list[str]]:
    """The data file's content and the keys pages may cite (stated and derived)."""
    n_sources = max(12, figures // 100)
    source_ids = [f"source-{letters(i)}" for i in range(n_sources)]
    keys = [f"group_{letters(i // 250, 2)}.figure_{letters(i)}" for i in range(figures)]
    out: dict[str, dict] = {}
    for i, key in enumerate(keys):
        if i % 50 == 49:    # derived: the ratio of two stated money figures of its group
            a, b = keys[i - 49], keys[i - 44]
            out[key] = {"label": f"Ratio {letters(i)}", "kind": "ratio", "decimals": 2,
                        "formula": f"{a} / {b}"}
        else:
            cited = rng.sample(source_ids, rng.randint(1, 3))
            out[key] = _cite(_stated(i, rng), cited, schema)
    for key, fig in CHART_FIGURES.items():
        stated = {"label": f"Chart figure {key.split('.')[1].replace('_', ' ')}",
                  "as_of": "2026-02-02", **fig}
        out[key] = _cite(stated, source_ids[:1], schema)
    conflicts = {}
    for i in range(0, figures - 5, 100):
        conflict = {"title": f"Values {letters(i)} that differ", "type": "same-quantity",
                    "figures": [keys[i], keys[i + 5]]}
        if schema.conflict_explanation:
            conflict["explanation"] = "Synthetic disagreement for the benchmark."
        conflicts[f"conflict-{letters(i)}"] = conflict
    data = {"sources": _sources(n_sources, schema), "figures": out, "conflicts": conflicts}
    return data, keys


def _page(n: int, keys: list[str]) -> str:
    name = letters(n)
    lines = [f"---\ntitle: Page {name}\ndescription: A synthetic page, {name}, citing figures "
             f"drawn from the whole data file.\n---\n\n# Page {name}\n"]
    calls = [f'{{{{ {INLINE[j % len(INLINE)]}("{key}") }}}}' for j, key in enumerate(keys)]
    for start in range(0, len(calls), 5):
        chunk = calls[start:start + 5]
        lines.append(f"## Section {letters(start // 5, 2)}\n\nThe {WORDS[start % len(WORDS)]} "
                     f"figures are {', '.join(chunk[:-1])} and {chunk[-1]}, as reported.\n")
    if n % 5 == 0:
        block = BLOCKS[(n // 5) % len(BLOCKS)]
        if block == "cards":
            lines.append("{{ cards([" + ", ".join(f'"{k}"' for k in keys[:4]) + "]) }}\n")
        else:
            lines.append(CHART_CALLS[block] + "\n")
    return "\n".join(lines)


def make_synthetic(dest: Path, pages: int = 300, refs: int = 50, figures: int = 6000,
                   seed: int = 2026, only: tuple[str, ...] | None = None) -> Path:
    """Write the synthetic project into `dest` (a git repository, like the real one) and
    return it. `only`: the whole pages to keep (default all), for the appendix timing."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "data").mkdir(parents=True)
    shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.md"))
    data, keys = make_data(figures, rng, _Schema())
    docs = dest / "docs"
    shown: set[str] = set()
    for n in range(pages):
        text = _page(n, rng.sample(keys, refs))
        shown.update(QUOTED_KEY.findall(text))
        (docs / f"page-{letters(n)}.md").write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("---\ntitle: Home\ndescription: Synthetic benchmark site "
                                   "for the figure engine.\n---\n\n# Synthetic site\n",
                                   encoding="utf-8")
    whole = {k: v for k, v in WHOLE_PAGES.items() if only is None or k in only}
    for name, macro in whole.items():
        (docs / f"{name}.md").write_text(f"---\ntitle: {name.capitalize()}\ndescription: The "
                                         f"{name} page of the synthetic site, generated for the "
                                         "benchmark.\n---\n\n"
                                         f"# {name.capitalize()}\n\n{{{{ {macro} }}}}\n",
                                         encoding="utf-8")
    if "timeline" in whole:
        shown.update(k for k, f in data["figures"].items() if f.get("kind") == "date")
    if "conflicts" in whole:
        shown.update(k for c in data["conflicts"].values() for k in c["figures"])
    for key, fig in data["figures"].items():   # the site's rule: shown somewhere, or marked
        if key not in shown:
            fig["appendix_only"] = True
    (dest / "data" / "briefing.yml").write_text(
        yaml.dump(data, sort_keys=False, allow_unicode=True, Dumper=getattr(
            yaml, "CSafeDumper", yaml.SafeDumper)), encoding="utf-8")
    config = read_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Home": "index.md"}, *({name.capitalize(): f"{name}.md"} for name in whole)]
    config["not_in_nav"] = "/page-*.md\n"
    config["site_name"] = "Synthetic figures"
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    git_commit(dest)
    return dest

