"""Every download written with the site: the data package under data/ (see package.py),
at the site root figures.json, figures.csv (the package's figures table) and sources.json,
kept at their first addresses for links that already point there, and the feed of
corrections and updates (feed.xml, feed.json; see feed.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..derive.briefing import Briefing
from ..present.html import APPENDIX_URL, DATA_DIR
from .feed import Entry, FeedMeta, atom_feed, json_feed
from .package import write_package
from .tables import SOURCE_COLUMNS, source_rows, table_records


def source_records(briefing: Briefing) -> list[dict]:
    return table_records(SOURCE_COLUMNS, source_rows(briefing))


def write_downloads(briefing: Briefing, site_dir: Path, site_url: str = "",
                    project_dir: Path | None = None,
                    appendix_url: str = APPENDIX_URL,
                    charts: Mapping[str, Sequence[str]] | None = None,
                    feed: tuple[FeedMeta, Sequence[Entry]] | None = None) -> list[Path]:
    """Write every download file into the built site; return their paths. `appendix_url`: the
    appendix page's URL, which the permalinks in the tables point to; `charts`: the figures of
    each chart drawn, by chart id (Site.chart_keys); `feed`: the feed's description and
    entries (none written without entries)."""
    written = write_package(briefing, site_dir, site_url, project_dir, appendix_url, charts)
    data = site_dir / DATA_DIR
    files = {
        "figures.json": (data / "figures.json").read_text(encoding="utf-8"),
        "figures.csv": (data / "figures.csv").read_text(encoding="utf-8"),
        "sources.json": json.dumps(source_records(briefing), ensure_ascii=False, indent=1) + "\n",
    }
    if feed and feed[1]:
        meta, entries = feed
        files["feed.xml"] = atom_feed(meta, entries).decode("utf-8")
        files["feed.json"] = json_feed(meta, meta.feed_url.removesuffix("feed.xml") + "feed.json",
                                       entries)
    for name, text in files.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
