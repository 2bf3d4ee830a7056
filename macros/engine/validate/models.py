"""The shape of the data file, enforced with pydantic and exported as JSON Schema
(schema_export.py; what each field means is in field_docs.py)."""

from __future__ import annotations

import datetime as dt
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

from ..dates import PartialDate
from ..kinds import CURRENCIES, KIND_NAMES

Kind = Literal[KIND_NAMES]   # the table in kinds.py
Currency = Literal[CURRENCIES]
Qualifier = Literal[
    "about", "approximately", "more than", "over", "at least", "up to", "nearly", "under"
]
Reliability = Literal["lowest", "low", "medium", "medium-high", "high"]
ConflictType = Literal["same-quantity", "different-dates", "computed-contradicts", "renamed"]

SOURCE_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIGURE_KEY = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
ARTICLE_FILE = r"^[^/\\]+\.txt$"   # a file name inside the articles folder, not a path

# The editor schema's dates (schema_export.py): the forms PartialDate.parse reads, with months
# 01-12 and days 01-31 (the engine also refuses days that do not exist, such as 2026-02-30).
_MONTH, _DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12][0-9]|3[01])"
_DATE = rf"[0-9]{{4}}(-{_MONTH}(-{_DAY})?)?|(early|mid|late) [0-9]{{4}}-{_MONTH}"
DATE_PATTERN_EDITOR = rf"^({_DATE})$"
DATED_PATTERN_EDITOR = rf"^(undated|{_DATE})$"

DateField = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    WithJsonSchema({"type": "string", "pattern": DATED_PATTERN_EDITOR}),
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

    name: Text
    publisher: Text
    title: Text
    date: DateField
    date_estimated: StrictBool = False
    url: Annotated[str, Field(pattern=r"^https?://")] | None = None
    as_reported_by: Text | None = None
    article: Annotated[str, Field(pattern=ARTICLE_FILE)] | None = None
    retrieved: DateField | None = None
    reliability: Reliability
    note: Text


class Check(Strict):
    """A stated figure that a derived figure must agree with."""

    stated: FigureKey
    tolerance: Annotated[float, Field(gt=0, lt=1)]


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
    editorial: StrictBool = False
    expected: StrictBool = False
    decimals: Annotated[int, Field(ge=0, le=6)] | None = None
    note: Text | None = None
    appendix_only: StrictBool = False
    check: Check | None = None


class Conflict(Strict):
    """Sources that report the same thing differently."""

    title: Text
    type: ConflictType
    figures: Annotated[list[FigureKey], Field(min_length=2)]
    explanation: Text | None = None


class ClaimData(Strict):
    """Something a source said, did or expects, cited from page prose with cite()."""

    says: Text
    sources: Annotated[Passages, Field(min_length=1)]


class GlossaryData(Strict):
    """A term the pages use, with other names and optional supporting passages."""

    term: Text
    also: list[Text] = Field(default_factory=list)
    definition: Text
    sources: Passages = Field(default_factory=dict)


class OpenQuestionData(Strict):
    """Something the articles leave open, tied to the figures it concerns."""

    question: Text
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


class UpdateData(Strict):
    """New information that came after publication (not a correction of a figure): when, what,
    and the figures and sources it concerns."""

    date: DateField
    says: Text
    figures: list[FigureKey] = Field(default_factory=list)
    sources: list[SourceId] = Field(default_factory=list)


class BriefingFile(Strict):
    """The whole data file."""

    sources: dict[SourceId, Source]
    figures: dict[FigureKey, Figure]
    conflicts: dict[SourceId, Conflict] = Field(default_factory=dict)
    claims: dict[FigureKey, ClaimData] = Field(default_factory=dict)
    glossary: dict[SourceId, GlossaryData] = Field(default_factory=dict)
    open_questions: dict[SourceId, OpenQuestionData] = Field(default_factory=dict)
    corrections: list[CorrectionData] = Field(default_factory=list)
    updates: list[UpdateData] = Field(default_factory=list)

