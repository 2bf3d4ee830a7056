"""Generated HTML straight to Python-Markdown's stash, past its raw-HTML parser.

The engine writes each generated block (figures appendix groups, sources list, charts,
glossary...) between two sentinel comment lines. This preprocessor runs before Markdown's
`html_block` (priority 20), stores each block whole with `md.htmlStash.store()` and leaves
the placeholder on its own line, exactly as `html_block` does for a raw block it has parsed.
The output is the same; the cost is one pass over the lines instead of an HTML parse of every
tag (540,000 tags for an appendix of 20,000 figures).

A sentinel that is not at the start of a line (a macro called inside an indented block) is
dropped and the block is left to Markdown as before.
"""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .figure_punctuation import FigurePunctuation

# Kept equal to macros/engine/present/markup.py RAW_START / RAW_END (checked by a test);
# repeated here so that the extension does not import the engine.
RAW_START = "<!-- briefing:html -->"
RAW_END = "<!-- /briefing:html -->"


class RawHtmlPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any(RAW_START in line for line in lines):
            return lines
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is not None:
                if line == RAW_END:
                    # html_block keeps the newline that ends a raw block: so does this
                    out.extend(("", self.md.htmlStash.store("\n".join(block) + "\n"), ""))
                    block = None
                else:
                    block.append(line)
            elif line == RAW_START:
                block = []
            elif RAW_START in line or RAW_END in line:
                line = line.replace(RAW_START, "").replace(RAW_END, "")
                if line.strip():
                    out.append(line)
            else:
                out.append(line)
        if block is not None:        # no end sentinel: give the lines back to Markdown
            out.extend(block)
        return out


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        # After MkDocs' anchor collector (21), which must still see the ids; before html_block (20).
        md.preprocessors.register(RawHtmlPreprocessor(md), "briefing_raw_html", 20.5)
        # After the raw HTML is back in the page (Python-Markdown's raw_html, 30).
        md.postprocessors.register(FigurePunctuation(md), "briefing_figure_punctuation", 25)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return RawHtmlExtension(**kwargs)
