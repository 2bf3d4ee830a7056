"""The Markdown extension that stashes the engine's generated HTML blocks whole
(macros/markdown/raw_html.py): same HTML as Python-Markdown's own raw-HTML pass."""

from __future__ import annotations

import markdown

from macros.engine.present.markup import RAW_END, RAW_START, html_block
from macros.markdown import add_to, raw_html

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
PAGE = ("# Title\n\nSome *prose*.\n"
        + html_block('<div class="fig-group"><section id="a"><h3>A</h3> <dl><dt>Value:</dt> '
                     "<dd>1</dd></dl></section> </div>")
        + "## Next\n" + html_block("<p>One.</p>\n<table><tr><td>x</td></tr></table>")
        + "After *that*.\n\n- a list " + RAW_START + "\n")


def _plain(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line not in (RAW_START, RAW_END))


def test_sentinels_agree():
    assert (raw_html.RAW_START, raw_html.RAW_END) == (RAW_START, RAW_END)


def test_same_html_as_markdowns_raw_html_pass():
    with_ext = markdown.markdown(PAGE, extensions=[*EXTENSIONS, raw_html.RawHtmlExtension()])
    without = markdown.markdown(_plain(PAGE).replace(RAW_START, ""), extensions=EXTENSIONS)
    assert with_ext == without
    assert "briefing:html" not in with_ext


def test_add_to_adds_once():
    extensions = ["toc"]
    add_to(extensions)
    add_to(extensions)
    assert sum(isinstance(e, raw_html.RawHtmlExtension) for e in extensions) == 1
