"""The one error type the engine raises: a mistake a contributor can fix."""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Iterable, Mapping
from typing import TypeVar

from .characters import escaped

T = TypeVar("T")


class BriefingError(Exception):
    """A problem in the data file or a page, told as place, key, problem and fix."""

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        # Told as escapes: a control or bidi character from the data never reaches a terminal
        # or a page raw (the hint keeps its own line breaks).
        self.problem = escaped(problem)
        self.file = escaped(file) if file is not None else None
        self.line = line
        self.key = escaped(key) if key is not None else None
        self.hint = escaped(hint, keep="\n") if hint is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.file or "<data>"
        if self.line is not None:
            place = f"{place}:{self.line}"
        head = f"{place}: {self.key}: {self.problem}" if self.key else f"{place}: {self.problem}"
        return f"{head}\n  How to fix: {self.hint}" if self.hint else head


def placed(error: BriefingError, file: str | None, line: int | None) -> BriefingError:
    """The one helper that attaches a place to an error: the same error (problem, key, hint)
    told at `file`:`line`. A line the error already carries is kept (it is more precise, such
    as the line of a key inside a macro's argument); `file` replaces the error's own."""
    return BriefingError(error.problem, file=file if file is not None else error.file,
                         line=error.line if error.line is not None else line, key=error.key,
                         hint=error.hint)


def did_you_mean(word: str, candidates: Iterable[str], n: int = 3) -> str:
    """' (did you mean a, b?)' for the closest candidates, or '' when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=n, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def lookup(entries: Mapping[str, T], key: str, what: str, defined: str, file: str) -> T:
    """`entries[key]`; an unknown key names the closest existing ones: 'unknown source 'x'
    (did you mean y?)', How to fix: use `defined` ('an id defined under 'sources:'') in `file`."""
    try:
        return entries[key]
    except (KeyError, TypeError):
        raise BriefingError(f"unknown {what} '{key}'{did_you_mean(str(key), entries)}",
                            key=str(key), hint=f"use {defined} in {file}") from None


def shown(value: object, limit: int = 60) -> str:
    """A value as the contributor wrote it, for messages: never a Python repr such as
    datetime.date(2026, 2, 3) or a float's 'inf'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if not math.isfinite(value):
            return "not a number" if math.isnan(value) else "infinity" if value > 0 else "minus infinity"
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple | set):
        return "a list"
    text = escaped(str(value))
    text = text if len(text) <= limit else text[: limit - 3] + "..."
    return f"'{text}'"
