"""Cells safe to open in a spreadsheet (OWASP, CSV injection).

Excel, LibreOffice and Google Sheets read a cell that starts with = + - or @ as a formula
(also in their full-width forms, which some of them fold to the ASCII ones, and after leading
spaces, which some of them skip); a tab, carriage return, line feed or NUL in front, or any
other control or invisible character, hides what follows or shifts it into another cell. A
label such as `=HYPERLINK(...)` would run when the downloaded figures.csv is opened. Such text
cells get a leading single quote, which spreadsheets show as text. Numbers are left alone, so
numeric columns stay numeric.
"""

from __future__ import annotations

from ..characters import is_hidden

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠", "﹢", "﹣",
                 "﹦")
SKIPPED_SPACES = " \u00a0\u3000"


def needs_quoting(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula, or not show its start."""
    if not text:
        return False
    rest = text.lstrip(SKIPPED_SPACES)
    return (text.startswith(FORMULA_START) or rest.startswith(FORMULA_START)
            or is_hidden(text[0]) or (rest != "" and is_hidden(rest[0])))


def safe_cell(value: object) -> object:
    """The value, with a leading ' when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and needs_quoting(value):
        return "'" + value
    return value
