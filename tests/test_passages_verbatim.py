"""Every passage in data/briefing.yml is copied character for character from its article.

A passage is the short clause or sentence of a source article that carries a figure, claim or
glossary fact (`sources: {source-id: "passage"}`, or a list of passages). The articles are not
part of the project: they live in ../shared/sources next to it, so the engine's word-for-word
check (macros/engine/validate/articles.py) is run here only where that folder is present (set
BRIEFING_SOURCES_DIR to point at another copy). The shape checks
(every stated figure quotes each source it cites) need only the data file and always run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from macros.engine.config import BriefingConfig
from macros.engine.load.yaml_source import load_yaml
from macros.engine.validate.articles import check_articles, notice

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "briefing.yml"
SOURCES_DIR = Path(os.environ.get("BRIEFING_SOURCES_DIR")
                   or ROOT / BriefingConfig.articles)   # the default of the `articles:` setting

MAX_PASSAGE = 300  # characters: a clause or a sentence, never a paragraph
SECTIONS = ("figures", "claims", "glossary")


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


def test_passages_are_in_their_articles(capsys):
    """The engine's check (validate/articles.py) passes on the real data and articles."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(notice(str(SOURCES_DIR)) + " (set BRIEFING_SOURCES_DIR to check a copy)")
    check_articles(load_yaml(DATA), SOURCES_DIR, str(SOURCES_DIR))
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("entry", "source", "index", "passage"), QUOTED,
                         ids=[f"{entry}[{source}]{index or ''}" for entry, source, index, _ in QUOTED])
def test_passage_is_one_short_line(entry, source, index, passage):
    assert isinstance(passage, str) and passage.strip(), f"{entry}[{source}]: empty passage"
    assert passage == passage.strip(), f"{entry}[{source}]: passage starts or ends with whitespace"
    assert "\n" not in passage and len(passage) <= MAX_PASSAGE, (
        f"{entry}[{source}]: passage of {len(passage)} characters; quote the clause or sentence "
        f"that carries the fact (at most {MAX_PASSAGE} characters, one line)")


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
