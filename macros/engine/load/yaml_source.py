"""Read YAML strictly: duplicate keys are errors, and every key keeps its line number."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import BriefingError

Path_ = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


@dataclass
class YamlDocument:
    """Plain data read from a YAML file, with the line of every key and item."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest known part of `path` (the key itself when it exists)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Load `path`; raise BriefingError naming the file and line for any YAML mistake."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BriefingError(
            "data file not found",
            file=name,
            hint="create it, or check the path in mkdocs.yml (extra: briefing_data)",
        ) from None
    except UnicodeDecodeError as error:
        raise BriefingError(f"file is not UTF-8 text ({error.reason})", file=name,
                            hint="save the file as UTF-8") from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text held in memory (see load_yaml)."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise BriefingError(
            f"YAML syntax error: {problem}",
            file=name,
            line=mark.line + 1 if mark else None,
            hint="check indentation, colons and quotes on this line and the one before it",
        ) from None
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
            if key in result:
                dotted = ".".join(str(p) for p in here)
                raise BriefingError(
                    f"duplicate key '{key}' (first defined on line {doc.lines[here]})",
                    file=doc.file,
                    line=key_node.start_mark.line + 1,
                    key=dotted,
                    hint="keep one of the two entries; YAML would silently drop the first"
                    if len(here) > 1 else f"write '{key}:' once: move the entries below this "
                    "line under the first one, then delete this line",
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


def _scalar(node: yaml.Node, path: Path_, doc: YamlDocument, constructor: Any) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise BriefingError("expected a plain value here", file=doc.file,
                            line=node.start_mark.line + 1,
                            key=".".join(str(p) for p in path) or None,
                            hint="a key must be a plain word, not a list or mapping")
    try:
        return constructor.construct_object(node, deep=True)
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
