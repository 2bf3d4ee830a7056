"""The catalogue of error messages (macros/engine/catalogue.py) is the one home of their
wording: every entry is used, no other module repeats a hint, and CONTRIBUTING.md shows each."""

import re
import string
from pathlib import Path

import pytest

from macros.engine.catalogue import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SOURCES = {path: path.read_text(encoding="utf-8") for path in (ROOT / "macros").rglob("*.py")
           if path.name != "catalogue.py"}


def pattern(template: str) -> re.Pattern:
    """The template as a regular expression: its text literally, each placeholder as any text."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*?")
    return re.compile("".join(parts))


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_contributing_shows_the_message(message_id):
    message = MESSAGES[message_id]
    assert pattern(message.problem).search(CONTRIBUTING), f"{message_id}: {message.problem}"
    assert pattern(f"How to fix: {message.hint}").search(CONTRIBUTING), \
        f"{message_id}: {message.hint}"


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_the_message_is_used(message_id):
    used = re.compile(rf'(told|refuse)\(\s*"{re.escape(message_id)}"|: "{re.escape(message_id)}"')
    assert any(used.search(text) for text in SOURCES.values()), message_id


def test_no_module_repeats_a_hint():
    for message_id, message in MESSAGES.items():
        literal = max((part[0] for part in string.Formatter().parse(message.hint)), key=len)
        for path, text in SOURCES.items():
            assert literal not in text, f"{path.name} repeats the hint of {message_id}"
