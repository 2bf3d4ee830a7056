"""One record per citable thing (the briefing, a figure; present/citation.py makes them and the
citation line), written as BibTeX, CSL-JSON and RIS, so every format names the same title,
date, URL and figure as the line.

The access date is the reader's: only the plain line, which is read as it is copied, says it.
The files leave it out (BibTeX's `urldate`, CSL-JSON's `accessed`, RIS's `Y2`), because a
file written at build time cannot know when it is read, and reference managers fill it in
when the reader saves the item.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..present.citation import (
    CITATION_FORMATS,
    CITE_DIR,
    CitationRecord,
    cited_title,
)

BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def container(record: CitationRecord) -> str | None:
    """The site, as the container of what is cited; none when the site itself is cited."""
    return None if cited_title(record) == record.site_name else record.site_name


def bibtex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, Unicode kept (biber and
    bibtex8 read UTF-8; an escaped `\\$` reads back as `$`)."""
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in text)


def bibtex(record: CitationRecord) -> str:
    """A `@misc` entry (read by BibTeX styles and biblatex alike) with the `url` field that
    both understand; the title is double-braced so styles keep its capitals."""
    if any(char in record.url for char in "{} \n"):
        raise ValueError(f"URL not usable in BibTeX: {record.url!r}")
    day = record.date_modified
    fields = [("author", f"{{{bibtex_escape(record.publisher)}}}"),
              ("title", f"{{{bibtex_escape(cited_title(record))}}}"),
              ("howpublished", bibtex_escape(container(record) or "")),
              ("year", str(day.year)), ("date", day.isoformat()), ("url", record.url)]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return (f"@misc{{{record.key},\n{body}  month = {MONTHS[day.month - 1]},\n}}\n")


def csl_json(record: CitationRecord) -> str:
    """CSL-JSON (a list of one `webpage` item), as Zotero, Mendeley and pandoc read it."""
    day = record.date_modified
    item = {"id": record.key, "type": "webpage", "title": cited_title(record),
            "container-title": container(record), "publisher": record.publisher,
            "author": [{"literal": record.publisher}],
            "issued": {"date-parts": [[day.year, day.month, day.day]]}, "URL": record.url}
    item = {name: value for name, value in item.items() if value}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def ris_value(text: str) -> str:
    """A RIS value: one line (line breaks become spaces), at most 255 characters."""
    flat = " ".join(text.split())
    if len(flat) > 255:
        raise ValueError(f"RIS values are at most 255 characters: {flat[:40]}...")
    return flat


def ris(record: CitationRecord) -> str:
    """A RIS record of type ELEC (a web page, as EndNote and Zotero write it), CRLF lines."""
    day = record.date_modified
    tags = [("TY", "ELEC"), ("ID", record.key), ("AU", record.publisher),
            ("TI", cited_title(record)), ("T2", container(record)), ("PB", record.publisher),
            ("PY", str(day.year)), ("DA", day.strftime("%Y/%m/%d/")), ("UR", record.url)]
    lines = [f"{tag}  - {ris_value(value)}" for tag, value in tags if value] + ["ER  - "]
    return "\r\n".join(lines) + "\r\n"


WRITERS = {"bib": bibtex, "json": csl_json, "ris": ris}


def write_citations(records: list[CitationRecord], site_dir: Path) -> list[Path]:
    """Each record's three files under cite/ (`<key>.bib`, `.json`, `.ris`)."""
    folder = site_dir / CITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for record in records:
        for suffix, _ in CITATION_FORMATS:
            path = folder / f"{record.key}.{suffix}"
            path.write_text(WRITERS[suffix](record), encoding="utf-8", newline="")
            written.append(path)
    return written

