"""The data as a Frictionless Data Package, per-figure and per-chart files, and citations.

One list of columns per table (`FIGURE_COLUMNS`, `SOURCE_COLUMNS`, `PASSAGE_COLUMNS`) writes
the CSV, the JSON, the Table Schema in `datapackage.json`, the README and the data dictionary
on the Data page, so the description of a column cannot drift from the column itself.

Everything is written under `data/` in the built site, next to the Data page (`data/`):
datapackage.json, README.md, figures.csv, figures.json, sources.csv, passages.csv,
figures/<key>.csv and .json (one figure's row) and charts/<chart id>.csv (one chart's data).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import PATTERN as DATE_PATTERN
from ..dates import PartialDate
from ..derive.briefing import Briefing, ResolvedFigure
from ..format.values import format_partial_date, machine_value
from ..kinds import KIND_NAMES
from .csv_safe import safe_cell
from .html import APPENDIX_URL, RELIABILITY_ORDER, PageRenderer, anchor, escape, html_block

DATA_DIR = "data/"
SITE_NAME = "Alibaba's AI push in figures"
PACKAGE_NAME = "alibaba-ai-push-figures"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
LICENCE_NOTE = (
    "The compilation (the selection of figures, their labels, values, dates, notes, "
    "formulas and the source ratings) is published under the Creative Commons Attribution "
    "4.0 International licence: reuse it freely, crediting the site. The quoted passages in "
    "passages.csv remain the words of their publishers, quoted only as evidence for each "
    "figure; the licence does not cover them.")
LIST_SEPARATOR = ";"
PRECISIONS = ["day", "part", "month", "year", "none"]


# --- columns -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: its Table Schema field and how to read it from a row's subject."""

    name: str
    type: str                      # Table Schema type: string, number, integer, boolean
    description: str
    get: Callable[..., object]
    example: str = ""
    constraints: dict = field(default_factory=dict)
    is_list: bool = False          # several values joined by LIST_SEPARATOR in the CSV

    def schema(self) -> dict:
        out = {"name": self.name, "type": self.type, "description": self.description}
        if self.example:
            out["example"] = self.example
        if self.constraints:
            out["constraints"] = dict(self.constraints)
        return out


def _number(value: object) -> int | float | None:
    """A figure's number, an integer whenever it is whole (a duration of 4 days is 4, not 4.0)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else value


def _date_text(date: PartialDate) -> str:
    """The date as the data file writes it ('mid 2026-02', '2026-02-15', 'undated')."""
    return str(date)


def _permalink(site_url: str, key: str) -> str:
    return f"{site_url}{APPENDIX_URL}#{anchor(key)}"


@dataclass(frozen=True)
class FigureRow:
    briefing: Briefing
    fig: ResolvedFigure
    site_url: str


FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("key", "string", "The figure's stable identifier (group, dot, name). Use it to "
           "join the tables.", lambda r: r.fig.key, "campaign.budget_cny",
           {"required": True, "unique": True}),
    Column("label", "string", "What the figure is, in a few words.", lambda r: r.fig.label,
           "Qwen Lunar New Year campaign budget", {"required": True}),
    Column("kind", "string", "What sort of figure it is; decides which value column is filled.",
           lambda r: r.fig.kind, "money",
           {"required": True, "enum": list(KIND_NAMES)}),
    Column("value", "number", "The number itself, unrounded, for every kind except date and "
           "text: an amount of money in its currency, a count, a percentage as a number of "
           "percent (2.34 for 2.34%), a ratio, a price, a duration counted in `unit`, a year. Whole "
           "numbers are written without decimals. Empty for date and text figures.",
           lambda r: _number(r.fig.value), "3000000000"),
    Column("value_date", "string", "For a date figure, the date as the sources give it: "
           "2026-02-15 (a day), 2026-02 (a month), early/mid/late 2026-02 (part of a month) or "
           "2026 (a year). No day is ever invented. Empty for other kinds.",
           lambda r: _date_text(r.fig.value) if r.fig.kind == "date" else None, "mid 2026-02",
           {"pattern": DATE_PATTERN}),
    Column("value_date_precision", "string", "How precise `value_date` is: day, part (of a "
           "month), month or year.",
           lambda r: r.fig.value.precision if r.fig.kind == "date" else None, "part",
           {"enum": PRECISIONS}),
    Column("value_text", "string", "For a text figure (a name, a title), the text. Empty for "
           "other kinds.", lambda r: r.fig.value if r.fig.kind == "text" else None, "T-Head"),
    Column("display", "string", "The figure as the site writes it, qualifier and unit "
           "included, rounded for reading.", lambda r: r.fig.text,
           "approximately US$431 million", {"required": True}),
    Column("qualifier", "string", "A word the source puts before the number (about, more "
           "than, up to...); empty when the figure is given as exact.",
           lambda r: r.fig.qualifier, "more than"),
    Column("currency", "string", "ISO 4217 currency code, for money and price figures only.",
           lambda r: r.fig.currency, "CNY", {"enum": ["CNY", "USD", "EUR"]}),
    Column("unit", "string", "The unit of a count (a plural noun), a duration (day, week, "
           "month or year) or a ratio; never a currency.", lambda r: r.fig.unit, "day"),
    Column("as_of", "string", "When the figure was true or reported, written like "
           "`value_date`, or `undated` when no source gives a date.",
           lambda r: _date_text(r.fig.as_of), "2026-02-02",
           {"required": True, "pattern": DATE_PATTERN}),
    Column("as_of_precision", "string", "How precise `as_of` is: day, part, month, year, or "
           "none (undated).", lambda r: r.fig.as_of.precision, "day",
           {"required": True, "enum": PRECISIONS}),
    Column("as_of_display", "string", "`as_of` as the site writes it.",
           lambda r: format_partial_date(r.fig.as_of), "2 February 2026"),
    Column("sources", "string", "Ids of the sources behind the figure (see sources.csv), "
           "separated by semicolons; a computed figure lists its inputs' sources.",
           lambda r: list(r.fig.sources), "stocknews-feb3;logos-press", is_list=True),
    Column("source_names", "string", "The same sources by their short names, in the same "
           "order.", lambda r: [r.briefing.source(s).name for s in r.fig.sources],
           is_list=True),
    Column("reliability", "string", "The reliability rating of each source, in the same "
           "order (lowest, low, medium, medium-high, high).",
           lambda r: [r.briefing.source(s).reliability for s in r.fig.sources],
           "medium;high", is_list=True),
    Column("note", "string", "Caveats a reader should know, in the site's words.",
           lambda r: r.fig.note, "Reported as expected, not confirmed."),
    Column("derived_from", "string", "For a computed figure, the keys of the figures it is "
           "computed from, separated by semicolons.", lambda r: list(r.fig.inputs),
           "campaign.budget_cny;campaign.budget_usd", is_list=True),
    Column("formula", "string", "For a computed figure, the formula over those keys.",
           lambda r: r.fig.formula, "campaign.budget_cny / campaign.budget_usd"),
    Column("editorial", "boolean", "true for the site's own naming or note (no source states "
           "it).", lambda r: r.fig.editorial, "false"),
    Column("expected", "boolean", "true when the event had not happened yet when it was "
           "reported.", lambda r: r.fig.expected, "false"),
    Column("url", "string", "Permanent link to the figure's entry in the site's Figures "
           "appendix (value, sources, passages, where it is used).",
           lambda r: _permalink(r.site_url, r.fig.key)),
)


@dataclass(frozen=True)
class SourceRow:
    briefing: Briefing
    sid: str

    @property
    def src(self):
        return self.briefing.source(self.sid)


SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "The source's identifier, as used in figures.csv and passages.csv.",
           lambda r: r.sid, "stocknews-feb3", {"required": True, "unique": True}),
    Column("name", "string", "A short dated name for the source.",
           lambda r: r.briefing.source(r.sid).name, "Stock news, 3 Feb"),
    Column("publisher", "string", "Who published the article.", lambda r: r.src.publisher,
           "Logos Press", {"required": True}),
    Column("title", "string", "The article's headline (or a short descriptive title where it "
           "has none).", lambda r: r.src.title, "", {"required": True}),
    Column("date", "string", "Publication date, written like figures.csv's `as_of`.",
           lambda r: _date_text(r.src.date), "2026-02-03",
           {"required": True, "pattern": DATE_PATTERN}),
    Column("date_precision", "string", "How precise `date` is.",
           lambda r: r.src.date.precision, "day", {"required": True, "enum": PRECISIONS}),
    Column("date_display", "string", "`date` as the site writes it.",
           lambda r: format_partial_date(r.src.date), "3 February 2026"),
    Column("date_estimated", "boolean", "true when the date is inferred from the content "
           "(the article prints none).",
           lambda r: r.src.date_estimated, "false"),
    Column("url", "string", "The article's address, when known.", lambda r: r.src.url),
    Column("as_reported_by", "string", "For a second-hand report, who passed it on.",
           lambda r: r.src.as_reported_by, "Reuters"),
    Column("reliability", "string", "The site's rating of the source.",
           lambda r: r.src.reliability, "medium",
           {"required": True, "enum": list(reversed(RELIABILITY_ORDER))}),
    Column("note", "string", "Why the source has this rating; caveats.", lambda r: r.src.note),
    Column("figures", "string", "Keys of the figures that cite the source, separated by "
           "semicolons.", lambda r: r.briefing.cited_by(r.sid), is_list=True),
)


@dataclass(frozen=True)
class PassageRow:
    key: str
    key_type: str
    sid: str
    number: int
    passage: str


PASSAGE_COLUMNS: tuple[Column, ...] = (
    Column("key", "string", "The figure or claim the passage supports.", lambda r: r.key,
           "campaign.budget_cny", {"required": True}),
    Column("key_type", "string", "figure (see figures.csv) or claim (a statement the pages "
           "attribute to a source).", lambda r: r.key_type, "figure",
           {"required": True, "enum": ["figure", "claim"]}),
    Column("source", "string", "The id of the source quoted (see sources.csv).",
           lambda r: r.sid, "stocknews-feb3", {"required": True}),
    Column("passage_number", "integer", "1 for the first passage quoted from this source for "
           "this key, 2 for the next...", lambda r: r.number, "1",
           {"required": True, "minimum": 1}),
    Column("passage", "string", "The source's own words, copied character for character. They "
           "remain the publisher's text and are not covered by the data licence.",
           lambda r: r.passage, "Alibaba will invest 3 billion yuan", {"required": True}),
)


def _passages(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value or ())


def passage_rows(briefing: Briefing) -> list[PassageRow]:
    """One row per figure-source-passage and claim-source-passage (none before passages exist)."""
    rows = []
    subjects = [(k, "figure", f.passages) for k, f in briefing.figures.items()]
    subjects += [(k, "claim", c.sources) for k, c in briefing.claims.items()]
    for key, key_type, by_source in subjects:
        for sid, passages in by_source.items():
            rows.extend(PassageRow(key, key_type, sid, n, text)
                        for n, text in enumerate(_passages(passages), start=1))
    return rows


# --- cells -----------------------------------------------------------------------------------


def csv_cell(column: Column, value: object) -> str:
    """A CSV cell: numbers as plain digits, lists joined, text made safe for spreadsheets.

    A text cell starting with = + - @ tab or carriage return gets a leading apostrophe so a
    spreadsheet shows it instead of running it as a formula (OWASP CSV injection). Numeric
    columns are never touched: -2.34 stays a number.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if column.type in ("number", "integer"):
        return machine_value(value)
    text = LIST_SEPARATOR.join(value) if column.is_list else str(value)
    return safe_cell(text)


def json_value(column: Column, value: object) -> object:
    if column.is_list:
        return list(value or [])
    return value


def table_csv(columns: Sequence[Column], rows: Iterable[object]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([csv_cell(c, c.get(row)) for c in columns])
    return out.getvalue()


def table_records(columns: Sequence[Column], rows: Iterable[object]) -> list[dict]:
    return [{c.name: json_value(c, c.get(row)) for c in columns} for row in rows]


def figure_rows(briefing: Briefing, site_url: str = "") -> list[FigureRow]:
    return [FigureRow(briefing, fig, site_url) for fig in briefing.figures.values()]


def source_rows(briefing: Briefing) -> list[SourceRow]:
    return [SourceRow(briefing, sid) for sid in briefing.sources]


# --- the package -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def schema(self) -> dict:
        out = {"fields": [c.schema() for c in self.columns],
               "primaryKey": list(self.primary_key), "missingValues": [""]}
        if self.foreign_keys:
            out["foreignKeys"] = [dict(fk) for fk in self.foreign_keys]
        return out


TABLES: tuple[Table, ...] = (
    Table("figures", "Figures", "Every figure on the site, one row each, with its value, "
          "date, sources and, for computed figures, the formula.", FIGURE_COLUMNS, ("key",)),
    Table("sources", "Sources", "The articles the figures come from, with the site's "
          "reliability rating.", SOURCE_COLUMNS, ("id",)),
    Table("passages", "Passages", "The sources' own words behind each figure and claim: one "
          "row per figure (or claim), source and passage. Quoted text remains its publishers' "
          "words.", PASSAGE_COLUMNS, ("key", "source", "passage_number"),
          ({"fields": "source", "reference": {"resource": "sources", "fields": "id"}},)),
)


def commit_id(project_dir: Path | None = None) -> str | None:
    """The commit the site is built from (GITHUB_SHA, else git rev-parse HEAD), if any."""
    if os.environ.get("GITHUB_SHA"):
        return os.environ["GITHUB_SHA"]
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project_dir or Path.cwd(),
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    sha = done.stdout.strip()
    return sha if done.returncode == 0 and len(sha) == 40 else None


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def descriptor(site_url: str, created: dt.datetime, commit: str | None) -> dict:
    """datapackage.json: the package's metadata and each table's Table Schema."""
    out = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": f"{SITE_NAME}: figures, sources and passages",
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
            f"{base}.json": json.dumps(record, ensure_ascii=False, indent=1) + "\n"}


def figure_file_href(r: PageRenderer, key: str, suffix: str = "csv") -> str:
    """Link from the page being rendered to one figure's row file."""
    return f"{r.page_href(DATA_DIR)}figures/{key}.{suffix}"


# --- charts ----------------------------------------------------------------------------------

_charts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def chart_download(r: PageRenderer, chart_id: str, keys: Sequence[str]) -> str:
    """The chart's "Download this chart's data" link; its CSV is written with the site."""
    _charts.setdefault(r.briefing, {})[chart_id] = tuple(dict.fromkeys(keys))
    href = f"{r.page_href(DATA_DIR)}charts/{chart_id}.csv"
    return (f'<p class="chart-download"><a href="{href}" download>'
            "Download this chart's data</a> (CSV)</p>")


def chart_files(briefing: Briefing, site_url: str = "") -> dict[str, str]:
    return {f"charts/{cid}.csv": table_csv(FIGURE_COLUMNS, [FigureRow(
        briefing, briefing.figure(k), site_url) for k in keys])
        for cid, keys in _charts.get(briefing, {}).items()}


# --- citation --------------------------------------------------------------------------------


def citation(fig: ResolvedFigure, site_url: str, page_url: str = APPENDIX_URL, *,
             site_name: str = SITE_NAME, accessed: dt.date | None = None) -> str:
    """A ready citation line: site, figure, value, as-of, permalink, access date (plain text).

    `page_url` is the appendix page's URL relative to `site_url` ('figures/').
    """
    accessed = accessed or dt.date.today()
    as_of = fig.as_of_text
    link = f"{site_url}{page_url}#{anchor(fig.key)}"
    day = format_partial_date(PartialDate.parse(accessed))
    return (f"{site_name}, \u201c{fig.label}\u201d: {fig.text} ({as_of}). {link} "
            f"(accessed {day}).")


def appendix_extras(r: PageRenderer, key: str, site_url: str) -> str:
    """<dt>/<dd> pairs for a figure's appendix entry: a citation and its row as CSV and JSON.

    For the appendix's <dl> (present/generated.py); separated by spaces so search snippets read.
    """
    fig = r.briefing.figure(key)
    return (f"<dt>Cite:</dt> <dd><span class=\"fig-citation\">"
            f"{escape(citation(fig, site_url))}</span> "
            f'<a class="fig-permalink" href="#{anchor(key)}">Permalink</a></dd> '
            f"<dt>Data:</dt> <dd><a href=\"{figure_file_href(r, key, 'csv')}\" download>CSV</a>"
            f" · <a href=\"{figure_file_href(r, key, 'json')}\" download>JSON</a></dd> ")


# --- the Data page ---------------------------------------------------------------------------


def _block(html: str) -> str:
    return html_block(html)


def dataset_jsonld(site_url: str, created: dt.datetime | None = None) -> str:
    """schema.org Dataset as JSON-LD, safe inside <script> (no '<', '>' or '&' unescaped)."""
    base = f"{site_url}{DATA_DIR}"
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": f"{SITE_NAME}: figures, sources and passages",
        "description": ("Sourced and dated figures on Alibaba's 2026 AI push (the Qwen Lunar "
                        "New Year campaign, infrastructure, competition and financial context), "
                        "with the articles they come from and the passages that support them."),
        "url": base, "license": LICENCE["path"], "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": SITE_NAME, "url": site_url},
        "keywords": ["Alibaba", "Qwen", "artificial intelligence", "China", "figures"],
        "inLanguage": "en",
        "variableMeasured": [c.name for c in FIGURE_COLUMNS],
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": f"{base}datapackage.json", "name": "datapackage.json"},
            *({"@type": "DataDownload", "encodingFormat": "text/csv",
               "contentUrl": f"{base}{t.path}", "name": t.path} for t in TABLES),
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": f"{base}figures.json", "name": "figures.json"},
        ],
    }
    if created:
        data["dateModified"] = created.strftime("%Y-%m-%d")
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


FILES = (("datapackage.json", "the package descriptor: metadata, licence and every table's "
          "schema"), ("figures.csv", "every figure, one row each"),
         ("figures.json", "the same figures as JSON (lists as arrays, numbers as numbers)"),
         ("sources.csv", "the source articles and their reliability ratings"),
         ("passages.csv", "the sources' words behind each figure and claim"),
         ("README.md", "this data dictionary as plain text"))


def _with_code(text: str) -> str:
    """Escaped text with `name` spans set as <code>."""
    parts = text.split("`")
    return "".join(f"<code>{escape(p)}</code>" if i % 2 else escape(p)
                   for i, p in enumerate(parts))


def data_dictionary(r: PageRenderer, site_url: str = "") -> str:
    """The Data page's body: files, licence, how to cite, and every column of every table."""
    here = r.page_href(DATA_DIR)
    files = "".join(f'<li><a href="{here}{name}" download><code>{name}</code></a>: '
                    f"{escape(what)}</li>" for name, what in FILES)
    out = [_block(f'<ul class="data-files">{files}</ul>'),
           "## Licence\n", _block(f'<p>{escape(LICENCE_NOTE)} <a href="{LICENCE["path"]}">'
                                  f'{escape(LICENCE["title"])}</a>.</p>'),
           "## Spreadsheets and per-figure files\n",
           _block("<p>In the CSV files, a text cell that begins with = + - @ or a tab starts "
                  "with an apostrophe, so that a spreadsheet shows it rather than running it "
                  "as a formula; numbers are never altered. Lists (sources, inputs) are "
                  "separated by semicolons. Each figure's row is also available on its own, as "
                  "CSV and JSON, from its entry in the <a href=\"" + r.page_href(APPENDIX_URL)
                  + "\">Figures appendix</a>, and each chart offers its own data.</p>")]
    for table in TABLES:
        rows = "".join(
            f"<tr><td><code>{c.name}</code></td><td>{c.type}{' (list)' if c.is_list else ''}"
            f"</td><td>{_with_code(c.description)}</td><td>"
            f"{f'<code>{escape(c.example)}</code>' if c.example else ''}</td></tr>"
            for c in table.columns)
        out.append(f"## {table.path} {{: #table-{table.name} }}\n")
        out.append(_block(
            f"<p>{escape(table.description)}</p>\n"
            "<table><thead><tr><th>Column</th><th>Type</th>"
            f"<th>Description</th><th>Example</th></tr></thead><tbody>{rows}</tbody></table>"))
    out.append(_block(dataset_jsonld(site_url, build_time())))
    return "\n".join(out)


# --- writing ---------------------------------------------------------------------------------


def package_files(briefing: Briefing, site_url: str = "", created: dt.datetime | None = None,
                  commit: str | None = None) -> dict[str, str]:
    """Every file of the package and the row/chart files, by path under data/."""
    created = created or build_time()
    figures = figure_rows(briefing, site_url)
    files = {
        "datapackage.json": json.dumps(descriptor(site_url, created, commit),
                                       ensure_ascii=False, indent=1) + "\n",
        "README.md": readme(created, commit),
        "figures.csv": table_csv(FIGURE_COLUMNS, figures),
        "figures.json": json.dumps(table_records(FIGURE_COLUMNS, figures), ensure_ascii=False,
                                   indent=1) + "\n",
        "sources.csv": table_csv(SOURCE_COLUMNS, source_rows(briefing)),
        "passages.csv": table_csv(PASSAGE_COLUMNS, passage_rows(briefing)),
    }
    for row in figures:
        files.update(row_files(row))
    files.update(chart_files(briefing, site_url))
    return files


def write_package(briefing: Briefing, site_dir: Path, site_url: str = "",
                  project_dir: Path | None = None) -> list[Path]:
    """Write the package under site_dir/data/; return the paths written."""
    written = []
    for name, text in package_files(briefing, site_url, commit=commit_id(project_dir)).items():
        path = site_dir / DATA_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
