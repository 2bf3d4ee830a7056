"""The data as a Frictionless Data Package, with per-figure and per-chart files.

Everything is written under `data/` in the built site, next to the Data page (`data/`):
datapackage.json, README.md, figures.csv, figures.json, sources.csv, passages.csv,
figures/<key>.csv and .json (one figure's row) and charts/<chart id>.csv (one chart's data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ..derive.briefing import Briefing
from ..present.citation import BRIEFING_KEY, SITE_NAME
from ..present.html import DATA_DIR
from .tables import (
    FIGURE_COLUMNS,
    PASSAGE_COLUMNS,
    SOURCE_COLUMNS,
    TABLES,
    FigureRow,
    figure_rows,
    json_text,
    passage_rows,
    source_rows,
    table_csv,
    table_records,
)

TITLE = f"{SITE_NAME}: figures, sources and passages"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
LICENCE_NOTE = (
    "The compilation (the selection of figures, their labels, values, dates, notes, "
    "formulas and the source ratings) is published under the Creative Commons Attribution "
    "4.0 International licence: reuse it freely, crediting the site. The quoted passages in "
    "passages.csv remain the words of their publishers, quoted only as evidence for each "
    "figure; the licence does not cover them.")


def descriptor(site_url: str, created: dt.datetime, commit: str | None) -> dict:
    """datapackage.json: the package's metadata and each table's Table Schema."""
    out = {
        "profile": "tabular-data-package",
        "name": BRIEFING_KEY,
        "title": TITLE,
        "description": ("Every figure on the site with its value, as-of date, sources and "
                        "derivation; the sources with their reliability; and the passages "
                        "that support each figure. " + LICENCE_NOTE),
        "homepage": f"{site_url}{DATA_DIR}" if site_url else DATA_DIR,
        "licenses": [dict(LICENCE)],
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "keywords": ["Alibaba", "Qwen", "AI", "figures", "provenance"],
        "resources": [{
            "name": t.name, "path": t.path, "title": t.title, "description": t.description,
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": t.schema(),
        } for t in TABLES],
    }
    if commit:
        out["version"] = commit[:12]
        out["commit"] = commit
    return out


def readme(created: dt.datetime, commit: str | None) -> str:
    """README.md of the package: what it is, the licence, and every column of every table."""
    lines = [f"# {SITE_NAME}: data", "",
             "A Frictionless Data Package (datapackage.json describes every file and column).",
             "", f"Generated {created.strftime('%Y-%m-%d %H:%M UTC')}"
             + (f" from commit {commit}." if commit else "."), "",
             "## Licence", "", LICENCE_NOTE, f"Licence text: {LICENCE['path']}", "",
             "## Spreadsheets", "",
             "Text cells that begin with = + - @ or a tab start with an apostrophe (') so that "
             "a spreadsheet does not run them as formulas; remove it if you need the text as "
             "written (figures.json has it unchanged). Numbers are never altered.", ""]
    for table in TABLES:
        lines += [f"## {table.path}", "", table.description, "",
                  "| column | type | description | example |", "| --- | --- | --- | --- |"]
        lines += [f"| {c.name} | {c.type}{' (list)' if c.is_list else ''} | "
                  f"{c.description.replace('|', '/')} | {c.example} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)


def row_files(row: FigureRow) -> dict[str, str]:
    """One figure's row as CSV and JSON (data/figures/<key>.csv and .json)."""
    record = table_records(FIGURE_COLUMNS, [row])[0]
    base = f"figures/{row.fig.key}"
    return {f"{base}.csv": table_csv(FIGURE_COLUMNS, [row]),
            f"{base}.json": json_text(record)}


def chart_files(briefing: Briefing, charts: Mapping[str, Sequence[str]], site_url: str,
                appendix_url: str) -> dict[str, str]:
    return {f"charts/{cid}.csv": table_csv(FIGURE_COLUMNS, [FigureRow(
        briefing, briefing.figure(k), site_url, appendix_url) for k in keys])
        for cid, keys in charts.items()}


def package_files(briefing: Briefing, site_url: str, created: dt.datetime, commit: str | None,
                  appendix_url: str, charts: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Every file of the package and the row/chart files, by path under data/."""
    figures = figure_rows(briefing, site_url, appendix_url)
    files = {
        "datapackage.json": json_text(descriptor(site_url, created, commit)),
        "README.md": readme(created, commit),
        "figures.csv": table_csv(FIGURE_COLUMNS, figures),
        "figures.json": json_text(table_records(FIGURE_COLUMNS, figures)),
        "sources.csv": table_csv(SOURCE_COLUMNS, source_rows(briefing)),
        "passages.csv": table_csv(PASSAGE_COLUMNS, passage_rows(briefing)),
    }
    for row in figures:
        files.update(row_files(row))
    files.update(chart_files(briefing, charts, site_url, appendix_url))
    return files
