"""Find the passages of an article: every sentence that states a quantity, as the build reads it.

    python -m macros.engine.find ARTICLE [--q TEXT]     (make find ARTICLE=... [Q=431])

For each sentence: what the engine's passage reader reads in it. For each stated figure of the
data file: whether the article supports it, states another value (a candidate conflict), or
says nothing. Then YAML lines ready to paste: the article's source when no source names it, a
new passage for a figure the article supports, a new figure for each quantity no figure has,
and an update for news that came after the site was published. The sentences are the article's own text, so
a pasted passage passes the word-for-word check.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .derive.briefing import Briefing, ResolvedFigure
from .errors import BriefingError
from .kinds import KINDS
from .pipeline import load_briefing
from .site_check import site_settings
from .validate.passage_reader import Reading, read
from .validate.passages import matches, year_hint

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-Z0-9])")
FIGURE_KIND = {"money": "money", "percent": "percent", "times": "ratio", "duration": "duration",
               "date": "date", "number": "count"}
COMMON = {"with", "from", "that", "this", "year", "over", "more", "than", "about", "their",
          "which", "will", "have", "into", "after", "before", "alibaba"}


@dataclass(frozen=True)
class Sentence:
    number: int
    line: int
    text: str
    readings: tuple[Reading, ...]


def sentences(text: str, year: int | None) -> list[Sentence]:
    """The article's sentences that state a quantity, each exactly as the article writes it."""
    found, number = [], 0
    for line_number, line in enumerate(text.splitlines(), 1):
        for part in SENTENCE_END.split(line.strip()):
            part = part.strip()
            readings = tuple(read(part, year)) if part else ()
            if readings:
                number += 1
                found.append(Sentence(number, line_number, part, readings))
    return found


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9-]{3,}", text.lower()) if w not in COMMON}


def same_measure(reading: Reading, fig: ResolvedFigure) -> bool:
    """The reading could state the figure but for its value (same kind, currency, unit)."""
    entry = KINDS[fig.kind]
    if reading.kind not in entry.reads:
        return False
    if entry.currency and reading.currency != fig.currency:
        return False
    return not (entry.unit_must_match and reading.unit != fig.unit)


def states(reading: Reading, fig: ResolvedFigure) -> bool:
    """The reading states the figure, as the passage check reads it."""
    return matches(reading, fig.kind, fig.value, currency=fig.currency, unit=fig.unit,
                   qualifier=fig.qualifier, label=fig.label)


def supporting(fig: ResolvedFigure, found: list[Sentence]) -> list[Sentence]:
    """The sentences that state the figure as the passage check reads them."""
    hint = year_hint(fig.value, fig.as_of)
    return [sentence for sentence in found
            if any(states(reading, fig) for reading in read(sentence.text, hint))]


def conflicting(fig: ResolvedFigure, found: list[Sentence]) -> tuple[Sentence, Reading] | None:
    """A sentence that shares a word of the figure's label and states the same measure with
    another value: a candidate conflict, for an editor to judge."""
    label, hint = words(fig.label), year_hint(fig.value, fig.as_of)
    for sentence in found:
        if label & words(sentence.text):
            for reading in read(sentence.text, hint):
                if same_measure(reading, fig):
                    return sentence, reading
    return None


def quoted(text: str) -> str:
    """The text as a YAML double-quoted string (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def source_for(sentence: Sentence, briefing: Briefing, article: str) -> str:
    """The source id a passage of this sentence is cited under: the relayed source the sentence
    credits, else the article's own source, else a placeholder."""
    own = [sid for sid, s in briefing.sources.items() if s.article == article]
    for sid in own:
        source = briefing.sources[sid]
        if source.as_reported_by and source.publisher in sentence.text:
            return sid
    plain = [sid for sid in own if not briefing.sources[sid].as_reported_by]
    return plain[0] if plain else "new-source-id"


def figure_yaml(reading: Reading, sentence: Sentence, source: str, number: int,
                briefing: Briefing) -> list[str]:
    """A new figure for one reading, ready to paste under `figures:`."""
    kind = FIGURE_KIND[reading.kind]
    value = reading.value
    shown = str(value) if kind == "date" else (int(value) if float(value).is_integer() else value)
    lines = [f"  group.new_key_{number}:            # choose the key", '    label: "..."            # '
             "what it is, no digits", f"    value: {quoted(shown) if kind == 'date' else shown}",
             f"    kind: {kind}"]
    if reading.currency:
        lines.append(f"    currency: {reading.currency}")
    if kind == "duration":
        lines.append(f"    unit: {quoted(reading.unit)}")
    elif kind == "count" and reading.unit:
        lines.append(f'    unit: "..."             # the words after the number: {reading.unit}')
    if reading.qualifier:
        lines.append(f"    qualifier: {reading.qualifier}")
    if kind == "date" and not reading.year_given:
        lines[2] += "   # the year is not in the sentence: check it"
    dated = source in briefing.sources and briefing.sources[source].date.year is not None
    as_of = quoted(str(briefing.sources[source].date)) if dated else '"..."'
    lines += [f"    as_of: {as_of}            # the date the figure holds for (check it)",
              "    sources:",
              f"      {source}: {quoted(sentence.text)}"]
    return lines


def report(article: Path, briefing: Briefing, needle: str | None) -> str:
    name = article.name
    cited_by = sorted(sid for sid, s in briefing.sources.items()
                      if s.article == name)
    year = next((s.date.year for sid in cited_by if (s := briefing.sources[sid]).date.year), None)
    every = sentences(article.read_text(encoding="utf-8"), year)
    found = [s for s in every if needle is None or needle in s.text]
    out = [f"Article {name}: " + (f"the article of {', '.join(cited_by)}" if cited_by else
                                  "no source names it yet (add one under 'sources:' with "
                                  f"article: {name})"),
           (f"{len(found)} sentences state a quantity" if len(found) != 1
            else "1 sentence states a quantity")
           + (f" and contain{'s' if len(found) == 1 else ''} {needle!r}" if needle else ""), ""]
    for sentence in found:
        out.append(f"[{sentence.number}] line {sentence.line}: {sentence.text}")
        out += [f"    reads {r.describe()}" for r in sentence.readings]
    out += ["", "Figures:"]
    supported: dict[int, list[str]] = {}
    stated = {key: fig for key, fig in briefing.figures.items()
              if not (fig.derived or fig.editorial or fig.kind == "text")}
    for key, fig in stated.items():
        support = supporting(fig, found)
        if support:
            cited = any(p in sentence.text for sentence in support
                        for sid in cited_by for p in fig.passages.get(sid, ()))
            # A sentence that only shares the value (a year, a date) and no word of the label
            # is most likely about something else: told, not proposed as a passage.
            about = [s for s in support if words(fig.label) & words(s.text)]
            out.append(f"  {key} ({fig.text}): supported by "
                       + ", ".join(f"[{s.number}]" for s in support)
                       + (" (already cited)" if cited else "" if about else
                          " (the value only: no word of its label; check before citing)"))
            if about and not cited:
                supported.setdefault(about[0].number, []).append(key)
        elif (conflict := conflicting(fig, found)) is not None:
            sentence, reading = conflict
            out.append(f"  {key}: candidate conflict: the figure is {fig.text}, "
                       f"[{sentence.number}] reads {reading.describe()}")
        elif needle is None:
            out.append(f"  {key}: the article says nothing of it")
    out += ["", "YAML to paste:"]
    if not cited_by:
        out += source_yaml(name, every)
    new = 0
    for sentence in found:
        source = source_for(sentence, briefing, name)
        for key in supported.get(sentence.number, ()):
            out += [f"  # [{sentence.number}] a new passage for {key}, under its sources:",
                    f"      {source}: {quoted(sentence.text)}"]
        used = supported.get(sentence.number)
        for reading in sentence.readings:
            if used or any(states(reading, f) for f in stated.values()):
                continue
            out.append(f"  # [{sentence.number}] a new figure: {reading.describe()}")
            new += 1
            out += figure_yaml(reading, sentence, source, new, briefing)
    if found:
        own = source_for(found[0], briefing, name)
        out += update_yaml(own, [f"group.new_key_{n}" for n in range(1, new + 1)], every)
    return "\n".join(out) + "\n"


def first_date(found: list[Sentence]) -> str:
    """The first full date the article's sentences state, as a hint for dates to check."""
    return next((str(r.value) for s in found for r in s.readings
                 if r.kind == "date" and r.value.precision == "day"), "...")


def source_yaml(article: str, found: list[Sentence]) -> list[str]:
    """A new source for an article no source names yet, ready to paste under `sources:`."""
    return ["  # the article's source, under sources: (fill in each \"...\")",
            "  new-source-id:               # choose the id: lowercase words and hyphens",
            '    name: "..."                # a short dated name, e.g. "Stock news, 3 Feb"',
            '    publisher: "..."',
            '    title: "..."               # the headline, or a short descriptive title',
            f"    date: {quoted(first_date(found))}            # the publication date (check it)",
            f"    article: {article}",
            "    reliability: medium        # lowest, low, medium, medium-high or high",
            '    note: "..."                # why this reliability'
            ]


def update_yaml(source: str, keys: list[str], found: list[Sentence]) -> list[str]:
    """An update, for an article that brings news after the site was published (a newer
    reading of a figure, an event that has since happened), ready to paste under `updates:`."""
    figures = ", ".join(keys) if keys else "..."
    return ["  # if it is news since the site was published, under updates: (at the end)",
            f"  - date: {quoted(first_date(found))}           # when the news came (check it)",
            '    says: "..."                # what is new, in one sentence, no digits',
            f"    figures: [{figures}]       # the figures it concerns",
            f"    sources: [{source}]"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.engine.find",
                                     description="List an article's sentences that state a "
                                                 "quantity and the figures they support.")
    parser.add_argument("article", type=Path, help="the article's text file")
    parser.add_argument("--q", help="only the sentences containing this text, e.g. 431")
    args = parser.parse_args(argv)
    if not args.article.is_file():
        print(f"{args.article}: no such file: give the article's text file, e.g. "
              "make find ARTICLE=../shared/sources/002_1f396d49f509e587.txt", file=sys.stderr)
        return 2
    config, _, _ = site_settings(Path.cwd())
    try:
        briefing = load_briefing(Path(config.data), display=config.data)
    except BriefingError as error:
        print(error, file=sys.stderr)
        return 1
    print(report(args.article, briefing, args.q), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
