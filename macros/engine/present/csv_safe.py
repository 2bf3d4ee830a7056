"""Cells safe to open in a spreadsheet (OWASP, CSV injection).

A cell starting with = + - @, a tab or a carriage return is read by Excel, LibreOffice and
Google Sheets as a formula; a label such as `=HYPERLINK(...)` would run when the downloaded
figures.csv is opened. Such cells get a leading single quote, which spreadsheets show as text.
Plain numbers (`-2.34`) are left alone so that the column stays numeric.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def safe_cell(value: object) -> object:
    """The value, with a leading ' when a spreadsheet would take it for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: dict) -> dict:
    """Every cell of a csv.DictWriter row made safe."""
    return {name: safe_cell(value) for name, value in row.items()}
