"""The `updates:` log: each entry is dated and names only figures and sources that exist."""

from __future__ import annotations

from ..errors import did_you_mean
from ..load.yaml_source import YamlDocument
from .models import BriefingFile


def check_updates(model: BriefingFile, doc: YamlDocument) -> None:
    """Refuse an update without a date or naming an unknown figure or source."""
    for index, update in enumerate(model.updates):
        key = f"updates.{index}"
        if update.date.year is None:
            raise doc.error(("updates", index, "date"), "an update needs the date it was learnt",
                            "write the date, e.g. 2026-02-19", key=key)
        for field, known in (("figures", model.figures), ("sources", model.sources)):
            for position, name in enumerate(getattr(update, field)):
                if name not in known:
                    raise doc.error(
                        ("updates", index, field, position),
                        f"unknown {field[:-1]} '{name}'{did_you_mean(name, known)}",
                        f"list {field} that exist under '{field}:'", key=key)
