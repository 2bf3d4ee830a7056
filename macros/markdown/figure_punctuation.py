"""Punctuation stays on the line of the figure or citation marker it touches.

A figure (and a citation marker) is a <button>, which browsers lay out as one unbreakable box
with a place to break the line after it, even before a comma or a closing bracket: "(3 billion
yuan" on one line and ")" on the next. This postprocessor wraps each figure or marker that punctuation
follows, together with that punctuation (and an opening bracket or quote right before it), in
<span class="fig-with-punctuation">, which docs/stylesheets/site.css keeps on one line.
It runs after Python-Markdown has put the raw HTML back into the page.
"""

from __future__ import annotations

import re

from markdown.postprocessors import Postprocessor

BUTTON = '<button type="button" class="'
PANEL_END = "</fig-panel>"
_FOLLOWED = re.compile(re.escape(PANEL_END) + r"([)\]}.,;:!?’”]+)")
_OPENING = "([{“‘"
WRAP = '<span class="fig-with-punctuation">'


class FigurePunctuation(Postprocessor):
    def run(self, text: str) -> str:
        if PANEL_END not in text:
            return text
        out: list[str] = []
        last = 0
        for m in _FOLLOWED.finditer(text):
            start = text.rfind(BUTTON, last, m.start())   # the button its panel follows
            if start < 0:
                continue
            if start > last and text[start - 1] in _OPENING:
                start -= 1
            out += [text[last:start], WRAP, text[start:m.end()], "</span>"]
            last = m.end()
        out.append(text[last:])
        return "".join(out)
