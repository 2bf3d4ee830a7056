"""HTML for figures as they appear in pages: machine-readable, escaped, with provenance."""

from __future__ import annotations

import posixpath

from ..dates import PartialDate
from ..derive.briefing import Briefing, ResolvedFigure
from ..formatting.values import format_partial_date

_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "*_[]`\\{}|#<>&\"'"})


def escape(text: object) -> str:
    """Escape data text for HTML and for Markdown, so it shows exactly as written."""
    return str(text).translate(_MARKDOWN_SPECIALS)


def anchor(key: str) -> str:
    """The id of a figure's entry in the appendix."""
    return "fig-" + key.replace(".", "-")


def relative_url(from_page: str, to_page: str) -> str:
    """Link from one directory-style page URL ('campaign/') to another ('figures/')."""
    base = posixpath.dirname(from_page.rstrip("/") + "/x") if from_page else "."
    target = posixpath.relpath(to_page or ".", base or ".")
    return "./" if target == "." else target.rstrip("/") + "/"


def source_line(briefing: Briefing, source_id: str) -> str:
    """'Reuters, as reported by …, 3 February 2026' (plain text)."""
    src = briefing.source(source_id)
    relayed = f", as reported by {src.as_reported_by}" if src.as_reported_by else ""
    return f"{src.publisher}{relayed}, {format_partial_date(src.date)}"


def provenance(briefing: Briefing, fig: ResolvedFigure) -> str:
    """The tooltip text: what a figure is, where it comes from and when it was true.

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
    noun = "Sources" if len(fig.sources) > 1 else "Source"
    parts.append(f"{noun}: " + "; ".join(source_line(briefing, s) for s in fig.sources))
    parts.append(fig.as_of_text[0].upper() + fig.as_of_text[1:])
    return ". ".join(parts) + "."


def time_element(date: PartialDate) -> str:
    """<time> for a known date; plain text when the date is not known."""
    if date.precision == "none":
        return escape(format_partial_date(date))
    return f'<time datetime="{date.iso}">{escape(format_partial_date(date))}</time>'


def value_element(fig: ResolvedFigure) -> str:
    """<time> for dates, <data> for everything else, holding the raw value."""
    if fig.kind == "date":
        return f'<time datetime="{escape(fig.machine)}">{escape(fig.text)}</time>'
    if fig.kind == "text":
        return f'<span class="fig-text">{escape(fig.text)}</span>'
    return f'<data value="{escape(fig.machine)}">{escape(fig.text)}</data>'


class PageRenderer:
    """Renders figures for one page (links are relative to that page)."""

    def __init__(self, briefing: Briefing, page_url: str, appendix_url: str = "figures/",
                 sources_url: str = "sources/", link_base: str | None = None) -> None:
        self.briefing = briefing
        self.page_url = page_url
        self.appendix_url = appendix_url  # the generator's URLs of the appendix and sources pages
        self.sources_url = sources_url
        # The URL relative links start from: the page's own, or (Zensical, which rewrites links
        # in HTML as relative to the source file) its source file's folder.
        self.link_base = page_url if link_base is None else link_base

    def appendix_href(self, key: str) -> str:
        return relative_url(self.link_base, self.appendix_url) + "#" + anchor(key)

    def page_href(self, url: str) -> str:
        return relative_url(self.link_base, url)

    def fig(self, key: str) -> str:
        """The figure in prose: value, tooltip with source and as-of, link to the appendix."""
        figure = self.briefing.figure(key)
        return (f'<a class="fig" href="{self.appendix_href(key)}" '
                f'title="{escape(provenance(self.briefing, figure))}">'
                f"{value_element(figure)}</a>")

    def value(self, key: str) -> str:
        """The bare value, machine-readable, without link or tooltip."""
        return value_element(self.briefing.figure(key))

    def short(self, key: str) -> str:
        figure = self.briefing.figure(key)
        tag, attr = ("time", "datetime") if figure.kind == "date" else ("data", "value")
        if figure.kind == "text":
            return escape(figure.short)
        return f'<{tag} {attr}="{escape(figure.machine)}">{escape(figure.short)}</{tag}>'

    def asof(self, key: str) -> str:
        as_of = self.briefing.figure(key).as_of
        if as_of.precision == "none":
            return '<span class="fig-asof">date not given</span>'
        return f'<span class="fig-asof">as of {time_element(as_of)}</span>'
