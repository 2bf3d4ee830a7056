"""The tests' one door into the engine's data loading, a small valid data file for engine unit
tests, and a way to break it one line at a time.

Tests load data only through `load`, `load_file`, `error_for`, `file_error`, and reach a
project's pages and macros only through `site_for`, `page_error` and `macro_error`, so a
rename of the engine's entry points is one edit here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.engine.derive.briefing import Briefing
from macros.engine.errors import BriefingError
from macros.engine.pipeline import briefing_from_text, load_briefing
from macros.engine.site import Site
from tools.pages import site_for

VALID = """\
sources:
  wire:
    name: "Example Wire"
    publisher: Example Wire
    title: Budget report
    date: 2026-02-03
    as_reported_by: Example Daily
    reliability: medium-high
    note: Relayed by a daily.
  blog:
    name: "Example Blog"
    publisher: Example Blog
    title: Context piece
    date: early 2026-02
    reliability: low
    note: Context only.
figures:
  campaign.budget_cny:
    label: Campaign budget
    value: 3000000000
    kind: money
    currency: CNY
    as_of: 2026-02-02
    sources: {wire: "Alibaba has allocated 3 billion yuan (about $431 million)"}
  campaign.budget_usd:
    label: Campaign budget in dollars
    value: 431000000
    kind: money
    currency: USD
    qualifier: about
    as_of: 2026-02-02
    sources:
      wire: "Alibaba has allocated 3 billion yuan (about $431 million)"
      blog: "a bet of about US$431 million"
  rival.budget_cny:
    label: Rival budget
    value: 1000000000
    kind: money
    currency: CNY
    as_of: 2026-02-02
    sources: {wire: "three times its rival's 1 billion yuan budget"}
  fx.rate:
    label: Implied rate
    kind: ratio
    unit: yuan per US dollar
    formula: campaign.budget_cny / campaign.budget_usd
  rival.budget_usd:
    label: Rival budget in dollars
    kind: money
    currency: USD
    formula: rival.budget_cny / fx.rate
  rival.ratio:
    label: Budget over rival's
    kind: ratio
    formula: campaign.budget_cny / rival.budget_cny
  campaign.start:
    label: Campaign start
    kind: date
    value: 2026-02-06
    as_of: 2026-02-03
    sources: {wire: "Campaign Launch Date: February 6, 2026"}
  holiday.start:
    label: Holiday start
    kind: date
    value: 2026-02-15
    as_of: 2026-02-03
    sources: {wire: "the holiday runs from February 15 for nine days"}
  holiday.length:
    label: Holiday length
    kind: duration
    unit: day
    value: 9
    as_of: 2026-02-03
    sources: {wire: "the holiday runs from February 15 for nine days"}
  campaign.lead_days:
    label: Days from start to holiday
    kind: duration
    unit: day
    formula: holiday.start - campaign.start
  holiday.after:
    label: Day after the holiday
    kind: date
    formula: holiday.start + holiday.length
  shares.price:
    label: Share price
    value: 142
    kind: price
    currency: EUR
    as_of: 2026-02-03
    sources: {wire: "shares recently closed at 142.00 euros"}
  shares.change:
    label: Weekly change
    value: -2.34
    kind: percent
    as_of: 2026-02-03
    sources: {wire: "a decline of 2.34% over the preceding seven trading days"}
  chips.units:
    label: Chips shipped
    value: 100000
    kind: count
    unit: units
    qualifier: more than
    as_of: 2026-02-03
    sources: {wire: "has reportedly shipped more than 100,000 units"}
  precedent.year:
    label: Red envelope precedent
    value: 2015
    kind: year
    as_of: 2026-02-03
    sources: {wire: "A precedent was set by Tencent in 2015."}
  approval.date:
    label: Approval
    value: late 2026-01
    kind: date
    as_of: 2026-02-03
    sources: {wire: "regulators granted approval in late January"}
  names.old:
    label: Old name
    value: Tongyi Qianwen
    kind: text
    as_of: early 2026-02
    sources: {blog: "to push its AI chatbot Tongyi Qianwen into the mainstream"}
conflicts:
  dollar-amount:
    title: Dollar amounts that differ
    type: same-quantity
    figures: [campaign.budget_usd, rival.budget_usd]
    explanation: Rounding.
"""


DATA = "data/briefing.yml"


def load(text: str = VALID, name: str = DATA) -> Briefing:
    """The checked briefing from a data file's text, named `name` in messages."""
    return briefing_from_text(text, name)


def load_file(path: Path, display: str | None = None) -> Briefing:
    """The checked briefing from a data file, named `display` (default: its path) in messages."""
    return load_briefing(path, display=display)


def replace(old: str, new: str, text: str = VALID) -> str:
    """VALID with one exact snippet replaced (fails loudly if the snippet is not there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(snippet: str, text: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def error_for(text: str, name: str = DATA) -> BriefingError:
    """The error that loading `text` raises (the test fails if it loads)."""
    with pytest.raises(BriefingError) as caught:
        load(text, name)
    return caught.value


def file_error(path: Path, display: str = DATA) -> BriefingError:
    """The error that loading the data file at `path` raises (the test fails if it loads)."""
    with pytest.raises(BriefingError) as caught:
        load_file(path, display)
    return caught.value


def page_error(project: Path) -> BriefingError:
    """The error the engine's checks of a project's pages raise, as a build starts (the test
    fails if every page passes)."""
    with pytest.raises(BriefingError) as caught:
        site_for(project)
    return caught.value


def macro_error(site: Site, name: str, *args, page: str = "index.md", **kwargs) -> BriefingError:
    """The error a page's macro call raises, before the adapter places it at the page's line
    (the test fails if the call succeeds)."""
    with pytest.raises(BriefingError) as caught:
        site.call(name, page, list(args), kwargs)
    return caught.value
