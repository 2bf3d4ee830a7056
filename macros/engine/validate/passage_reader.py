"""Read the quantities a passage states: amounts of money, numbers, percentages, multiples,
durations, dates and years, each with the qualifier written before it.

This is deliberately a small reader for the news English of the sources, not a general
parser: what it accepts is listed in CONTRIBUTING.md ("What the passage check accepts").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import PartialDate

# ------------------------------------------------------------------------------ vocabulary

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
CURRENCY_BEFORE = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "¥": "CNY", "rmb": "CNY",
    "cny": "CNY", "yuan": "CNY",
}
CURRENCY_AFTER = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "us dollars": "USD",
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
}
#: qualifier words, grouped by meaning; a figure's qualifier must be in the same group as the
#: words written before the number in the passage.
QUALIFIER_WORDS = {
    "approximately": ("approximately", "about", "around", "roughly", "some", "circa", "≈", "~",
                      "an estimated", "estimated"),
    "nearly": ("nearly", "almost", "just under"),
    "more than": ("more than", "over", "exceeding", "above", "in excess of", "upwards of",
                  "greater than", "at least", "no less than", "more then"),
    "up to": ("up to", "under", "less than", "below", "at most", "fewer than", "no more than"),
}
#: a figure's qualifier and the group it belongs to
QUALIFIER_GROUP = {
    "about": "approximately", "approximately": "approximately", "nearly": "nearly",
    "more than": "more than", "over": "more than", "at least": "more than",
    "up to": "up to", "under": "up to",
}
#: words that give a change its direction: "fell 3%", "a decline of 2.34%", "34% revenue growth"
FALL_WORDS = ("fell", "fall", "falls", "falling", "down", "decline", "declined", "declines",
              "declining", "drop", "dropped", "drops", "dropping", "decrease", "decreased",
              "decreases", "decreasing", "lost", "lower", "slump", "slumped", "plunge", "plunged",
              "shrank", "shrink", "shrinking", "contraction", "loss", "slid", "slide", "shed",
              "sank", "sink", "tumbled", "slipped", "dipped", "dip", "cut", "reduced",
              "reduction", "retreated", "losing", "negative")
RISE_WORDS = ("rose", "rise", "rises", "rising", "up", "grew", "grow", "grows", "growth",
              "growing", "increase", "increased", "increases", "increasing", "gain", "gained",
              "gains", "jump", "jumped", "surge", "surged", "climb", "climbed", "higher",
              "soared", "rallied", "advanced", "added", "boosted", "expanded", "expansion")
_DIRECTION = {**dict.fromkeys(FALL_WORDS, -1), **dict.fromkeys(RISE_WORDS, 1)}
MULTIPLIER_VERBS = {
    "double": 2, "doubles": 2, "doubled": 2, "twice": 2, "triple": 3, "triples": 3,
    "tripled": 3, "treble": 3, "trebles": 3, "quadruple": 4, "quadruples": 4,
    "quadrupled": 4,
}
DURATION_WORDS = {"day": "day", "days": "day", "week": "week", "weeks": "week",
                  "month": "month", "months": "month", "year": "year", "years": "year"}
MONTHS = {name: index for index, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: index for name, index in list(MONTHS.items())})
MONTHS["sept"] = 9

_WORD = "|".join(sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])"
    rf"|\b(?P<word>(?:{_WORD})(?:-(?:{_WORD}))?)\b", re.IGNORECASE)
DATE = re.compile(
    rf"\b(?:(?P<part>early|mid|late)[- ])?(?P<month>{_MONTH})\b\.?"
    rf"(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})\b\.?(?:,?\s+(?P<year2>(?:19|20)\d{{2}})\b)?",
    re.IGNORECASE)
MULTIPLIER = re.compile(r"\b(?P<verb>" + "|".join(MULTIPLIER_VERBS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """One quantity read from a passage."""

    kind: str                 # number, money, percent, times, duration, date
    value: float | PartialDate
    text: str                 # the words it was read from
    qualifier: str | None = None   # a QUALIFIER_WORDS group, or None
    currency: str | None = None
    unit: str | None = None   # the duration unit, or the words after a bare number
    year_given: bool = True   # dates: False when the passage gives no year
    direction: int = 0        # -1 a fall (a fall word or a minus sign), 1 a rise, 0 not said
    year_like: bool = False   # a bare number written as a year ("by 2030"), not a count

    def describe(self) -> str:
        """How the reading is reported in an error message."""
        if self.kind == "date":
            shown = str(self.value) if self.year_given else f"{self.value} (year not in the text)"
        elif self.kind == "money":
            shown = f"{_plain(self.value)} {self.currency}"
        elif self.kind == "percent":
            shown = f"{_plain(self.value)}%"
        elif self.kind == "times":
            shown = f"{_plain(self.value)} times"
        elif self.kind == "duration":
            shown = f"{_plain(self.value)} {self.unit}s"
        elif self.year_like:
            shown = f"{_plain(self.value)}, a year,"
        else:
            shown = _plain(self.value) + (f" followed by '{self.unit}'" if self.unit else "")
        qualifier = f"{self.qualifier} " if self.qualifier else ""
        direction = "a fall of " if self.direction < 0 else ""
        return f"{direction}{qualifier}{shown} (from {self.text!r})"


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{value:.0f}" if 1000 <= abs(value) <= 2100 else f"{value:,.0f}"
    return f"{value:,.10g}"


def normalise(text: str) -> str:
    """Passage text with typographic quotes, dashes and spaces made plain (same length)."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " ",
                           "–": "-", "—": "-", "\u2009": " "})
    return text.translate(table)


# --------------------------------------------------------------------------------- reading

def read(passage: str, year: int | None = None) -> list[Reading]:
    """Every quantity in `passage`. Dates without a year take `year` (the figure's)."""
    text = normalise(passage)
    readings: list[Reading] = []
    taken: list[tuple[int, int]] = []
    for match in DATE.finditer(text):
        reading = _date(match, year)
        if reading is not None:
            readings.append(reading)
            taken.append(match.span())
    readings.extend(Reading("times", float(MULTIPLIER_VERBS[match["verb"].lower()]),
                            match.group(0), _qualifier_before(text, match.start()))
                    for match in MULTIPLIER.finditer(text))
    for match in NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        readings.append(_number(text, match))
    return readings


def _date(match: re.Match, year: int | None) -> Reading | None:
    month_name = (match["month"] or match["month2"]).lower()
    day = match["day"] or match["day2"]
    written_year = match["year"] or match["year2"]
    part = match["part"]
    if month_name == "may" and not (day or written_year or part):
        return None        # the verb "may"
    if month_name in {"mar", "jan", "jun", "jul", "aug", "oct", "nov", "dec", "sep", "feb",
                      "apr"} and match.group(0)[0].islower():
        return None        # lowercase abbreviations are words, not months
    if not (day or written_year or part) and match.group(0)[0].islower():
        return None
    known = int(written_year) if written_year else year
    if known is None:
        return None
    try:
        if day and not part:
            value = PartialDate.parse(f"{known:04d}-{MONTHS[month_name]:02d}-{int(day):02d}")
        else:
            prefix = f"{part.lower()} " if part else ""
            value = PartialDate.parse(f"{prefix}{known:04d}-{MONTHS[month_name]:02d}")
    except ValueError:
        return None
    return Reading("date", value, match.group(0), year_given=written_year is not None)


def _number(text: str, match: re.Match) -> Reading:
    if match["num"]:
        value = float(match["num"].replace(",", ""))
    else:
        words = match["word"].lower().split("-")
        value = float(sum(WORD_NUMBERS[w] for w in words))
    start, end = match.span()
    after = text[end:]
    # scale: "3 billion", "431M", "4.8bn"
    scale = re.match(r"\s*(?P<s>thousand|million|billion|trillion|mn|bn|tn)\b|(?P<t>[kmb])\b",
                     after, re.IGNORECASE)
    if scale:
        value *= SCALES[(scale["s"] or scale["t"]).lower()]
        end += scale.end()
        after = text[end:]
    before = text[:start]
    currency = None
    prefix = re.search(r"(?:(US\$|USD|EUR|RMB|CNY|yuan)\s?|([$€¥]))\s*$", before, re.IGNORECASE)
    if prefix:
        currency = CURRENCY_BEFORE[(prefix[1] or prefix[2]).lower()]
        start = prefix.start()
    suffix = re.match(r"\s*(?P<c>US dollars|dollars?|yuan|renminbi|RMB|CNY|USD|euros?|EUR)\b",
                      after, re.IGNORECASE)
    if suffix:
        currency = currency or CURRENCY_AFTER[suffix["c"].lower()]
        end += suffix.end()
    qualifier = _qualifier_before(text, start)
    shown = text[start:end]
    if currency:
        return Reading("money", value, shown, qualifier, currency=currency)
    percent = re.match(r"\s*(%|per ?cent\b)", after, re.IGNORECASE)
    if percent:
        return Reading("percent", value, shown + percent.group(0), qualifier,
                       direction=direction_of(text, start, end + percent.end()))
    times = re.match(r"\s*(?:[x×]|-?fold\b|times\b)", after, re.IGNORECASE)
    if times:
        return Reading("times", value, shown + times.group(0), qualifier)
    duration = re.match(r"[\s-]*(?:(?:calendar|working|business|trading)\s+)?(days?|weeks?|months?|years?)\b",
                        after, re.IGNORECASE)
    unit_words = re.match(r"[\s-]*([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3})", after)
    unit = unit_words[1].lower() if unit_words else None
    if duration and "trading" not in duration.group(0).lower():
        return Reading("duration", value, shown + duration.group(0), qualifier,
                       unit=DURATION_WORDS[duration[1].lower()])
    year_like = bool(re.fullmatch(r"(?:19|20)\d\d", match["num"] or "")) and not scale
    return Reading("number", value, shown, qualifier, unit=unit, year_like=year_like)


def unit_follows(words: str | None, unit: str) -> bool:
    """Whether the words after a number begin with a figure's unit, a plural or not ("seven
    trading days" has the unit "trading days", not "weeks"; "100,000 units of" has "unit")."""
    def stems(text: str) -> list[str]:
        return [w[:-1] if len(w) > 3 and w.endswith("s") else w
                for w in re.findall(r"[a-z]+", text.lower())]
    wanted = stems(unit)
    return bool(wanted) and stems(words or "")[:len(wanted)] == wanted


def direction_of(text: str, start: int, end: int) -> int:
    """-1 when the quantity at text[start:end] is written as a fall ("-3%", "fell 3%", "a 3%
    drop"), 1 as a rise ("up 3%", "34% revenue growth"), else 0 (also for a level: "fell to
    3%", "from 5%"). Read in its own clause: up to four words before it, then up to two after."""
    if re.search(r"(?:^|[\s(])[-\u2212]\s*$", text[:start]):
        return -1
    clause_before = re.split(r"[.;:,!?]", text[:start])[-1]
    before = re.findall(r"[a-z]+", clause_before.lower())[-4:]
    after = re.findall(r"[a-z]+", re.split(r"[.;:,!?]", text[end:])[0].lower())[:2]
    if before[-1:] in (["to"], ["from"]):   # "fell to 3%", "from 5%": a level, not a change
        before = []
    for word in reversed(before):
        if word in _DIRECTION:
            return _DIRECTION[word]
    return next((_DIRECTION[word] for word in after if word in _DIRECTION), 0)


def names_a_fall(words: str) -> bool:
    """Whether a label names a fall ("Weekly fall in the share price"): its figure records
    the size of a fall as a positive number."""
    return any(word in FALL_WORDS for word in re.findall(r"[a-z]+", words.lower()))


def contains_words(passage: str, wanted: str) -> bool:
    """Whether `wanted` occurs in `passage` as whole words (case-insensitive): "Ba" is not in
    "Bard". A name glued to the word before it, as in "Google'sBard", still counts: a
    lowercase letter followed by the name's capital is a word boundary."""
    text, wanted = normalise(passage), normalise(wanted)
    size = len(wanted)
    if not size:
        return False
    for match in re.finditer(re.escape(wanted), text, re.IGNORECASE):
        start, end = match.span()
        before, after = text[start - 1: start], text[end: end + 1]
        opens = not before.isalnum() or (before.islower() and text[start].isupper())
        closes = not after.isalnum() or (text[end - 1].islower() and after.isupper())
        if opens and closes:
            return True
    return False


def _qualifier_before(text: str, start: int) -> str | None:
    """The qualifier group of the words just before position `start`, if any."""
    before = text[:start].lower().rstrip(" (\"'")
    for group, words in QUALIFIER_WORDS.items():
        for word in words:
            if before.endswith(word) and (
                    not word[-1].isalpha() or not before[:-len(word)][-1:].isalpha()):
                return group
    return None
