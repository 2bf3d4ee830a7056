"""The one rule for every text field of the data file: text on one line, with no control or
invisible character. Applied by the models' shared text type (models.py), so that a field
added later gets it too; document.py tells its errors in the catalogue's words."""

from __future__ import annotations

from pydantic_core import PydanticCustomError

from ..characters import describe, first_hidden, first_line_break

LINE_BREAK = "line_break"
HIDDEN_CHARACTER = "hidden_character"
TEXT_ERRORS = frozenset({LINE_BREAK, HIDDEN_CHARACTER})


def one_line(text: str) -> str:
    """`text` unchanged; a line break, control or invisible character is a validation error
    whose context names the character and its position (counted from 1)."""
    for kind, at in ((LINE_BREAK, first_line_break(text)), (HIDDEN_CHARACTER, first_hidden(text))):
        if at is not None:
            raise PydanticCustomError(kind, "{character} at character {position}",
                                      {"character": describe(text[at]), "position": at + 1})
    return text

