"""The real data file as text to break: entries that tests add to it, ahead of a section."""

from __future__ import annotations

from conftest import ROOT
from engine_data import DATA, line_of, load_file

REAL_TEXT = (ROOT / DATA).read_text(encoding="utf-8")
REAL = load_file(ROOT / DATA, DATA)
SOURCE = next(iter(REAL.sources))
KEY = next(k for k, f in REAL.figures.items() if not f.derived and f.kind == "money")


def stated(key: str, *extra: str, value: str = "5", kind: str = "count",
           passage: str | None = None) -> str:
    """YAML for a stated figure citing a real source with a passage (by default the value as
    written), with extra lines appended."""
    lines = [f"  {key}:", "    label: Test figure", f"    value: {value}", f"    kind: {kind}",
             "    as_of: 2026-02-03", f'    sources: {{{SOURCE}: "{passage or value}"}}',
             *(f"    {e}" for e in extra)]
    return "\n".join(lines) + "\n"


def derived(key: str, formula: str, *extra: str, kind: str = "count") -> str:
    lines = [f"  {key}:", "    label: Test derived figure", f"    kind: {kind}",
             f"    formula: {formula}", *(f"    {e}" for e in extra)]
    return "\n".join(lines) + "\n"


def add(section: str, entries: str, text: str = REAL_TEXT) -> str:
    """The data file's text with entries put first under `section:`."""
    assert f"\n{section}:\n" in text, section
    return text.replace(f"\n{section}:\n", f"\n{section}:\n{entries}", 1)


def line(text: str, snippet: str) -> int:
    """The line of a snippet that occurs once in `text`."""
    assert text.count(snippet) == 1, snippet
    return line_of(snippet, text)
