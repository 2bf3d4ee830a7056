"""The engine's one pass over the data: read (load/) -> check (validate/) -> derive and format
(derive/, format/) -> the `Briefing` every page and download reads."""

from __future__ import annotations

from pathlib import Path

from .derive.briefing import Briefing
from .load.yaml_source import YamlDocument, load_yaml, parse_yaml
from .validate.document import validate
from .validate.rules import check_derived
from .validate.updates import check_updates


def load_briefing(path: Path, display: str | None = None, root: Path | None = None
                  ) -> Briefing:
    """The briefing of the data file at `path` (named `display` in messages; with `root`, it
    must be inside that folder)."""
    return briefing_of(load_yaml(path, display, root))


def briefing_from_text(text: str, name: str = "briefing.yml") -> Briefing:
    """The briefing of a data file's text (tests, tools)."""
    return briefing_of(parse_yaml(text, name))


def briefing_of(doc: YamlDocument) -> Briefing:
    """Check what was written, derive and format (checking each stated figure's rules and
    passages before any figure is computed from it), then check the derived values."""
    model = validate(doc)
    check_updates(model, doc)
    briefing = Briefing(model, doc)
    check_derived(briefing, doc)
    return briefing
