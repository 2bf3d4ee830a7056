"""The one error type the engine raises: a mistake a contributor can fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


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
        self.problem = problem
        self.file = file
        self.line = line
        self.key = key
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.file or "<data>"
        if self.line is not None:
            place = f"{place}:{self.line}"
        head = f"{place}: {self.key}: {self.problem}" if self.key else f"{place}: {self.problem}"
        return f"{head}\n  How to fix: {self.hint}" if self.hint else head


def did_you_mean(word: str, candidates: Iterable[str], n: int = 3) -> str:
    """' (did you mean a, b?)' for the closest candidates, or '' when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=n, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""
