"""Every passage is in its article word for word.

Each source names its article's text file (`article:`), a file inside the articles folder (the
`articles:` setting). A relayed source names the relaying article, and its passage must be the
sentence that credits it: it contains the source's publisher. Without the folder (the texts are
not part of the project) one line on stderr says so and the passages go unchecked.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..catalogue import told
from ..errors import did_you_mean
from ..load.yaml_source import YamlDocument, load_yaml

SECTIONS = ("figures", "claims", "glossary")
SHOWN = 30   # characters of context shown on each side of where a passage stops matching

# Characters a retyped passage most often gets wrong, by the kind of difference they make.
LOOKALIKES = {
    "apostrophes or single quotes": "'’‘",
    "double quotes": "\"“”",
    "dashes": "-–—",
}
FOLD = str.maketrans({c: family[0] for family in LOOKALIKES.values() for c in family})
STYLE = {"'": "straight", "\"": "straight", "’": "curly", "‘": "curly", "“": "curly",
         "”": "curly", "-": "hyphen", "–": "en dash", "—": "em dash"}


def passages(data: dict) -> Iterator[tuple[tuple, str, str, str]]:
    """(path in the file, entry key, source id, passage) for every passage of the data."""
    for section in SECTIONS:
        for key, entry in (data.get(section) or {}).items():
            for source, given in ((entry or {}).get("sources") or {}).items():
                if isinstance(given, str):
                    yield (section, key, "sources", source), f"{section}.{key}", source, given
                else:
                    for index, passage in enumerate(given):
                        yield ((section, key, "sources", source, index), f"{section}.{key}",
                               source, passage)


def notice(shown: str) -> str:
    return f"articles folder {shown} not found: passages not checked against the articles"


def check_data_file(path: Path, display: str, folder: Path, folder_shown: str) -> None:
    """The check on the data file at `path` (named `display`), read afresh on every build so
    that a changed article is seen."""
    check_articles(load_yaml(path, display), folder, folder_shown)


def check_articles(doc: YamlDocument, folder: Path, shown: str) -> None:
    """Refuse the first passage that is not word for word in its source's article."""
    if not folder.is_dir():
        print(notice(shown), file=sys.stderr)
        return
    sources = doc.data.get("sources") or {}
    texts = {sid: article_text(doc, sid, source, folder, shown) for sid, source in sources.items()}
    for path, key, sid, passage in passages(doc.data):
        source = sources[sid]
        if passage not in texts[sid]:
            owners = sorted(other for other, text in texts.items() if passage in text)
            where = (f"it is word for word in {sources[owners[0]]['article']}, the article of "
                     f"{', '.join(owners)}" if owners else mismatch(passage, texts[sid]))
            raise doc.error(path, *told(
                "passage-not-in-article", source=sid, article=source["article"], where=where),
                key=key)
        credited = source.get("publisher", "")
        if source.get("as_reported_by") and credited not in passage:
            raise doc.error(path, *told(
                "passage-not-credited", source=sid, publisher=credited,
                article=source["article"]), key=key)


def article_text(doc: YamlDocument, sid: str, source: dict, folder: Path, shown: str) -> str:
    name = source.get("article")
    if not name:
        raise doc.error(("sources", sid), *told("article-missing", folder=shown),
                        key=f"sources.{sid}")
    path = folder / name
    if not path.is_file():
        names = sorted(p.name for p in folder.glob("*.txt"))
        raise doc.error(("sources", sid, "article"), *told(
            "article-not-found", article=name, folder=shown,
            suggestion=did_you_mean(name, names)), key=f"sources.{sid}")
    return path.read_text(encoding="utf-8")


def matched_length(passage: str, text: str) -> int:
    """The length of the passage's longest prefix found in the text (binary search: a prefix
    of a found prefix is found too)."""
    low, high = 0, len(passage)
    while low < high:
        middle = (low + high + 1) // 2
        if passage[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low


def mismatch(passage: str, text: str) -> str:
    """Where the passage stops matching the article, what each has next, and the kind of
    difference when it is one of quotes, dashes or spacing."""
    length = matched_length(passage, text)
    start = max(occurrences(passage[:length], text),
                key=lambda at: common_length(fold(passage[length:]), fold(text[at + length:])))
    ours, theirs = passage[length:length + SHOWN], text[start + length:start + length + SHOWN]
    matched = passage[max(0, length - SHOWN):length]
    where = (f"it matches up to \"{'…' if length > SHOWN else ''}{matched}\", then the passage "
             f"has \"{ours}\" where the article has \"{theirs}\"") if length else \
        f"not even its first character \"{passage[:1]}\" is in the article"
    kind = difference(ours[:1], theirs[:1]) if length else None
    return f"{where} ({kind})" if kind else where


def occurrences(part: str, text: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def fold(text: str) -> str:
    """The text with look-alike characters made one, to find where a passage was meant."""
    return text.translate(FOLD)


def common_length(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def difference(ours: str, theirs: str) -> str | None:
    """The kind of difference between two characters, when it is a common retyping slip."""
    if not ours or not theirs:
        return None
    for name, family in LOOKALIKES.items():
        if ours in family and theirs in family:
            return f"{name}: the passage has the {STYLE[ours]} {ours}, the article the " \
                   f"{STYLE[theirs]} {theirs}"
    if ours.isspace() or theirs.isspace():
        return "spacing: copy the spaces and line breaks as the article has them"
    return None
