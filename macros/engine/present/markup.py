"""The HTML the engine writes: its one escaper, and its own Jinja environment for the templates
in present/templates/.

Every `{{ value }}` goes through `escape`, the one escaper: HTML- and Markdown-safe, so data
text shows exactly as written. Fragments already rendered arrive as `Markup` and are
left alone. The environment is never changed after it is made, so one serves every build.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from markupsafe import escape as escape_html

from ..format.values import format_partial_date

# Sentinel lines around every generated HTML block: the site's Markdown extension
# (macros/markdown/raw_html.py) stashes what lies between them whole, so Python-Markdown's
# raw-HTML parser never walks the generated tags (linear, and a fraction of the time).
RAW_START = "<!-- briefing:html -->"
RAW_END = "<!-- /briefing:html -->"
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "*_[]`\\{}|#<>&\"'"})


def escape(text: object) -> str:
    """Escape data text for HTML and for Markdown, so it shows exactly as written."""
    return str(text).translate(_MARKDOWN_SPECIALS)


def html_block(html: str) -> str:
    """A generated HTML block, set apart by blank lines and the sentinel lines."""
    return f"\n\n{RAW_START}\n{html}\n{RAW_END}\n\n"


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(n: int) -> str:
    """A count as prose writes it: 'four', up to ten; digits above."""
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def _escaped(value: object) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape(value))


@cache
def environment() -> Environment:
    """The engine's template environment. `|html` escapes for HTML only: for the ids, names and
    addresses the engine builds, inside tags or raw blocks where Markdown never reads. `block`
    sets generated HTML apart as a raw block (html_block); `words` writes a count in words,
    `date` a date."""
    env = Environment(loader=PackageLoader("macros.engine.present", "templates"),
                      autoescape=True, finalize=_escaped, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["html"] = escape_html
    env.filters["words"] = count_words
    env.filters["date"] = format_partial_date
    env.filters["block"] = lambda html: Markup(html_block(html))
    return env


def render(name: str, /, **context: object) -> Markup:
    """One template rendered with `context`: HTML that other templates take as it is."""
    return Markup(environment().get_template(name).render(**context))
