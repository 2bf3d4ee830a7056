"""Whole sections generated from the data: cards, timeline, sources, appendix, conflicts."""

from __future__ import annotations

from ..dates import PartialDate
from ..pages.usage import Usage
from .html import PageRenderer, anchor, escape, source_line, time_element

RELIABILITY_TEXT = {"lowest": "Lowest", "low": "Low", "medium": "Medium",
                    "medium-high": "Medium-high", "high": "High"}
CONFLICT_TYPES = {"same-quantity": "Same quantity, different values",
                  "different-dates": "Reported at different dates",
                  "computed-contradicts": "A claim the computed figures contradict",
                  "renamed": "A name that changed"}
DOWNLOADS = (("figures.json", "every figure, JSON"), ("figures.csv", "every figure, CSV"),
             ("sources.json", "every source, JSON"))


def _block(html: str) -> str:
    """A raw HTML block, set apart by blank lines so Markdown leaves it whole."""
    return f"\n\n{html}\n\n"


def _sources_inline(r: PageRenderer, source_ids) -> str:
    return "; ".join(
        f'<a href="{r.page_href(r.sources_url)}#source-{sid}">{escape(source_line(r.briefing, sid))}</a>'
        for sid in source_ids)


def _first_source(r: PageRenderer, key: str) -> str:
    """The first source, and how many more the appendix entry lists."""
    sources = r.briefing.figure(key).sources
    more = len(sources) - 1
    tail = f' and <a href="{r.appendix_href(key)}">{more} more</a>' if more else ""
    return _sources_inline(r, sources[:1]) + tail


def cards(r: PageRenderer, keys: list[str]) -> str:
    """Key-figure cards: value, what it is, as-of and source, each linking to its entry."""
    items = []
    for key in keys:
        fig = r.briefing.figure(key)
        items.append(
            f'<li><p class="fig-card-value">{r.fig(key)}</p>'
            f'<p class="fig-card-label">{escape(fig.label)}</p>'
            f'<p class="fig-card-meta">{r.asof(key)} · {_first_source(r, key)}</p></li>')
    return _block(f'<div class="grid cards fig-cards"><ul>{"".join(items)}</ul></div>')


def timeline(r: PageRenderer) -> str:
    """Every dated figure in date order."""
    dated = sorted((f for f in r.briefing.figures.values() if f.kind == "date"),
                   key=lambda f: (PartialDate.sort_key(f.value), f.key))
    items = "".join(
        f'<li class="timeline-entry"><span class="timeline-date">{r.fig(f.key)}</span> '
        f'<span class="timeline-label">{escape(f.label)}</span></li>' for f in dated)
    return _block(f'<ol class="timeline">{items}</ol>')


def sources_list(r: PageRenderer) -> str:
    """Each source with publisher, date, reliability and the figures it supports."""
    out = []
    for sid, src in r.briefing.sources.items():
        figures = r.briefing.cited_by(sid)
        relayed = (f"<dt>As reported by</dt><dd>{escape(src.as_reported_by)}</dd>"
                   if src.as_reported_by else "")
        link = f'<dt>Link</dt><dd><a href="{escape(src.url)}">{escape(src.url)}</a></dd>' if src.url else ""
        used = ", ".join(f'<a href="{r.appendix_href(k)}">{escape(r.briefing.figure(k).label)}</a>'
                         for k in figures) or "none"
        out.append(
            f"## {escape(src.publisher)}: {escape(src.title)} {{: #source-{sid} }}\n"
            + _block(
                f'<dl class="source-facts"><dt>Published</dt><dd>{time_element(src.date)}</dd>'
                f"{relayed}{link}"
                f"<dt>Reliability</dt><dd>{RELIABILITY_TEXT[src.reliability]}: {escape(src.note)}</dd>"
                f"<dt>Figures it supports</dt><dd>{used}</dd></dl>"))
    return "\n".join(out)


def figures_appendix(r: PageRenderer, usage: Usage) -> str:
    """Every figure with value, kind, as-of, sources, derivation and the pages using it."""
    groups: dict[str, list[str]] = {}
    for key in r.briefing.figures:
        groups.setdefault(key.split(".")[0], []).append(key)
    out = []
    for group, keys in groups.items():
        entries = []
        for key in keys:
            fig = r.briefing.figure(key)
            derivation = ""
            if fig.derived:
                inputs = ", ".join(f'<a href="#{anchor(k)}">{escape(r.briefing.figure(k).label)}</a>'
                                   for k in fig.inputs)
                derivation = (f"<dt>Computed</dt><dd><code>{escape(fig.formula)}</code> "
                              f"from {inputs}</dd>")
            pages = ", ".join(f'<a href="{r.page_href(p.url)}">{escape(p.title)}</a>'
                              for p in usage.pages_using(key) if p.url != r.page_url)
            note = f"<dt>Note</dt><dd>{escape(fig.note)}</dd>" if fig.note else ""
            entries.append(
                f'<section class="fig-entry" id="{anchor(key)}"><h3>{escape(fig.label)}</h3>'
                f'<dl><dt>Value</dt><dd>{r.value(key)}</dd>'
                f"<dt>Key</dt><dd><code>{escape(key)}</code> ({fig.kind})</dd>"
                f"<dt>As of</dt><dd>{r.asof(key)}</dd>"
                f"<dt>Sources</dt><dd>{_sources_inline(r, fig.sources)}</dd>{derivation}{note}"
                f"<dt>Used on</dt><dd>{pages or 'appendix only'}</dd></dl></section>")
        out.append(f"## {escape(group.replace('_', ' ').capitalize())}\n" + _block("".join(entries)))
    return "\n".join(out)


def _conflict_side(r: PageRenderer, key: str) -> str:
    fig = r.briefing.figure(key)
    return (f'<li><p class="conflict-label">{escape(fig.label)}</p>'
            f'<p class="conflict-value">{r.fig(key)}</p>'
            f'<p class="conflict-meta">{r.asof(key)} · {_sources_inline(r, fig.sources)}</p></li>')


def conflicts_list(r: PageRenderer) -> str:
    """Each disagreement with both (or all) sides and their sources."""
    out = []
    for cid, conflict in r.briefing.conflicts.items():
        sides = "".join(_conflict_side(r, key) for key in conflict.figures)
        out.append(
            f"## {escape(conflict.title)} {{: #conflict-{cid} }}\n"
            + _block(f'<p class="conflict-type">{CONFLICT_TYPES[conflict.type]}</p>'
                     f'<ul class="conflict-sides">{sides}</ul>'
                     f'<p class="conflict-explanation">{escape(conflict.explanation)}</p>'))
    return "\n".join(out)


def downloads(r: PageRenderer) -> str:
    """Links to the data downloads written at the site root."""
    items = "".join(f'<li><a href="{r.page_href("")}{name}" download>{name}</a>: {what}</li>'
                    for name, what in DOWNLOADS)
    return _block(f'<ul class="downloads">{items}</ul>')
