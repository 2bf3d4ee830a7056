"""The three tables of the downloads (figures, sources, passages): their columns and rows.

One list of columns per table (`FIGURE_COLUMNS`, `SOURCE_COLUMNS`, `PASSAGE_COLUMNS`) writes
the CSV, the JSON, the Table Schema in `datapackage.json`, the README and the data dictionary
on the Data page, so the description of a column cannot drift from the column itself.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..dates import PATTERN as DATE_PATTERN
from ..derive.briefing import Briefing, ResolvedFigure
from ..format.values import format_partial_date, machine_value
from ..kinds import CURRENCIES, KIND_NAMES
from ..present.html import APPENDIX_URL, RELIABILITY_ORDER, permalink
from .csv_safe import safe_cell

LIST_SEPARATOR = ";"
PRECISIONS = ["day", "part", "month", "year", "none"]


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


@dataclass(frozen=True)
class FigureRow:
    briefing: Briefing
    fig: ResolvedFigure
    site_url: str
    appendix_url: str = APPENDIX_URL  # the appendix page's URL (the `appendix:` setting's)


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
           lambda r: str(r.fig.value) if r.fig.kind == "date" else None, "mid 2026-02",
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
           lambda r: r.fig.currency, "CNY", {"enum": list(CURRENCIES)}),
    Column("unit", "string", "The unit of a count (a plural noun), a duration (day, week, "
           "month or year) or a ratio; never a currency.", lambda r: r.fig.unit, "day"),
    Column("as_of", "string", "When the figure was true or reported, written like "
           "`value_date`, or `undated` when no source gives a date.",
           lambda r: str(r.fig.as_of), "2026-02-02",
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
           "medium;medium", is_list=True),
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
           lambda r: permalink(r.site_url, r.appendix_url, r.fig.key)),
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
           lambda r: r.src.name, "Stock news, 3 Feb"),
    Column("publisher", "string", "Who published the article.", lambda r: r.src.publisher,
           "Logos Press", {"required": True}),
    Column("title", "string", "The article's headline (or a short descriptive title where it "
           "has none).", lambda r: r.src.title, "", {"required": True}),
    Column("date", "string", "Publication date, written like figures.csv's `as_of`.",
           lambda r: str(r.src.date), "2026-02-03",
           {"required": True, "pattern": DATE_PATTERN}),
    Column("date_precision", "string", "How precise `date` is.",
           lambda r: r.src.date.precision, "day", {"required": True, "enum": PRECISIONS}),
    Column("date_display", "string", "`date` as the site writes it.",
           lambda r: format_partial_date(r.src.date), "3 February 2026"),
    Column("date_estimated", "boolean", "true when the date is inferred from the content "
           "(the article prints none).",
           lambda r: r.src.date_estimated, "true"),
    Column("url", "string", "The article's address, when known.", lambda r: r.src.url),
    Column("as_reported_by", "string", "For a second-hand report, who passed it on.",
           lambda r: r.src.as_reported_by, "Stock news, 3 Feb"),
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
           lambda r: r.passage,
           "Alibaba has allocated 3 billion yuan (approximately $431 million USD) to promote "
           "its Qwen application.", {"required": True}),
)


def passage_rows(briefing: Briefing) -> list[PassageRow]:
    """One row per figure-source-passage and claim-source-passage (none before passages exist)."""
    rows = []
    subjects = [(k, "figure", f.passages) for k, f in briefing.figures.items()]
    subjects += [(k, "claim", c.sources) for k, c in briefing.claims.items()]
    for key, key_type, by_source in subjects:
        for sid, passages in by_source.items():
            rows.extend(PassageRow(key, key_type, sid, n, text)
                        for n, text in enumerate(passages, start=1))
    return rows


def csv_cell(column: Column, value: object) -> str:
    """A CSV cell: numbers as plain digits, lists joined, text made safe for spreadsheets.

    A text cell a spreadsheet could run as a formula or hide (csv_safe.py) gets a leading
    apostrophe so a spreadsheet shows it instead (OWASP CSV injection). Numeric
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


def table_csv(columns: Sequence[Column], rows: Iterable[object]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([csv_cell(c, c.get(row)) for c in columns])
    return out.getvalue()


def json_text(data: object) -> str:
    """JSON as every download writes it: UTF-8 text, one-space indent, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def table_records(columns: Sequence[Column], rows: Iterable[object]) -> list[dict]:
    return [{c.name: list(c.get(row) or []) if c.is_list else c.get(row) for c in columns}
            for row in rows]


def figure_rows(briefing: Briefing, site_url: str = "",
                appendix_url: str = APPENDIX_URL) -> list[FigureRow]:
    return [FigureRow(briefing, fig, site_url, appendix_url) for fig in briefing.figures.values()]


def source_rows(briefing: Briefing) -> list[SourceRow]:
    return [SourceRow(briefing, sid) for sid in briefing.sources]


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
