"""What the engine hands to presentation, resolved from the file models (validate/models.py).

Plain frozen dataclasses: presentation reads them without knowing the file models.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import PartialDate

PassageMap = dict[str, tuple[str, ...]]


def passages_of(sources: dict[str, str | list[str]]) -> PassageMap:
    """Source id -> tuple of passages, in data order."""
    return {sid: (p,) if isinstance(p, str) else tuple(p) for sid, p in sources.items()}


@dataclass(frozen=True)
class Claim:
    key: str
    says: str
    sources: PassageMap
    line: int | None


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    term: str
    also: tuple[str, ...]
    definition: str
    sources: PassageMap
    line: int | None


@dataclass(frozen=True)
class OpenQuestion:
    key: str
    question: str
    figures: tuple[str, ...]
    why: str
    line: int | None


@dataclass(frozen=True)
class Correction:
    figure: str
    date: PartialDate
    old: str
    new: str | None          # None when the figure was removed
    reason: str
    line: int | None
    removed: bool = False
    kind: str = "value"       # "value" (badged corrected) or "clarification" (wording only)


@dataclass(frozen=True)
class Update:
    """New information after publication; `number` counts the log from its oldest entry, so
    an entry keeps its anchor when later ones are added."""

    number: int
    date: PartialDate
    says: str
    figures: tuple[str, ...]
    sources: tuple[str, ...]
    line: int | None

    @property
    def anchor(self) -> str:
        return f"update-{self.number}"
