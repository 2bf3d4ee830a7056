"""Dates that keep the precision their source gave: a day, a month, part of a month, a year,
or none at all ('undated', for an article that prints no date)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .errors import shown

Part = Literal["early", "mid", "late"]
UNDATED = "undated"
PATTERN = r"^(undated|((early|mid|late) )?\d{4}(-\d{2})?(-\d{2})?)$"
_PARSE = re.compile(r"^(?:(early|mid|late) )?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True, order=False)
class PartialDate:
    """A calendar date known to a day, a month, part of a month, or a year."""

    year: int | None
    month: int | None = None
    day: int | None = None
    part: Part | None = None

    @classmethod
    def parse(cls, raw: object) -> PartialDate:
        """Read '2026-02-15', '2026-02', 'late 2026-01', '2026' or a YAML date."""
        if isinstance(raw, PartialDate):
            return raw
        if isinstance(raw, dt.datetime):
            raise ValueError("give a date without a time of day, like 2026-02-15")
        if isinstance(raw, dt.date):
            return cls(raw.year, raw.month, raw.day)
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if raw == UNDATED:
            return cls(None)
        if not isinstance(raw, str):
            raise ValueError(f"expected a date like 2026-02-15, got {shown(raw)}")
        match = _PARSE.match(raw.strip())
        if not match:
            raise ValueError(
                f"{raw!r} is not a date: write 2026-02-15 (day), 2026-02 (month), "
                "'mid 2026-02' (part of a month), 2026 (year) or undated"
            )
        part, year, month, day = match.groups()
        if part and (month is None or day is not None):
            raise ValueError(f"{raw!r}: early/mid/late goes with a month, like 'mid 2026-02'")
        date = cls(int(year), int(month) if month else None, int(day) if day else None, part)
        date.start()
        return date

    def start(self) -> dt.date:
        """The earliest calendar day this date can mean (raises ValueError if impossible)."""
        if self.year is None:
            return dt.date.min
        try:
            month = 1 if self.month is None else self.month
            day = PART_DAYS.get(self.part, (1,))[0] if self.day is None else self.day
            return dt.date(self.year, month, day)
        except ValueError as error:
            raise ValueError(f"{self.iso} is not a real calendar date ({error})") from None

    def end(self) -> dt.date:
        """The last calendar day this date can mean ('late January' ends on 31 January)."""
        if self.precision in ("day", "none"):
            return self.start()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        month_end = calendar.monthrange(self.year, self.month)[1]
        return dt.date(self.year, self.month,
                       min(PART_DAYS.get(self.part, (1, month_end))[1], month_end))

    @property
    def precision(self) -> str:
        if self.year is None:
            return "none"
        if self.day is not None:
            return "day"
        if self.part is not None:
            return "part"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        """ISO 8601 text of the known part, valid in <time datetime> ('' when undated)."""
        if self.year is None:
            return ""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        if self.year is None:
            return UNDATED
        return f"{self.part} {self.iso}" if self.part else self.iso

    def sort_key(self) -> tuple[dt.date, int]:
        return (self.start(), {"day": 0, "part": 1, "month": 2, "year": 3, "none": 4}[self.precision])

    def as_day(self) -> dt.date:
        """The exact day, for date arithmetic; a vaguer date cannot take part in it."""
        if self.precision != "day":
            raise ValueError(f"date arithmetic needs a date with a day, but {self} has none")
        return self.start()
