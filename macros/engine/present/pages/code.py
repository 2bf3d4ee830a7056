"""What is code in a page's Markdown, the one answer for the link, prose and template checks:
fenced blocks, also indented ones (a fence in a list item), and code spans; and what is
template code: {{ }}, {% %} and {# #} blocks, and {% raw %} blocks (shown, not run)."""

from __future__ import annotations

import re

CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1|`[^`\n]+`", re.S | re.M)
TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)


def blank(pattern: re.Pattern, text: str) -> str:
    """The text with every match of `pattern` blanked out, keeping offsets and line breaks."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def without_code(text: str) -> str:
    """The text with its code blanked out, keeping offsets and line breaks."""
    return blank(CODE, text)
