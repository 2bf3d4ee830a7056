"""Every download written with the site: the data package under data/ (see package.py),
at the site root figures.json, figures.csv (the package's figures table) and sources.json,
kept at their first addresses for links that already point there, and the feed of
corrections and updates (feed.xml, feed.json; see feed.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..build_info import build_time, commit_id
from ..derive.briefing import Briefing
from ..present.html import APPENDIX_URL, DATA_DIR
from .feed import Entry, FeedMeta, atom_feed, json_feed
from .package import package_files
from .tables import SOURCE_COLUMNS, json_text, source_rows, table_records


def write_downloads(briefing: Briefing, site_dir: Path, site_url: str = "",
                    project_dir: Path | None = None,
                    appendix_url: str = APPENDIX_URL,
                    charts: Mapping[str, Sequence[str]] | None = None,
                    feed: tuple[FeedMeta, Sequence[Entry]] | None = None) -> list[Path]:
    """Write every download file into the built site; return their paths. `appendix_url`: the
    appendix page's URL, which the permalinks in the tables point to; `charts`: the figures of
    each chart drawn, by chart id (Site.chart_keys); `feed`: the feed's description and
    entries (none written without entries)."""
    package = package_files(briefing, site_url, build_time(project_dir), commit_id(project_dir),
                            appendix_url, charts or {})
    files = {f"{DATA_DIR}{name}": text for name, text in package.items()}
    files["figures.json"] = package["figures.json"]
    files["figures.csv"] = package["figures.csv"]
    files["sources.json"] = json_text(table_records(SOURCE_COLUMNS, source_rows(briefing)))
    if feed and feed[1]:
        meta, entries = feed
        files["feed.xml"] = atom_feed(meta, entries).decode("utf-8")
        files["feed.json"] = json_feed(meta, meta.feed_url.removesuffix("feed.xml") + "feed.json",
                                       entries)
    written = []
    for name, text in files.items():
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
