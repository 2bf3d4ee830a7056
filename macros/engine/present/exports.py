"""Machine-readable downloads of the data: figures.json, figures.csv, sources.json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..derive.briefing import Briefing, ResolvedFigure
from ..formatting.values import format_partial_date
from .csv_safe import safe_row

FIGURE_COLUMNS = ["key", "label", "value", "formatted", "unit", "kind", "qualifier",
                  "as_of", "sources", "derived_from", "formula"]


def _raw(fig: ResolvedFigure) -> object:
    return fig.machine if fig.kind in {"date", "text"} else fig.value


def figure_records(briefing: Briefing) -> list[dict]:
    return [{
        "key": fig.key, "label": fig.label, "value": _raw(fig), "formatted": fig.text,
        "unit": fig.unit_label, "kind": fig.kind, "qualifier": fig.qualifier or "",
        "as_of": fig.as_of.iso, "sources": list(fig.sources),
        "derived_from": list(fig.inputs), "formula": fig.formula or "",
    } for fig in briefing.figures.values()]


def source_records(briefing: Briefing) -> list[dict]:
    return [{
        "id": sid, "publisher": src.publisher, "title": src.title, "date": src.date.iso,
        "date_text": format_partial_date(src.date), "url": src.url or "",
        "as_reported_by": src.as_reported_by or "", "reliability": src.reliability,
        "note": src.note, "figures": briefing.cited_by(sid),
    } for sid, src in briefing.sources.items()]


def figures_csv(briefing: Briefing) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in figure_records(briefing):
        writer.writerow(safe_row({**record, "sources": ";".join(record["sources"]),
                                  "derived_from": ";".join(record["derived_from"])}))
    return out.getvalue()


def write_downloads(briefing: Briefing, site_dir: Path) -> list[Path]:
    """Write the three downloads into the built site; return their paths."""
    files = {
        "figures.json": json.dumps(figure_records(briefing), ensure_ascii=False, indent=1),
        "figures.csv": figures_csv(briefing),
        "sources.json": json.dumps(source_records(briefing), ensure_ascii=False, indent=1),
    }
    written = []
    for name, text in files.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
