"""The engine's one pass over the data: load -> validate -> derive and format, giving the
`Briefing` every page and download reads."""

from __future__ import annotations

from pathlib import Path

from .derive.briefing import Briefing, formulas_in_order, stated_briefing, with_derived
from .load.yaml_source import YamlDocument, load_yaml, parse_yaml
from .validate.articles import check_articles
from .validate.document import validate
from .validate.passages import check_passages
from .validate.rules import check_derived, check_written
from .validate.updates import check_updates


def load_briefing(path: Path, display: str | None = None, root: Path | None = None,
                  articles: tuple[Path, str] | None = None) -> Briefing:
    """The briefing of the data file at `path` (named `display` in messages; with `root`, it
    must be inside that folder); with `articles` (the folder of article texts and its name in
    messages), every passage must also be word for word in its article, read afresh."""
    doc = load_yaml(path, display, root)
    briefing = briefing_of(doc)
    if articles is not None:
        check_articles(doc, *articles)
    return briefing


def briefing_from_text(text: str, name: str = "briefing.yml") -> Briefing:
    """The briefing of a data file's text (tests, tools)."""
    return briefing_of(parse_yaml(text, name))


def briefing_of(doc: YamlDocument) -> Briefing:
    """Every stated figure is checked (the guide's rules and ranges first, so that a value out
    of range is told as such, then its passages) before any figure is computed from it; the
    derived figures are checked once computed."""
    model = validate(doc)
    check_updates(model, doc)
    formulas = formulas_in_order(model, doc)
    stated = stated_briefing(model, doc)
    check_written(stated, doc)
    check_passages(stated.figures, doc)
    briefing = with_derived(stated, model, formulas, doc)
    check_derived(briefing, doc)
    return briefing
