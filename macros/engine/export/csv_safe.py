"""Cells safe to open in a spreadsheet (OWASP, CSV injection).

A cell starting with = + - @, a tab or a carriage return is read by Excel, LibreOffice and
Google Sheets as a formula; a label such as `=HYPERLINK(...)` would run when the downloaded
figures.csv is opened. Such text cells get a leading single quote, which spreadsheets show as
text. Numbers are left alone, so numeric columns stay numeric.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value, with a leading ' when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
