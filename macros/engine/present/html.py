"""HTML for figures as they appear in pages: machine-readable, escaped, with provenance."""

from __future__ import annotations

import posixpath
import re
from functools import cache
from typing import get_args

from markupsafe import Markup

from ..dates import PartialDate
from ..derive.briefing import Briefing, ResolvedFigure
from ..errors import lookup
from ..format.values import format_partial_date
from ..kinds import KINDS
from ..validate.models import Reliability
from .markup import render

APPENDIX_URL = "figures/"


def anchor(key: str) -> str:
    """The id of a figure's entry in the appendix."""
    return "fig-" + key.replace(".", "-")


def permalink(site_url: str, appendix_url: str, key: str) -> str:
    """The address of a figure's appendix entry (from the site's root without `site_url`)."""
    return f"{site_url}{appendix_url}#{anchor(key)}"


def use_anchor(key: str) -> str:
    """The id of a figure's first use on a page (the appendix links back to it)."""
    return "at-" + key.replace(".", "-")


@cache
def relative_url(from_page: str, to_page: str) -> str:
    """Link from one directory-style page URL ('campaign/') to another ('figures/').

    Memoised: a page links to the same few pages (appendix, sources) many times."""
    base = posixpath.dirname(from_page.rstrip("/") + "/x") if from_page else "."
    target = posixpath.relpath(to_page or ".", base or ".")
    return "./" if target == "." else target.rstrip("/") + "/"


# The data model's reliability levels, most reliable first.
RELIABILITY_ORDER = tuple(reversed(get_args(Reliability)))
SOURCES_URL = "sources/"
DATA_DIR = "data/"


def source_date(src, short: bool = False) -> Markup:
    """A source's date as HTML: '<time>3 February 2026</time> (estimated)', or 'undated';
    short, for a narrow column: '<time>early Feb 2026</time> (est.)'."""
    return render("source_date.html", date=src.date, short=short,
                  text=format_partial_date(src.date, short=short),
                  estimated=src.date_estimated and src.date.precision != "none")


def article_address(briefing: Briefing, source_id: str) -> dict:
    """Where a source's article can be opened: its address and the site that publishes it
    (a relayed report's is the relaying article's; templates/source.html article_link)."""
    return {"url": briefing.source(source_id).url, "site": briefing.article_publisher(source_id)}


def passages(item, source_id: str) -> tuple[str, ...]:
    """The verbatim passages a figure, claim or glossary entry records for one source."""
    by_source = item.passages if isinstance(item, ResolvedFigure) else item.sources
    return by_source.get(source_id, ())


def provenance(briefing: Briefing, fig: ResolvedFigure) -> str:
    """Plain-text provenance (for charts' titles and exports): what, where from, when.

    Built once per figure and build, however often the figure is shown.
    """
    if fig.key not in briefing.tooltips:
        briefing.tooltips[fig.key] = _provenance(briefing, fig)
    return briefing.tooltips[fig.key]


def _provenance(briefing: Briefing, fig: ResolvedFigure) -> str:
    parts = [fig.label]
    if fig.derived:
        inputs = ", ".join(briefing.figure(k).label for k in fig.inputs)
        parts.append(f"Computed from: {inputs}")
    elif fig.editorial:
        parts.append("This site's own note")
    if not fig.derived and fig.sources:
        noun = "Sources" if len(fig.sources) > 1 else "Source"
        parts.append(f"{noun}: " + "; ".join(briefing.source(s).name for s in fig.sources))
    parts.append(fig.as_of_text[0].upper() + fig.as_of_text[1:])
    return ". ".join(parts) + "."


def time_element(date: PartialDate) -> Markup:
    """<time> for a known date; plain text when the date is not known."""
    return render("time.html", date=date, text=format_partial_date(date))


def value_element(fig: ResolvedFigure, short: bool = False) -> Markup:
    """<time> for dates, <data> for everything else, holding the raw value (its text in its
    short form, bare, when `short`)."""
    return render("value.html", element=KINDS[fig.kind].element, machine=fig.machine,
                  text=fig.short if short else fig.text, bare=short)


_TOKEN = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+|[*/-]")   # a figure key or a sign
_OPERATORS = {"*": "×", "/": "÷", "-": "−"}


def readable_formula(briefing: Briefing, formula: str) -> str:
    """'campaign.budget_cny / competition.baidu_budget_cny' as the labels and signs a reader
    knows: 'Qwen Lunar New Year campaign budget ÷ Baidu's AI promotion budget'."""
    text = _TOKEN.sub(lambda m: _OPERATORS.get(m[0]) or briefing.figure(m[0]).label, formula)
    return " ".join(text.split())


class PageRenderer:
    """Renders figures for one page (links are relative to that page).

    Each figure in prose is a button that opens its panel in place (the HTML Popover API):
    label, value, sources with their reliability and passages, as-of date, formula and inputs,
    and a link to the appendix entry. The renderer remembers what the page showed and cited,
    for the print list at the end of the page.
    """

    def __init__(self, briefing: Briefing, page_url: str, appendix_url: str = APPENDIX_URL,
                 sources_url: str = SOURCES_URL, link_base: str | None = None,
                 changes_url: str | None = None) -> None:
        self.briefing = briefing
        self.page_url = page_url
        self.appendix_url = appendix_url  # the generator's URLs of the appendix and sources pages
        self.sources_url = sources_url
        # The URL relative links start from: the page's own, or (a generator that rewrites links
        # in HTML as relative to the source file) its source file's folder.
        self.link_base = page_url if link_base is None else link_base
        self._appendix = relative_url(self.link_base, appendix_url)
        self._sources = relative_url(self.link_base, sources_url)
        # The What has changed page (the page that calls changes_list), if the site has one.
        self._changes = relative_url(self.link_base, changes_url) if changes_url else None
        self.shown: dict[str, int] = {}
        self.charts: dict[str, tuple[str, ...]] = {}  # chart id -> the figures it drew
        self.cited: dict[str, int] = {}
        self._cite_uses: dict[str, int] = {}

    def appendix_href(self, key: str) -> str:
        return f"{self._appendix}#{anchor(key)}"

    def source_href(self, source_id: str) -> str:
        return f"{self._sources}#source-{source_id}"

    def updates(self, key: str) -> list[dict]:
        """A figure's updates, newest first, as panels and the appendix show them
        (templates/updated.html), each linking to its entry on the What has changed page."""
        return [{"date": format_partial_date(u.date), "says": u.says,
                 "href": f"{self._changes}#{u.anchor}"} for u in self.briefing.updates_of(key)]

    def page_href(self, url: str) -> str:
        return relative_url(self.link_base, url)

    def source_item(self, source_id: str, texts) -> dict:
        """One source as a panel shows it (templates/source.html)."""
        src = self.briefing.source(source_id)
        return {"href": self.source_href(source_id), "name": src.name,
                "date": source_date(src),
                "reliability": src.reliability, "passages": texts,
                **article_address(self.briefing, source_id)}

    def _panel_body(self, fig: ResolvedFigure) -> Markup:
        """The panel's content for one figure, cached per build and link depth."""
        cache = self.briefing.__dict__.setdefault("_panel_cache", {})
        where = (fig.key, self._appendix, self._sources, self._changes)
        cached = cache.get(where)
        if cached is not None:
            return cached
        b = self.briefing
        inputs = [{"href": self.appendix_href(k), "label": b.figure(k).label,
                   "text": b.figure(k).text} for k in fig.inputs] if fig.derived else []
        body = render(
            "panel.html", fig=fig, value=value_element(fig),
            formula=readable_formula(b, fig.formula) if fig.derived else "", inputs=inputs,
            sources=[self.source_item(sid, passages(fig, sid)) for sid in fig.sources],
            read_in=b.read_in(fig.sources),
            as_of=fig.as_of_text[0].upper() + fig.as_of_text[1:],
            updates=self.updates(fig.key), entry_href=self.appendix_href(fig.key))
        cache[where] = body
        return body

    @staticmethod
    def _use_id(counts: dict[str, int], key: str, prefix: str = "fp") -> tuple[str, str]:
        """(button id or '', panel id) for the next use of `key` on this page.

        The first use of a figure on a page gets the id the appendix's "Shown on" links use.
        """
        n = counts[key] = counts.get(key, 0) + 1
        base = key.replace(".", "-")
        return (use_anchor(key) if n == 1 else "",
                f"{prefix}-{base}" + (f"-{n}" if n > 1 else ""))

    def fig(self, key: str) -> str:
        """The figure in prose: a button showing the value that opens its panel in place."""
        figure = self.briefing.figure(key)
        button_id, panel_id = self._use_id(self.shown, key)
        return render("figure_button.html", button_id=button_id, panel_id=panel_id,
                      value=value_element(figure), corrected=figure.corrected,
                      name=f"{figure.text}{' corrected' if figure.corrected else ''}, "
                           f"{figure.label}: show sources",
                      body=self._panel_body(figure))

    def cite(self, key: str) -> str:
        """A numbered reference to a claim that opens the source's words in place."""
        claim = self.briefing.claim(key)
        number = self.cited.setdefault(key, len(self.cited) + 1)
        _, panel_id = self._use_id(self._cite_uses, key, "cp")
        return render("cite.html", panel_id=panel_id, number=number, says=claim.says,
                      sources=[self.source_item(sid, passages(claim, sid))
                               for sid in claim.sources])

    def source(self, source_id: str) -> str:
        """A source's short dated name, linked to its entry on the Sources page."""
        src = lookup(self.briefing.sources, source_id, "source", "an id defined under 'sources:'",
                     self.briefing.file)
        return render("source_name.html", href=self.source_href(source_id), src=src)

    def value(self, key: str) -> str:
        """The bare value, machine-readable, without link or tooltip."""
        return value_element(self.briefing.figure(key))

    def short(self, key: str) -> str:
        """The value in its short form, machine-readable."""
        return value_element(self.briefing.figure(key), short=True)

    def asof(self, key: str) -> str:
        """The figure's as-of date, 'as of <time>' or 'date not given'."""
        as_of = self.briefing.figure(key).as_of
        return render("as_of.html", date=as_of, text=format_partial_date(as_of))
