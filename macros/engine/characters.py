"""Characters that never belong in the project's text, and how a message shows any character.

Control characters (C0 and C1), format characters (bidi overrides and isolates, zero-width
spaces and joiners, the byte-order mark, soft hyphens) and line or paragraph separators hide,
reorder or break text: refused in the data file and front matter (validate/text.py,
present/pages/rules.py). `escaped` writes every such character as an escape sequence, so that
a message never sends one raw to a terminal or a page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co"})
# letters and marks that show as nothing at all (Hangul fillers, the braille blank, the
# combining grapheme joiner): as good as invisible, though Unicode does not class them so
INVISIBLE = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")
NUMERAL_CATEGORIES = frozenset({"Nd", "No", "Nl"})
_C0_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
    "ENQUIRY", "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
    "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
    "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_hidden(char: str) -> bool:
    """A control, format or separator character: invisible, or it changes how text shows."""
    return unicodedata.category(char) in HIDDEN_CATEGORIES or char in INVISIBLE


@cache
def numerals() -> re.Pattern:
    """A run of digits or other numerals of any script: 4, full-width, superscript,
    circled, Roman, fractions (whatever a reader reads as a number)."""
    chars = "".join(chr(code) for code in range(0x10000)
                    if unicodedata.category(chr(code)) in NUMERAL_CATEGORIES)
    return re.compile(f"[{re.escape(chars)}\\d]+")


def first_hidden(text: str, *, allowed: str = "") -> int | None:
    """The index of the first hidden character of `text` not in `allowed`, or None."""
    return next((i for i, char in enumerate(text) if char not in allowed and is_hidden(char)),
                None)


def first_line_break(text: str) -> int | None:
    """The index of the first line break of any kind in `text`, or None."""
    return next((i for i, char in enumerate(text) if char in LINE_BREAKS), None)


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code point and its Unicode name."""
    code = ord(char)
    name = unicodedata.name(char, "")
    if not name and code < len(_C0_NAMES):
        name = _C0_NAMES[code]
    elif not name:
        name = {0x7F: "DELETE", 0x85: "NEXT LINE"}.get(code, "control character")
    return f"U+{code:04X} {name}"


def escaped(text: str, *, keep: str = "") -> str:
    """`text` with every hidden character not in `keep` written as an escape (\\n, \\t,
    \\u202e, \\x1b)."""
    if first_hidden(text, allowed=keep) is None:
        return text
    return "".join(_escape(char) if char not in keep and is_hidden(char) else char
                   for char in text)


def _escape(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"
