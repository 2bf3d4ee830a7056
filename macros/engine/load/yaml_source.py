"""Read YAML strictly: duplicate keys are errors, and every key keeps its line number.

Two YAML features are refused because they silently publish something else than was written:
anchors and aliases (`&name`, `*name`: the data file has no need for them, and a few bytes of
nested aliases expand to gigabytes), and YAML 1.1 numbers whose written form is not plain
decimal (`0431` is read as octal 281, `1:30` as 90, `1_000` as 1000, `.5` as 0.5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..catalogue import told
from ..characters import escaped
from ..errors import BriefingError, placed, shown
from .numbers import check_plain_number
from .text_file import read_utf8

Path_ = tuple[str | int, ...]
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
MAX_NESTING = 32
PLAIN_VALUES = (str, int, float, bool, type(None), dt.date)   # what a scalar may be read as

# What YAML calls a part that can be left open, in the words of someone editing the file.
_OPENED = {"while parsing a flow sequence": "the [ list",
           "while parsing a flow mapping": "the { group",
           "while scanning a quoted scalar": "the quoted text"}


@dataclass
class YamlDocument:
    """Plain data read from a YAML file, with the line of every key and item."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    written: dict[Path_, str] = field(default_factory=dict)   # scalars YAML read as non-text

    def shown_at(self, path: Path_, value: object) -> str:
        """The value at `path` for a message, as the contributor wrote it: `NO`, not false;
        `1.50`, not 1.5 (errors.shown for what the file does not hold as written)."""
        path = tuple(path)   # a scalar has no parts: the first prefix written is the one
        raw = next((self.written[path[:n]] for n in range(len(path), 0, -1)
                    if path[:n] in self.written), None)
        if raw is None:
            return shown(value)
        text = escaped(raw)
        return text if len(text) <= 60 else text[:57] + "..."

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest known part of `path` (the key itself when it exists)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def error(self, path: Path_, problem: str, hint: str | None, *, key: str | None
              ) -> BriefingError:
        """The one way a mistake in the data file is told: at this file and the line of
        `path` (its deepest known part)."""
        return placed(BriefingError(problem, key=key, hint=hint), self.file, self.line_of(path))


def load_yaml(path: Path, display: str | None = None, root: Path | None = None) -> YamlDocument:
    """Load `path`; raise BriefingError naming the file and line for any YAML mistake. With
    `root`, the file (its links followed) must be inside that folder."""
    name = display or str(path)
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise BriefingError(
            f"the data file is outside the project (it is {path.resolve()})", file=name,
            hint="keep the data file inside the project, e.g. data/briefing.yml, and point "
                 "'data:' under 'extra: briefing:' in mkdocs.yml at it")
    if path.is_dir():
        raise BriefingError(
            "the data path is a folder, not a file", file=name,
            hint="point 'data:' under 'extra: briefing:' in mkdocs.yml at the YAML file, "
                 "e.g. data/briefing.yml")
    if not path.exists() and not path.is_symlink():
        problem, hint = told("data-file-missing")
        raise BriefingError(problem, file=name, hint=hint)
    text = read_utf8(path, name, "data file")
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text held in memory (see load_yaml)."""
    try:
        _refuse_anchors(text, name)
        root = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        detail, line = syntax_problem(error, first_line=1)
        problem, hint = told("yaml-syntax", detail=detail)
        raise BriefingError(problem, file=name, line=line, hint=hint) from None
    except yaml.reader.ReaderError as error:
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise BriefingError(
            f"character U+{code:04X} is not allowed in YAML",
            file=name, line=text.count("\n", 0, error.position) + 1,
            hint="delete it (control characters often come from copy and paste)") from None
    except yaml.YAMLError as error:
        raise BriefingError(f"YAML error: {error}", file=name,
                            hint="check the file is valid YAML") from None
    document = YamlDocument(file=name, data=None)
    if root is None:
        raise BriefingError("the data file is empty", file=name,
                            hint="add the 'sources:' and 'figures:' sections")
    document.data = _build(root, (), document, yaml.constructor.SafeConstructor())
    return document


def syntax_problem(error: yaml.MarkedYAMLError, first_line: int) -> tuple[str, int | None]:
    """What a YAML syntax error says and the file line where the parser stopped (the YAML text
    starts on `first_line`). When what was left open began on an earlier line, say which: an
    unclosed [ or quote is reported where the parser gave up, often lines later."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or error.context or "invalid YAML"
    start, opened = error.context_mark, _OPENED.get(error.context or "")
    if opened and error.problem and mark and start and start.line < mark.line:
        problem += f" ({opened} that starts on line {start.line + first_line} is not closed)"
    return problem, mark.line + first_line if mark else None


def check_nesting(events: Iterable[yaml.Event], name: str, first_line: int = 1
                  ) -> Iterator[yaml.Event]:
    """The events, stopping at a list or mapping nested deeper than MAX_NESTING (the data file
    needs five levels; hundreds would only exhaust the loader's recursion)."""
    depth = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise BriefingError(
                    f"lists or mappings nested more than {MAX_NESTING} levels deep",
                    file=name, line=event.start_mark.line + first_line,
                    hint="check the brackets and the indentation: no entry of the file nests "
                         "that deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        yield event


def _refuse_anchors(text: str, name: str) -> None:
    """Stop at the first anchor (&name) or alias (*name), before anything follows them, and
    at nesting deeper than the file can need."""
    for event in check_nesting(yaml.parse(text, Loader=LOADER), name):
        if isinstance(event, yaml.AliasEvent):
            written = f"*{event.anchor}"
        elif getattr(event, "anchor", None):
            written = f"&{event.anchor}"
        else:
            continue
        problem, hint = told("yaml-alias", written=written)
        raise BriefingError(problem, file=name, line=event.start_mark.line + 1, hint=hint)


def _build(node: yaml.Node, path: Path_, doc: YamlDocument, constructor: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, doc, constructor)
            if not isinstance(key, str | int):
                raise BriefingError("keys must be plain text", file=doc.file,
                                    line=key_node.start_mark.line + 1, hint="quote the key")
            key = str(key)
            here = path + (key,)
            if key in result and _is_citation(here):
                raise BriefingError(
                    f"cites source '{key}' twice (first on line {doc.lines[here]})",
                    file=doc.file, line=key_node.start_mark.line + 1,
                    key=".".join(str(p) for p in here[:2]),
                    hint=f"cite each source once; to quote two passages from it, give them as "
                         f"a list: {key}: [\"first passage\", \"second passage\"]")
            if key in result:
                dotted = ".".join(str(p) for p in here)
                problem, hint = told("duplicate-key", name=key, first=doc.lines[here])
                raise BriefingError(
                    problem, file=doc.file, line=key_node.start_mark.line + 1, key=dotted,
                    hint=hint if len(here) > 1 else f"write '{key}:' once: move the entries "
                    "below this line under the first one, then delete this line",
                )
            doc.lines[here] = key_node.start_mark.line + 1
            result[key] = _build(value_node, here, doc, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.lines[path + (index,)] = item.start_mark.line + 1
            items.append(_build(item, path + (index,), doc, constructor))
        return items
    return _scalar(node, path, doc, constructor)


def _is_citation(path: Path_) -> bool:
    """A source id in the 'sources:' mapping of a figure, claim or glossary entry."""
    return len(path) == 4 and path[2] == "sources" and path[0] in {"figures", "claims", "glossary"}


def _scalar(node: yaml.Node, path: Path_, doc: YamlDocument, constructor: Any) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise BriefingError("expected a plain value here", file=doc.file,
                            line=node.start_mark.line + 1,
                            key=".".join(str(p) for p in path) or None,
                            hint="a key must be a plain word, not a list or mapping")
    check_plain_number(node, doc.file, ".".join(str(p) for p in path) or None)
    try:
        value = constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as error:
        reason = getattr(error, "problem", None) or error
        problem, hint = (f"unreadable value {node.value!r} ({reason})",
                         "quote the value or fix its format; YAML tags (!!) and merge keys (<<) "
                         "are not supported")
        if node.tag == "tag:yaml.org,2002:timestamp":
            problem = f"{node.value} is not a real calendar date ({reason})"
            hint = "write a date that exists, like 2026-02-15"
        raise BriefingError(problem, file=doc.file, line=node.start_mark.line + 1,
                            key=".".join(str(p) for p in path) or None, hint=hint) from None
    if not isinstance(value, PLAIN_VALUES):
        raise BriefingError(
            f"{shown(node.value)} is tagged {node.tag.replace('tag:yaml.org,2002:', '!!')}: "
            "it is not text, a number or a date", file=doc.file,
            line=node.start_mark.line + 1, key=".".join(str(p) for p in path) or None,
            hint="write the text itself, in quotes, without a tag; YAML tags (!!binary, "
                 "!!python...) are not supported")
    if not isinstance(value, str):
        doc.written[path] = node.value
    return value
