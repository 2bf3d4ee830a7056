"""Numbers written as words ("three hundred million", "four days into the holiday"), which prose
may no more type than digits: the words, and the first one found in a text once the data file's
allowed phrases (`number_words_allowed:`, idioms such as "one of" or "first") are set aside."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .passage_reader import MULTIPLIER_VERBS, WORD_NUMBERS

SCALE_WORDS = ("thousand", "million", "billion", "trillion", "dozen", "hundreds", "thousands",
               "millions", "billions", "dozens")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "millionth")
NUMBER_WORDS = frozenset(
    [word for word in WORD_NUMBERS if " " not in word] + [*SCALE_WORDS, *ORDINALS, "thrice",
                                                         *MULTIPLIER_VERBS])
NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


@cache
def _allowed_pattern(allowed: tuple[str, ...]) -> re.Pattern | None:
    phrases = sorted((p.strip() for p in allowed if p.strip()), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)",
                      re.IGNORECASE)


def set_aside(text: str, allowed: Iterable[str]) -> str:
    """The text with every allowed phrase blanked out (the same length, so columns hold)."""
    pattern = _allowed_pattern(tuple(allowed))
    return pattern.sub(lambda m: " " * len(m.group(0)), text) if pattern else text


def number_word(text: str, allowed: Iterable[str] = ()) -> re.Match | None:
    """The first number word in `text` outside the allowed phrases, or None."""
    return NUMBER_WORD.search(set_aside(text, allowed))
