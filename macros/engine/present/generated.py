"""Whole sections generated from the data: cards, timeline, sources, appendix, conflicts,
glossary, open questions, corrections, and the lines every page carries."""

from __future__ import annotations

import datetime as dt

from ..build_info import build_time
from ..dates import PartialDate
from ..formatting.values import format_partial_date
from ..pages.usage import Usage
from .citation import appendix_extras
from .html import (
    RELIABILITY_ORDER,
    RELIABILITY_TEXT,
    PageRenderer,
    anchor,
    escape,
    html_block,
    passages,
    source_date,
    time_element,
    use_anchor,
)

CONFLICT_TYPES = {"same-quantity": "Same quantity, different values",
                  "different-dates": "Reported at different dates",
                  "computed-contradicts": "A claim the computed figures contradict",
                  "renamed": "A name that changed"}
DOWNLOADS = (("figures.json", "every figure, JSON"), ("figures.csv", "every figure, CSV"),
             ("sources.json", "every source, JSON"))
# Appendix group headings where capitalising the key's first segment is not the house style.
GROUP_TITLES = {"deepseek": "DeepSeek", "fx": "Exchange rate", "ai_analysis": "AI-generated analysis",
                "t_head": "T-Head", "olympics": "Winter Olympics", "qwen": "Qwen"}
GENERAL_GROUP = "Other figures"


_block = html_block  # a raw HTML block that Markdown leaves whole


def _source_link(r: PageRenderer, sid: str) -> str:
    return f'<a href="{r.source_href(sid)}">{escape(r.briefing.source(sid).name)}</a>'


def _sources_inline(r: PageRenderer, source_ids) -> str:
    return "; ".join(_source_link(r, sid) for sid in source_ids)


def _first_source(r: PageRenderer, key: str) -> str:
    """The first source, and how many more the appendix entry lists; or what it is instead."""
    fig = r.briefing.figure(key)
    if fig.derived:
        return f'<a href="{r.appendix_href(key)}">computed by this site</a>'
    if fig.editorial:
        return "this site's own note"
    more = len(fig.sources) - 1
    tail = f' and <a href="{r.appendix_href(key)}">{more} more</a>' if more else ""
    return _sources_inline(r, fig.sources[:1]) + tail


def cards(r: PageRenderer, keys: list[str]) -> str:
    """Key-figure cards: value, what it is, as-of and source."""
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


def _passages_html(texts) -> str:
    return " ".join(f"<q>{escape(t)}</q>" for t in texts) or "(passage not recorded)"


def _supports(r: PageRenderer) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """Per source: (kind, key, passages) of every stated figure and claim it supports."""
    found: dict[str, list] = {sid: [] for sid in r.briefing.sources}
    for key, fig in r.briefing.figures.items():
        if not fig.derived and not fig.editorial:
            for sid in fig.sources:
                found[sid].append(("figure", key, passages(fig, sid)))
    for key, claim in r.briefing.claims.items():
        for sid in claim.sources:
            found[sid].append(("claim", key, passages(claim, sid)))
    return found


def sources_list(r: PageRenderer) -> str:
    """Sources from the most to the least reliable; per source, a table of what it supports."""
    supports = _supports(r)
    ordered = sorted(r.briefing.sources.items(),
                     key=lambda item: RELIABILITY_ORDER.index(item[1].reliability))
    out = []
    for sid, src in ordered:
        date = source_date(src)
        relayed = (f"<dt>As reported by</dt><dd>{escape(src.as_reported_by)}</dd>"
                   if src.as_reported_by else "")
        link = (f'<dt>Link</dt><dd><a href="{escape(src.url)}">{escape(src.url)}</a></dd>'
                if src.url else "")
        rows = []
        for kind, key, texts in supports[sid]:
            if kind == "figure":
                fig = r.briefing.figure(key)
                what = (f'<a href="{r.appendix_href(key)}">{escape(fig.label)}</a>: '
                        f"{r.value(key)}")
            else:
                what = escape(r.briefing.claim(key).says)
            rows.append(f"<tr><td>{what}</td><td>{_passages_html(texts)}</td></tr>")
        table = (f"<table><thead><tr><th>Supports</th><th>In the source's words</th></tr></thead>"
                 f"<tbody>{''.join(rows)}</tbody></table>" if rows else "<p>Cited by nothing.</p>")
        out.append(
            f"## {escape(src.name)} {{: #source-{sid} }}\n"
            + _block(
                f'<div class="source-entry"><dl class="source-facts">'
                f"<dt>Publisher</dt><dd>{escape(src.publisher)}</dd>"
                f"<dt>Title</dt><dd>{escape(src.title)}</dd>"
                f"<dt>Published</dt><dd>{date}</dd>{relayed}{link}"
                f"<dt>Reliability</dt><dd>{RELIABILITY_TEXT[src.reliability]}</dd>"
                f"<dt>Notes</dt><dd>{escape(src.note)}</dd></dl>{table}</div>"))
    return "\n".join(out)


def _group_title(group: str) -> str:
    return GROUP_TITLES.get(group, group.replace("_", " ").capitalize())


def appendix_groups(keys) -> dict[str, list[str]]:
    """Figures grouped by their key's first segment; one-entry groups merge into one general
    group at the end."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key.split(".")[0], []).append(key)
    merged: dict[str, list[str]] = {}
    general: list[str] = []
    for group, members in groups.items():
        if len(members) == 1:
            general.extend(members)
        else:
            merged[_group_title(group)] = members
    if general:
        merged.setdefault(GENERAL_GROUP, []).extend(general)
    return merged


def _dl(*pairs: tuple[str, str]) -> str:
    """<dt>Label:</dt> <dd>…</dd> pairs, spaced so search snippets keep words apart."""
    return " ".join(f"<dt>{label}:</dt> <dd>{body}</dd>" for label, body in pairs if body)


def _appendix_entry(r: PageRenderer, usage: Usage, key: str,
                    anchored: dict[str, set[str]], site_url: str, accessed: dt.date) -> str:
    b = r.briefing
    fig = b.figure(key)
    if fig.derived:
        inputs = "".join(f'<li><a href="#{anchor(k)}">{escape(b.figure(k).label)}</a>: '
                         f"{escape(b.figure(k).text)}</li>" for k in fig.inputs)
        evidence = ("Computed", f"By this site: <code>{escape(fig.formula)}</code> <ul>{inputs}</ul>")
    elif fig.editorial:
        evidence = ("Source", "This site's own note; no source states it.")
    else:
        items = "".join(
            f"<li>{_source_link(r, sid)} (reliability "
            f"{RELIABILITY_TEXT[b.source(sid).reliability].lower()}): "
            f"{_passages_html(passages(fig, sid))}</li>" for sid in fig.sources)
        evidence = ("Sources", f'<ul class="fig-sources">{items}</ul>')
    expected = " (expected at the time of reporting)" if fig.expected else ""
    fixes = "".join(f"<li>{escape(format_partial_date(c.date))}: first published as "
                    f"{escape(c.old)}. {escape(c.reason)}</li>" for c in fig.corrections)
    shown = ", ".join(
        f'<a href="{r.page_href(p.url)}'
        f'{"#" + use_anchor(key) if key in anchored.get(p.url, ()) else ""}">{escape(p.title)}</a>'
        for p in usage.pages_using(key) if p.url != r.page_url)
    extras = appendix_extras(r, key, site_url, accessed)
    return (f'<section class="fig-entry" id="{anchor(key)}">'
            f'<h3>{escape(fig.label)} <a class="headerlink" href="#{anchor(key)}" '
            f'title="Permanent link">¶</a></h3> <dl>'
            + _dl(("Value", r.value(key) + expected), ("As of", r.asof(key)), evidence,
                  ("Corrected", f"<ul>{fixes}</ul>" if fixes else ""),
                  ("Note", escape(fig.note) if fig.note else ""),
                  ("Shown on", shown or "this appendix only"),
                  ("Key", f"<code>{escape(key)}</code> ({fig.kind})"))
            + f" {extras}</dl></section> ")


def figures_appendix(r: PageRenderer, usage: Usage, anchored=None, site_url: str = "") -> str:
    """Every figure with value, as-of, passages or derivation, and links back to its pages.

    Each group is one container element, so Markdown's raw-HTML pass stays linear.
    """
    links = anchored() if callable(anchored) else (anchored or {})
    accessed = build_time().date()
    out = []
    for title, keys in appendix_groups(r.briefing.figures).items():
        entries = "".join(_appendix_entry(r, usage, key, links, site_url, accessed) for key in keys)
        out.append(f"## {escape(title)}\n" + _block(f'<div class="fig-group">{entries}</div>'))
    return "\n".join(out)


def _figures_table(r: PageRenderer, keys) -> str:
    rows = "".join(
        f"<tr><td>{escape(r.briefing.figure(k).label)}</td><td>{r.fig(k)}</td>"
        f"<td>{escape(format_partial_date(r.briefing.figure(k).as_of, short=True))}</td>"
        f"<td>{_first_source(r, k)}</td></tr>" for k in keys)
    return ("<table><thead><tr><th>Figure</th><th>Value</th><th>As of</th><th>Source</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>")


def conflict(r: PageRenderer, conflict_id: str) -> str:
    """One disagreement: its heading, its type and a table of the figures involved."""
    try:
        item = r.briefing.conflicts[conflict_id]
    except KeyError:
        from ..errors import BriefingError, did_you_mean
        raise BriefingError(
            f"unknown conflict '{conflict_id}'{did_you_mean(conflict_id, r.briefing.conflicts)}",
            key=conflict_id, hint=f"use an id defined under 'conflicts:' in {r.briefing.file}"
        ) from None
    return (f"## {escape(item.title)}\n"
            + _block(f'<p class="conflict-type">{CONFLICT_TYPES[item.type]}</p>\n'
                     + _figures_table(r, item.figures)))


def conflicts_list(r: PageRenderer) -> str:
    """Every disagreement, each as conflict() renders it, with its data explanation if any."""
    out = []
    for cid, item in r.briefing.conflicts.items():
        explanation = item.explanation
        out.append(conflict(r, cid) + (
            _block(f'<p class="conflict-explanation">{escape(explanation)}</p>')
            if explanation else ""))
    return "\n".join(out)


def glossary(r: PageRenderer) -> str:
    """Every glossary term with its other names, definition and the sources' words."""
    items = []
    for tid, entry in r.briefing.glossary.items():
        also = (f' <span class="glossary-also">(also {", ".join(escape(a) for a in entry.also)})</span>'
                if entry.also else "")
        words = "".join(
            f'<p class="glossary-source">{_source_link(r, sid)}: {_passages_html(passages(entry, sid))}</p>'
            for sid in entry.sources)
        items.append(f'<dt id="{tid}">{escape(entry.term)}{also}</dt>'
                     f"<dd><p>{escape(entry.definition)}</p>{words}</dd>")
    return _block(f'<dl class="glossary">{"".join(items)}</dl>')


def open_questions(r: PageRenderer) -> str:
    """What the articles leave open: the question, the figures it concerns, and why."""
    items = []
    for qid, q in r.briefing.open_questions.items():
        figs = "; ".join(f"{escape(r.briefing.figure(k).label)}: {r.fig(k)}" for k in q.figures)
        items.append(f'<li id="question-{qid}"><p class="question"><strong>{escape(q.question)}</strong></p>'
                     f'<p class="question-figures">{figs}</p><p>{escape(q.why)}</p></li>')
    return _block(f'<ul class="open-questions">{"".join(items)}</ul>')


def corrections_list(r: PageRenderer) -> str:
    """Every change to a published figure: date, figure, old and new text, reason."""
    rows = []
    for c in r.briefing.corrections:
        fig = r.briefing.figure(c.figure)
        rows.append(f"<tr><td>{time_element(c.date)}</td>"
                    f'<td><a href="{r.appendix_href(c.figure)}">{escape(fig.label)}</a></td>'
                    f"<td>{escape(c.old)}</td><td>{r.fig(c.figure)}</td><td>{escape(c.reason)}</td></tr>")
    if not rows:
        return _block('<p class="corrections-none">No published figure has been corrected.</p>')
    return _block("<table><thead><tr><th>Date</th><th>Figure</th><th>Was</th><th>Now</th>"
                  f"<th>Why</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def reporting_as_of(r: PageRenderer) -> str:
    """'Reporting as of early February 2026': the time frame of the whole site (a block: the
    blank lines set it apart from the line it starts)."""
    return _block(f'<p class="reporting-as-of">Reporting as of {time_element(r.briefing.reporting_as_of)}: '
            "figures are as the sources gave them then; later events are not covered.</p>")


def print_list(r: PageRenderer) -> str:
    """For print: the figures the page showed and the notes it cited, with their sources.

    Hidden on screen (the panels show the same); printed at the end of the page.
    """
    if not r.shown and not r.cited:
        return ""
    b = r.briefing
    figs = []
    for key in r.shown:
        fig = b.figure(key)
        if fig.derived:
            whence = "computed by this site from " + "; ".join(escape(b.figure(k).label) for k in fig.inputs)
        elif fig.editorial:
            whence = "this site's own note"
        else:
            whence = "; ".join(escape(b.source(s).name) for s in fig.sources)
        figs.append(f"<li>{escape(fig.label)}: {escape(fig.text)}, {escape(fig.as_of_text)} ({whence})</li>")
    notes = []
    for key in r.cited:
        claim = b.claim(key)
        words = "; ".join(f"{escape(b.source(s).name)}: {_passages_html(passages(claim, s))}"
                          for s in claim.sources)
        notes.append(f"<li>{words}</li>")
    parts = ['<div class="print-figures" data-search-exclude>']
    if figs:
        parts.append(f'<p><strong>Figures on this page</strong></p><ol>{"".join(figs)}</ol>')
    if notes:
        parts.append(f'<p><strong>Source notes</strong></p><ol>{"".join(notes)}</ol>')
    return _block("".join(parts) + "</div>")


def downloads(r: PageRenderer) -> str:
    """Links to the data downloads written at the site root."""
    items = "".join(f'<li><a href="{r.page_href("")}{name}" download>{name}</a>: {what}</li>'
                    for name, what in DOWNLOADS)
    return _block(f'<ul class="downloads">{items}</ul>')
