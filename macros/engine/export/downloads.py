"""Every download written with the site: the data package under data/ (see package.py),
and at the site root figures.json, figures.csv (the package's figures table) and sources.json,
kept at their first addresses for links that already point there."""

from __future__ import annotations

import json
from pathlib import Path

from ..derive.briefing import Briefing
from ..present.html import APPENDIX_URL, DATA_DIR
from .package import write_package
from .tables import SOURCE_COLUMNS, source_rows, table_records


def source_records(briefing: Briefing) -> list[dict]:
    return table_records(SOURCE_COLUMNS, source_rows(briefing))


def write_downloads(briefing: Briefing, site_dir: Path, site_url: str = "",
                    project_dir: Path | None = None,
                    appendix_url: str = APPENDIX_URL) -> list[Path]:
    """Write every download file into the built site; return their paths. `appendix_url`: the
    appendix page's URL, which the permalinks in the tables point to."""
    written = write_package(briefing, site_dir, site_url, project_dir, appendix_url)
    data = site_dir / DATA_DIR
    files = {
        "figures.json": (data / "figures.json").read_text(encoding="utf-8"),
        "figures.csv": (data / "figures.csv").read_text(encoding="utf-8"),
        "sources.json": json.dumps(source_records(briefing), ensure_ascii=False, indent=1) + "\n",
    }
    for name, text in files.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
