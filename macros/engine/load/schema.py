"""The shape of the data file, enforced with pydantic and exported as JSON Schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    WithJsonSchema,
)

from ..dates import PATTERN as DATE_PATTERN
from ..dates import PartialDate

Kind = Literal["money", "count", "percent", "date", "ratio", "price", "duration", "year", "text"]
Currency = Literal["CNY", "USD", "EUR"]
Qualifier = Literal[
    "about", "approximately", "more than", "over", "at least", "up to", "nearly", "under"
]
Reliability = Literal["lowest", "low", "medium", "medium-high", "high"]
ConflictType = Literal["same-quantity", "different-dates", "computed-contradicts", "renamed"]

SOURCE_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIGURE_KEY = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"

DateField = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN,
                    "description": "2026-02-15, 2026-02, 'mid 2026-02' or 2026"}),
]
Text = Annotated[str, Field(min_length=1)]
SourceId = Annotated[str, Field(pattern=SOURCE_ID)]
FigureKey = Annotated[str, Field(pattern=FIGURE_KEY)]
Passage = Annotated[str, Field(min_length=1, description="verbatim from the source")]
Passages = Annotated[
    dict[SourceId, Passage | Annotated[list[Passage], Field(min_length=1)]],
    Field(description="source id -> the verbatim passage (or passages) that support it"),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Source(Strict):
    """An article the site draws on."""

    name: Text = Field(description="one short, stable, dated name used everywhere, "
                       "e.g. 'Stock news, 3 Feb'; unique")
    publisher: Text
    title: Text
    date: DateField
    date_estimated: StrictBool = Field(
        False, description="true when the date is inferred (adverts, content), not printed")
    url: Annotated[str, Field(pattern=r"^https?://")] | None = None
    as_reported_by: Text | None = None
    reliability: Reliability
    note: Text


class Check(Strict):
    """A stated figure that a derived figure must agree with."""

    stated: FigureKey
    tolerance: Annotated[float, Field(gt=0, lt=1)] = Field(
        description="largest allowed relative difference, e.g. 0.01 for 1%")


class Figure(Strict):
    """One fact: a stated value with its sources, or a formula over other figures."""

    label: Text
    kind: Kind
    value: StrictInt | StrictFloat | dt.date | Text | None = None
    formula: Text | None = None
    currency: Currency | None = None
    unit: Text | None = None
    qualifier: Qualifier | None = None
    as_of: DateField | None = None
    sources: Passages = Field(default_factory=dict)
    editorial: StrictBool = Field(False, description="the site's own renaming or note: "
                                  "no sources, no as_of")
    expected: StrictBool = Field(False, description="not yet happened when reported")
    decimals: Annotated[int, Field(ge=0, le=6)] | None = None
    note: Text | None = None
    appendix_only: StrictBool = False
    check: Check | None = None


class Conflict(Strict):
    """Sources that report the same thing differently."""

    title: Text
    type: ConflictType
    figures: Annotated[list[FigureKey], Field(min_length=2)]
    explanation: Text | None = Field(None, description="deprecated: the explanation is page "
                                     "prose in docs/conflicts.md")


class ClaimData(Strict):
    """Something a source said, did or expects, cited from page prose with cite()."""

    says: Text = Field(description="what the source says, in the site's words, no digits")
    sources: Annotated[Passages, Field(min_length=1)]


class GlossaryData(Strict):
    """A term the pages use, with other names and optional supporting passages."""

    term: Text
    also: list[Text] = Field(default_factory=list)
    definition: Text
    sources: Passages = Field(default_factory=dict)


class OpenQuestionData(Strict):
    """Something the articles leave open, tied to the figures it concerns."""

    question: Text = Field(description="no digits: the figures carry the numbers")
    figures: Annotated[list[FigureKey], Field(min_length=1)]
    why: Text


class CorrectionData(Strict):
    """A change to a published figure; 'new' must equal the figure's current text. A figure
    taken off the site is recorded with removed: true and no 'new'."""

    figure: FigureKey
    date: DateField
    old: Text
    new: Text | None = None
    removed: StrictBool = False
    reason: Text


class BriefingFile(Strict):
    """The whole data file."""

    sources: dict[SourceId, Source]
    figures: dict[FigureKey, Figure]
    conflicts: dict[SourceId, Conflict] = Field(default_factory=dict)
    claims: dict[FigureKey, ClaimData] = Field(default_factory=dict)
    glossary: dict[SourceId, GlossaryData] = Field(default_factory=dict)
    open_questions: dict[SourceId, OpenQuestionData] = Field(default_factory=dict)
    corrections: list[CorrectionData] = Field(default_factory=list)


# ------------------------------------------------------------------------------------------
# What the engine hands to presentation (resolved from the file models above).

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


def json_schema() -> dict:
    """JSON Schema of the data file, for editors (yaml-language-server)."""
    schema = BriefingFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Briefing data file"
    schema["properties"]["sources"]["propertyNames"] = {"pattern": SOURCE_ID}
    schema["properties"]["figures"]["propertyNames"] = {"pattern": FIGURE_KEY}
    for section, pattern in (("conflicts", SOURCE_ID), ("claims", FIGURE_KEY),
                             ("glossary", SOURCE_ID), ("open_questions", SOURCE_ID)):
        schema["properties"][section]["propertyNames"] = {"pattern": pattern}
    return schema
