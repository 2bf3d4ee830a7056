"""The shape of the data file, enforced with pydantic, and what each field means: every field's
description (Markdown) and examples are the text of CONTRIBUTING.md's field tables and of the
editor schema, data/briefing.schema.json (both written by `make schema`, schema_export.py).
A field whose table says more than yes or no keeps that under `x-required`.

Every rule about one entry is here: figures and corrections are unions of variants (stated,
editorial, derived; changed, removed), each with only its own fields; what a variant must not
have or must have is REFUSED or NEEDED, and other rules `refuse` with a catalogue id. Rules
that need the whole file (what a key names exists) are in document.py and rules.py."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from functools import reduce
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from ..dates import PartialDate
from ..errors import shown
from ..kinds import CURRENCIES, KIND_NAMES, KINDS, MAX_MAGNITUDE
from .formula_syntax import FormulaError, parse_formula, references
from .text import one_line

Kind = Literal[KIND_NAMES]   # the table in kinds.py
Currency = Literal[CURRENCIES]
Qualifier = Literal[
    "about", "approximately", "more than", "over", "at least", "up to", "nearly", "under"
]
Reliability = Literal["lowest", "low", "medium", "medium-high", "high"]
ConflictType = Literal["same-quantity", "different-dates", "computed-contradicts", "renamed"]
Confidence = Literal["settled", "likely", "open"]
NOT_DISAGREEMENTS = ("different-dates", "renamed")   # conflict types that differ in form only
CorrectionKind = Literal["value", "clarification"]

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100   # the plausible years of any date or year figure
SOURCE_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIGURE_KEY = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
ARTICLE_FILE = r"^[^/\\]+\.txt$"   # a file name inside the articles folder, not a path

# The editor schema's dates (schema_export.py): the forms PartialDate.parse reads, with months
# 01-12 and days 01-31 (the engine also refuses days that do not exist, such as 2026-02-30).
_MONTH, _DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12][0-9]|3[01])"
_DATE = rf"[0-9]{{4}}(-{_MONTH}(-{_DAY})?)?|(early|mid|late) [0-9]{{4}}-{_MONTH}"
DATE_PATTERN_EDITOR = rf"^({_DATE})$"
DATED_PATTERN_EDITOR = rf"^(undated|{_DATE})$"



def date_type(pattern: str, *checks: object) -> object:
    """A partial date as the data file writes it, then `checks`; `pattern` is its form in the
    editor schema."""
    return Annotated[PartialDate, BeforeValidator(PartialDate.parse), *checks,
                     WithJsonSchema({"type": "string", "pattern": pattern})]


def _a_day(date: PartialDate) -> PartialDate:
    if date.precision != "day":
        raise refuse("correction-day", date=str(date))
    return date


def refuse(message_id: str, field: str | None = None, **values: object) -> PydanticCustomError:
    """A data rule broken: the catalogue's message `message_id` (document.py words it), told
    at `field` of the entry, else where the error is."""
    return PydanticCustomError(message_id, message_id, {"field": field, **values})


DateField = date_type(DATED_PATTERN_EDITOR)
Day = date_type(DATE_PATTERN_EDITOR, AfterValidator(_a_day))   # a correction's date


def line(**constraints: object) -> object:
    """The type of every text field: text as written (never bytes, nor a number read as text),
    then `constraints` (kept in the editor schema), then on one line with no control or
    invisible character, since pages show each field inside a sentence, a table cell or an
    attribute (text.py)."""
    return Annotated[StrictStr, Field(**constraints), AfterValidator(one_line)]


Text = line(min_length=1)
SourceId = line(pattern=SOURCE_ID)
FigureKey = line(pattern=FIGURE_KEY)
Passage = line(min_length=1, description="verbatim from the source")
Passages = dict[SourceId, Passage | Annotated[list[Passage], Field(min_length=1)]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Source(Strict):
    """An article the site draws on."""

    name: Text = Field(
        description=("one short, stable, dated name used everywhere on the site (prose, panels, charts, "
                     'appendix): "Stock news, 3 Feb"; unique'),
        examples=["Stock news, 3 Feb"])
    publisher: Text = Field(
        description='who published it; "Unnamed stock-news site" if the article does not say',
        examples=["Logos Press", "Unnamed stock-news site"])
    title: Text = Field(
        description="the headline; if there is none, a short descriptive title, and say so in `note`",
        examples=["Alibaba to Invest $431M in AI Promotion Ahead of Lunar New Year"])
    date: DateField = Field(
        description=("publication date as a [partial date](#dates), or `undated` if the article gives none"
                     " and it cannot be estimated"),
        examples=["2026-02-03", "early 2026-02", "undated"])
    date_estimated: StrictBool = Field(
        False,
        description=("`true` when the date is inferred (from an advert, from the content), not printed in "
                     "the article"),
        examples=[True])
    url: line(pattern=r"^https?://") | None = Field(
        None,
        description="only when known, starting with `https://`",
        examples=["https://example.com/qwen-campaign"])
    as_reported_by: Text | None = Field(
        None,
        description=("for second-hand reports: who passed it on (e.g. Reuters figures read in a stock-news"
                     " article)"),
        examples=["Stock news, 3 Feb"])
    article: line(pattern=ARTICLE_FILE) | None = Field(
        None,
        description=("the file name of the article's text inside the articles folder (`articles:` under "
                     "`extra: briefing:` in mkdocs.yml); a relayed source names the relaying article's "
                     "file. Every passage is checked word for word against it"),
        examples=["002_1f396d49f509e587.txt"])
    retrieved: DateField | None = Field(
        None, description="the date the article's text was retrieved", examples=["2026-12-05"])
    reliability: Reliability = Field(
        description="`lowest`, `low`, `medium`, `medium-high` or `high`",
        examples=["medium"])
    note: Text = Field(
        description=("why this reliability; caveats such as AI-generated text, advertising, old names, "
                     "estimated dates"),
        examples=["Daily news site; reports the download count without naming its own source."])


class Check(Strict):
    """A stated figure that a derived figure must agree with."""

    stated: FigureKey = Field(
        description="the key of the stated figure the derived one must agree with",
        examples=["campaign.claimed_multiple_tencent"])
    tolerance: Annotated[float, Field(gt=0, lt=1)] = Field(
        description="the largest relative difference allowed, above zero and below one (`0.01` is 1%)",
        examples=[0.01])


class FigureFields(Strict):
    """What every figure has: stated, editorial or derived."""

    label: Text = Field(
        description='what it is, short, with no digits ("Qwen campaign budget")',
        examples=["Qwen campaign budget"])
    kind: Kind = Field(
        description="one of the kinds below",
        examples=list(KIND_NAMES))
    currency: Currency | None = Field(
        None,
        description="`CNY`, `USD` or `EUR` (no other kind takes a currency)",
        examples=["CNY"],
        json_schema_extra={"x-required": "money and price"})
    unit: Text | None = Field(
        None,
        description="a count's noun, a duration's unit, a ratio's unit",
        examples=["downloads", "day", "yuan per US dollar"],
        json_schema_extra={"x-required": "see the kinds"})
    qualifier: Qualifier | None = Field(
        None,
        description=("`about`, `approximately`, `more than`, `over`, `at least`, `up to`, `nearly` or "
                     "`under`"),
        examples=["about"])
    expected: StrictBool = Field(
        False,
        description=("`true` when the event had not happened yet at the time of reporting (a scheduled "
                     "date, a forecast); stated or derived"),
        examples=[True])
    historical: StrictBool = Field(
        False,
        description=("`true` when the sources recall a figure from long before they were written "
                     "(a past year's count): its `as_of` may be more than a year before them"),
        examples=[True])
    decimals: Annotated[int, Field(ge=0, le=6)] | None = Field(
        None,
        description="fixed number of decimal places (0 to 6) for percent, ratio, price, count, duration",
        examples=[2])
    note: Text | None = Field(
        None,
        description="anything a reader of the appendix should know",
        examples=["Reported as expected, not confirmed."])
    appendix_only: StrictBool = Field(
        False,
        description="`true` if no page uses it (it still appears in the Figures appendix)",
        examples=[True])

    @model_validator(mode="after")
    def _fits_its_kind(self) -> FigureFields:
        """The value (a stated or editorial figure's), currency and unit the kind takes."""
        kind = KINDS[self.kind]
        if self.value is not None:
            _check_value(self.kind, self.value)
        if kind.currency and self.currency is None:
            raise refuse("currency-needed", "kind", kind=self.kind)
        if not kind.currency and self.currency is not None:
            raise refuse("currency-refused", "currency", kind=self.kind)
        if kind.unit_required and self.unit not in kind.units:
            raise refuse("unit-needed", "unit", kind=self.kind, unit=shown(self.unit),
                         units=", ".join(sorted(kind.units)))
        if self.unit is not None and not kind.takes_unit:
            raise refuse("unit-refused", "unit", kind=self.kind)
        return self


def _check_value(kind_name: str, value: object) -> None:
    """The value fits the kind."""
    kind = KINDS[kind_name]
    if kind.numeric:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise refuse("expected-number", "value", kind=kind_name, value=value)
        if abs(value) >= MAX_MAGNITUDE:
            raise refuse("value-too-large", "value", value=value)
        if kind.positive and value <= 0:
            raise refuse("not-positive", "value", kind=kind_name, value=value)
        if kind.value_type == "year" and (not isinstance(value, int)
                                          or not EARLIEST_YEAR <= value <= LATEST_YEAR):
            raise refuse("year-implausible", "value", value=value)
    elif kind.value_type == "date":
        if isinstance(value, float):
            raise refuse("date-value-number", "value", value=value)
        try:
            if PartialDate.parse(value).precision == "none":
                raise ValueError("a date figure needs a date; 'undated' is only for as_of and sources")
        except ValueError as error:
            raise refuse("date-value", "value", reason=str(error)) from None
    elif not isinstance(value, str) or isinstance(value, dt.date):
        raise refuse("text-value", "value", value=value)


class ValuedFigure(FigureFields):
    """A figure whose value the data file gives."""

    value: StrictInt | StrictFloat | dt.date | Text = Field(
        description="the raw number, a [partial date](#dates) for kind `date`, or text for kind `text`",
        examples=[3000000000, "2026-02-15", "Gemini"],
        json_schema_extra={"x-required": "stated figures"})
    editorial: StrictBool = Field(
        False,
        description="`true` for the site's own note or renaming: no `sources`, no `as_of`",
        examples=[True])
    formula: ClassVar[None] = None
    check: ClassVar[None] = None


def _as_of(*default: None) -> Any:
    return Field(*default, description=("when the figure was true or reported ([partial date]"
                                        "(#dates) or `undated`)"),
                 examples=["2026-02-06", "mid 2026-02"],
                 json_schema_extra={"x-required": "stated figures"})


class StatedFigure(ValuedFigure):
    """A fact the sources state, with the passage of each."""

    as_of: DateField = _as_of()
    sources: Annotated[Passages, Field(min_length=1)] = Field(
        description=("each source id with the passage that states the figure (see "
                     "[Passages](#passages-the-sources-own-words))"),
        examples=[{"stocknews-feb3": ("Alibaba has allocated 3 billion yuan (approximately $431 million USD)"
                                     " to promote its Qwen application.")}],
        json_schema_extra={"x-required": "stated figures"})


class EditorialFigure(ValuedFigure):
    """The site's own note or renaming: a value with no sources and no as_of."""

    as_of: ClassVar[None] = None
    sources: ClassVar[dict] = {}


def _formula(text: str) -> str:
    """A formula can be read and uses at least one figure."""
    try:
        tree = parse_formula(text)
    except FormulaError as error:
        raise refuse("formula-unreadable", reason=str(error)) from None
    if not references(tree):
        raise refuse("formula-constant")
    return text


class DerivedFigure(FigureFields):
    """A figure computed by a formula over other figures."""

    formula: Annotated[Text, AfterValidator(_formula)] = Field(
        description="see [Derived figures](#derived-figures)",
        examples=["campaign.budget_cny / competition.tencent_budget_cny"],
        json_schema_extra={"x-required": "derived figures"})
    as_of: DateField | None = _as_of(None)
    check: Check | None = Field(
        None,
        description="derived figures only: a stated figure it must agree with (see below)",
        examples=[{"stated": "campaign.claimed_multiple_tencent", "tolerance": 0.01}])
    value: ClassVar[None] = None
    editorial: ClassVar[bool] = False
    sources: ClassVar[dict] = {}


FIGURE_VARIANTS = {"stated": StatedFigure, "editorial": EditorialFigure,
                   "derived": DerivedFigure}
def union(variants: dict[str, type[Strict]], tag_of: Callable[[dict], str]) -> object:
    """One of `variants`, the one whose tag `tag_of` gives an entry (anything but a mapping is
    checked as the first variant, which refuses it)."""
    def choose(entry: object) -> str:
        if isinstance(entry, dict):
            return tag_of(entry)
        return next((tag for tag, model in variants.items() if isinstance(entry, model)),
                    next(iter(variants)))
    members = (Annotated[model, Tag(tag)] for tag, model in variants.items())
    return Annotated[reduce(operator.or_, members), Discriminator(choose)]


def fields_of(variants: dict[str, type[Strict]]) -> dict[str, FieldInfo]:
    """Every field of a union, each once, in the order the variants give them."""
    fields: dict[str, FieldInfo] = {}
    for model in variants.values():
        for name, info in model.model_fields.items():
            fields.setdefault(name, info)
    return fields


Figure = union(FIGURE_VARIANTS, lambda entry: "derived" if "formula" in entry else
               "editorial" if entry.get("editorial") is True else "stated")


class Conflict(Strict):
    """Sources that report the same thing differently."""

    title: Text = Field(
        description="the question in a few words, no digits",
        examples=["How many times Baidu's budget?"])
    type: ConflictType = Field(
        description=("`same-quantity` (two values for one thing), `different-dates` (values at different "
                     "times), `computed-contradicts` (a stated claim the computed figures contradict) or "
                     "`renamed` (a name that changed)"),
        examples=["computed-contradicts"])
    figures: Annotated[list[FigureKey], Field(min_length=2)] = Field(
        description="two or more figure keys",
        examples=[["campaign.claimed_multiple_triples", "competition.ratio_baidu"]])
    explanation: Text | None = Field(
        None,
        description=("no longer used: the explanation is prose in `docs/conflicts.md`, under `{{ "
                     'conflict("id") }}`, opening with a one-line verdict'),
        examples=["Logos Press says triples; the budgets give about six times."])
    verdict: Text | None = Field(
        None,
        description=("what the case comes to, in one line without digits; it opens the case and "
                     "fills the summary table on Where sources differ"),
        examples=["For Baidu the 'triples' wording is wrong."])
    confidence: Confidence | None = Field(
        None,
        description=("how sure the verdict is: `settled` (the figures or the text decide it), "
                     "`likely` (the most probable reading) or `open` (the articles cannot decide it)"),
        examples=["settled"])
    disagreement: StrictBool | None = Field(
        None,
        description=("`false` for a case that only looks like a disagreement (a renamed product, "
                     "readings on different days, one amount worded two ways); by default "
                     "`different-dates` and `renamed` cases are not disagreements, the others are"),
        examples=[False])

    @property
    def disagrees(self) -> bool:
        """Whether the sources really disagree: the data's word, else the type's."""
        return self.type not in NOT_DISAGREEMENTS if self.disagreement is None else self.disagreement


class ClaimData(Strict):
    """Something a source said, did or expects, cited from page prose with cite()."""

    says: Text = Field(
        description="the claim in the site's words, without digits (a number is a figure)",
        examples=["Logos Press calls it the largest marketing campaign in Alibaba's history"])
    sources: Annotated[Passages, Field(min_length=1)] = Field(
        description="each source id with its passage, exactly as for figures; at least one",
        examples=[{"logos-press": "the largest marketing campaign in the company's history"}])


class GlossaryData(Strict):
    """A term the pages use, with other names and optional supporting passages."""

    term: Text = Field(
        description="the term as the pages write it",
        examples=["Qwen"])
    also: list[Text] = Field(
        default_factory=list,
        description="other names for it (each term once in the glossary)",
        examples=[["Tongyi Qianwen"]])
    definition: Text = Field(
        description="plain prose; may name a source by its `name`",
        examples=["Alibaba's AI app and the family of models behind it."])
    sources: Passages = Field(
        default_factory=dict,
        description="each source id with its passage; facts need a passage",
        examples=[{"investment-background": "Qwen, formerly known as Tongyi Qianwen"}])


class OpenQuestionData(Strict):
    """Something the articles leave open, tied to the figures it concerns."""

    question: Text = Field(
        description="the question, without digits (the figures carry the numbers)",
        examples=["Which quarter do the results due on the date below cover?"])
    figures: Annotated[list[FigureKey], Field(min_length=1)] = Field(
        description="the existing figure keys it concerns",
        examples=[["earnings.date"]])
    why: Text = Field(
        description="why the articles leave it open",
        examples=["Both stock-news articles give only the date."])


class CorrectionFields(Strict):
    """A change to a published figure: what every correction has."""

    figure: FigureKey = Field(
        description="the key of the corrected figure",
        examples=["competition.baidu_budget_usd"])
    date: Day = Field(
        description="the day of the change, as a [partial date](#dates)",
        examples=["2026-12-01"])
    old: Text = Field(
        description="the text as it was published",
        examples=["US$71.8 million"])
    removed: StrictBool = Field(
        False,
        description=("`true` for a figure taken off the site: no `new`, and the figure must no longer "
                     "exist"),
        examples=[True])
    kind: CorrectionKind | None = Field(
        None,
        description=("`value` (the stated value, unit or date changed: the figure is badged "
                     "corrected) or `clarification` (only the wording changed, such as an added "
                     "'about'); by default a change that only adds or drops a qualifier is a "
                     "clarification, any other a value correction"),
        examples=["clarification"])
    reason: Text = Field(
        description="why it changed",
        examples=["Derived from an approximate amount; shown rounded."])


class ChangedCorrection(CorrectionFields):
    """A figure shown differently now; 'new' must equal the figure's current text."""

    new: Text = Field(
        description="the figure's text now, exactly as the site shows it (checked)",
        examples=["about US$72 million"],
        json_schema_extra={"x-required": "unless removed"})


class RemovedCorrection(CorrectionFields):
    """A figure taken off the site: removed: true and no 'new'."""

    new: ClassVar[None] = None


CORRECTION_VARIANTS = {"changed": ChangedCorrection, "removed": RemovedCorrection}
# what an entry of one variant must not have, or must have (missing or empty): the catalogue's
# message for each
REFUSED = {("derived", "value"): "value-or-formula", ("derived", "sources"): "derived-sources",
           ("derived", "editorial"): "derived-editorial", ("editorial", "sources"): "editorial-sources",
           ("editorial", "as_of"): "editorial-as-of", ("stated", "check"): "check-on-stated",
           ("editorial", "check"): "check-on-stated", ("removed", "new"): "removed-new"}
NEEDED = {("stated", "value"): "value-or-formula", ("editorial", "value"): "value-or-formula",
          ("stated", "as_of"): "stated-as-of", ("stated", "sources"): "stated-sources",
          ("changed", "new"): "correction-needs-new"}
VARIANTS = {"figures": FIGURE_VARIANTS, "corrections": CORRECTION_VARIANTS}   # sections of unions
CorrectionData = union(CORRECTION_VARIANTS,
                       lambda entry: "removed" if entry.get("removed") is True else "changed")


class UpdateData(Strict):
    """New information that came after publication (not a correction of a figure): when, what,
    and the figures and sources it concerns."""

    date: DateField = Field(description="when the new information came, as a [partial date](#dates)",
                            examples=["2026-02-19"])
    says: Text = Field(description="what is new, in one sentence",
                       examples=["Alibaba reported its quarterly results."])
    figures: list[FigureKey] = Field(default_factory=list,
                                     description="the keys of the figures it concerns (checked)",
                                     examples=[["earnings.date"]])
    sources: list[SourceId] = Field(default_factory=list,
                                    description="the ids of the sources that report it (checked)",
                                    examples=[["stocknews-feb3"]])


class BriefingFile(Strict):
    """The whole data file."""

    sources: dict[SourceId, Source] = Field(
        description="the articles the site draws on, each keyed by its source id",
        examples=[{"stocknews-feb3": {
            "name": "Stock news, 3 Feb", "publisher": "Stock News",
            "title": "Alibaba invests in Qwen", "date": "2026-02-03", "reliability": "medium",
            "note": "Daily stock-news site."}}])
    figures: dict[FigureKey, Figure] = Field(
        description="the facts, each keyed by a lowercase dotted name",
        examples=[{"holiday.duration": {
            "label": "Length of the Lunar New Year holiday", "kind": "duration", "unit": "day",
            "value": 9, "as_of": "2026-02-03",
            "sources": {"stocknews-feb3": "a nine-day holiday"}}}])
    conflicts: dict[SourceId, Conflict] = Field(
        default_factory=dict,
        description='sources that disagree, shown side by side on the "Where sources differ" page',
        examples=[{"baidu-multiple": {
            "title": "How many times Baidu's budget?", "type": "computed-contradicts",
            "figures": ["campaign.claimed_multiple_triples", "competition.ratio_baidu"]}}])
    claims: dict[FigureKey, ClaimData] = Field(
        default_factory=dict,
        description="what a source said, did or expects, cited from page prose with `cite()`",
        examples=[{"campaign.largest_in_history": {
            "says": "Logos Press calls it the largest marketing campaign in Alibaba's history",
            "sources": {"logos-press": "the largest marketing campaign in the company's history"}}}])
    glossary: dict[SourceId, GlossaryData] = Field(
        default_factory=dict,
        description="terms the pages use, keyed by lowercase words joined by hyphens",
        examples=[{"qwen": {
            "term": "Qwen", "also": ["Tongyi Qianwen"],
            "definition": "Alibaba's AI app and the family of models behind it."}}])
    open_questions: dict[SourceId, OpenQuestionData] = Field(
        default_factory=dict,
        description="what the articles leave open, tied to the figures it concerns",
        examples=[{"earnings-quarter": {
            "question": "Which quarter do the results due on the date below cover?",
            "figures": ["earnings.date"], "why": "Both stock-news articles give only the date."}}])
    corrections: list[CorrectionData] = Field(
        default_factory=list,
        description="changes to published figures, oldest first",
        examples=[[{"figure": "competition.baidu_budget_usd", "date": "2026-12-01",
                    "old": "US$71.8 million", "new": "about US$72 million",
                    "reason": "Derived from an approximate amount; shown rounded."}]])
    updates: list[UpdateData] = Field(
        default_factory=list,
        description="new information that came after publication (not corrections), oldest first",
        examples=[[{"date": "2026-02-19", "says": "Alibaba reported its quarterly results.",
                    "figures": ["earnings.date"], "sources": ["stocknews-feb3"]}]])
    names_with_digits: list[Text] = Field(
        default_factory=list,
        description="names with digits in them (a model, a chip) that labels, titles and page "
                    "prose may write, though they type no other digits",
        examples=[["H200", "Qwen3-Max"]])
    number_words_allowed: list[Text] = Field(
        default_factory=list,
        description="phrases with a number word in them that page prose, labels and titles may "
                    'write, though they write no other number in words ("three hundred million", '
                    '"four days"): idioms such as "one of" or "first", matched as whole words '
                    "whatever their case",
        examples=[["one of", "first"]])
