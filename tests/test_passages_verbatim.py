"""Every passage in data/briefing.yml is copied character for character from its article.

A passage is the short clause or sentence of a source article that carries a figure, claim or
glossary fact (`sources: {source-id: "passage"}`, or a list of passages). The articles are not
part of the project: they live in ../shared/sources next to it, so the verbatim check is skipped
where that folder is absent (set BRIEFING_SOURCES_DIR to point at another copy). The shape checks
(every stated figure quotes each source it cites) need only the data file and always run.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "briefing.yml"
SOURCES_DIR = Path(os.environ.get("BRIEFING_SOURCES_DIR")
                   or Path(__file__).resolve().parents[2] / "shared" / "sources")

# Source id -> prefix of its article file in ../shared/sources (see the README there). A relayed
# source (Reuters, Bloomberg, Investing.com, news.aibase.com) maps to the article that relays it:
# its passage is the relaying article's sentence that credits it.
SOURCE_FILES = {
    "ai-analysis": "000",            # AI-generated analysis
    "logos-press": "001",            # Logos Press item
    "investing-com": "001",          # relayed by the Logos Press item
    "news-aibase": "001",            # relayed by the Logos Press item
    "stocknews-feb3": "002",         # stock-news article, about 3 February 2026
    "reuters": "002",                # relayed by stocknews-feb3
    "bloomberg": "002",              # relayed by stocknews-feb3
    "stocknews-feb6": "003",         # stock-news article, about 6 February 2026
    "investment-background": "004",  # background article on the multi-year investment
}

# A relayed source's passage must name it, so a reader sees the credit in the quoted sentence.
CREDITS = {
    "investing-com": "Investing.com",
    "news-aibase": "news.aibase.com",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
}

MAX_PASSAGE = 300  # characters: a clause or a sentence, never a paragraph
SECTIONS = ("figures", "claims", "glossary")

# Typographic characters that a retyped passage most often gets wrong, for the failure hint.
LOOKALIKES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                            "≈": "~", "€": "EUR", "\u00a0": " "})


def _load() -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with DATA.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


DOC = _load()


def _passages(cited) -> list:
    """The passages given for one source: a string, or a list of strings."""
    return [cited] if isinstance(cited, str) else list(cited) if isinstance(cited, list) else [cited]


def _quoted() -> list[tuple[str, str, str, object]]:
    """(entry, source id, index, passage) for every passage in figures, claims and glossary."""
    found = []
    for section in SECTIONS:
        for key, entry in (DOC.get(section) or {}).items():
            cited = (entry or {}).get("sources")
            if not isinstance(cited, dict):
                continue
            for source, given in cited.items():
                for index, passage in enumerate(_passages(given)):
                    found.append((f"{section}.{key}", source, index, passage))
    return found


QUOTED = _quoted()


def _article(prefix: str) -> str:
    matches = sorted(SOURCES_DIR.glob(f"{prefix}_*.txt"))
    assert len(matches) == 1, f"expected one article {prefix}_*.txt in {SOURCES_DIR}, found {matches}"
    return matches[0].read_text(encoding="utf-8")


def _hint(passage: str, text: str) -> str:
    """Why a passage is not in the article: look-alike characters, or where it stops matching."""
    fold = lambda s: unicodedata.normalize("NFC", s).translate(LOOKALIKES)  # noqa: E731
    if fold(passage) in fold(text):
        return ("it matches only after replacing curly quotes, dashes, the euro or "
                "approximately-equal sign: copy those characters from the article as they are")
    if " ".join(passage.split()) in " ".join(text.split()):
        return "it matches only after collapsing whitespace: copy the spacing exactly"
    length = len(passage)
    while length and passage[:length] not in text:
        length -= 1
    return (f"the article has the first {length} characters ({passage[:length]!r}) "
            f"but not what follows ({passage[length:length + 40]!r})")


def test_every_source_has_an_article_file():
    """A source without an entry here would escape the verbatim check."""
    missing = sorted(set(DOC["sources"]) - set(SOURCE_FILES))
    assert not missing, (f"add {missing} to SOURCE_FILES in {Path(__file__).name}, mapped to the "
                         "prefix of its article file (the relaying article for a relayed source)")
    relayed = sorted(key for key, source in DOC["sources"].items()
                     if source.get("as_reported_by") and key not in CREDITS)
    assert not relayed, f"add {relayed} to CREDITS: the name the relaying sentence credits"


@pytest.mark.parametrize(("entry", "source", "index", "passage"), QUOTED,
                         ids=[f"{entry}[{source}]{index or ''}" for entry, source, index, _ in QUOTED])
def test_passage_is_verbatim(entry, source, index, passage):
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"source articles not found at {SOURCES_DIR} (they live next to the project "
                    "in ../shared/sources; set BRIEFING_SOURCES_DIR to check another copy)")
    assert source in SOURCE_FILES, f"{entry}: no article file known for source '{source}'"
    assert isinstance(passage, str) and passage.strip(), f"{entry}[{source}]: empty passage"
    assert passage == passage.strip(), f"{entry}[{source}]: passage starts or ends with whitespace"
    assert "\n" not in passage and len(passage) <= MAX_PASSAGE, (
        f"{entry}[{source}]: passage of {len(passage)} characters; quote the clause or sentence "
        f"that carries the fact (at most {MAX_PASSAGE} characters, one line)")
    text = _article(SOURCE_FILES[source])
    assert passage in text, (f"{entry}[{source}]: passage is not verbatim in article "
                             f"{SOURCE_FILES[source]}: {_hint(passage, text)}\n  {passage!r}")
    if source in CREDITS:
        assert CREDITS[source] in passage, (
            f"{entry}[{source}]: a relayed source's passage is the relaying sentence that credits "
            f"it, so it must contain {CREDITS[source]!r}")


def _stated_figures() -> list[str]:
    return [key for key, fig in DOC["figures"].items()
            if "formula" not in fig and not fig.get("editorial")]


@pytest.mark.parametrize("key", _stated_figures())
def test_stated_figure_quotes_each_source(key):
    """A stated figure maps every source it cites to at least one non-empty passage."""
    cited = DOC["figures"][key].get("sources")
    assert isinstance(cited, dict) and cited, (
        f"figures.{key}: sources must map each source id to the verbatim passage that states "
        "the figure, e.g. sources: {stocknews-feb3: \"3 billion yuan\"}")
    for source, given in cited.items():
        assert source in DOC["sources"], f"figures.{key}: unknown source '{source}'"
        passages = _passages(given)
        assert passages and all(isinstance(p, str) and p.strip() for p in passages), (
            f"figures.{key}[{source}]: give a passage (a string, or a list of strings) for "
            "every source cited; a source that does not state the figure is not cited")


def test_editorial_figures_cite_nothing():
    """The site's own renamings and notes have no sources and no as-of date."""
    for key, fig in DOC["figures"].items():
        if fig.get("editorial"):
            assert not fig.get("sources") and "as_of" not in fig, (
                f"figures.{key}: an editorial figure has no sources and no as_of")


def test_claims_quote_their_sources():
    """Every claim is backed by at least one passage for each source it cites."""
    for key, claim in (DOC.get("claims") or {}).items():
        cited = claim.get("sources")
        assert isinstance(cited, dict) and cited, f"claims.{key}: sources must map ids to passages"
        for source, given in cited.items():
            assert all(isinstance(p, str) and p.strip() for p in _passages(given)) and given, (
                f"claims.{key}[{source}]: empty passage")
