"""Whole sections generated from the data: cards, timeline, sources, appendix, conflicts,
glossary, open questions, corrections, and the lines every page carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from ..build_info import build_time
from ..dates import PartialDate
from ..derive.briefing import newest_first, publication_date
from ..errors import lookup
from ..format.values import format_partial_date
from .citation import citation, citation_file_hrefs, figure_file_href
from .html import (
    RELIABILITY_ORDER,
    PageRenderer,
    anchor,
    article_address,
    passages,
    source_date,
    time_element,
    use_anchor,
)
from .markup import count_words, html_block, render
from .pages.usage import Usage

APPENDIX_ONLY_GROUP = "Shown in this appendix only"


def _source_link(r: PageRenderer, sid: str) -> dict:
    return {"href": r.source_href(sid), "name": r.briefing.source(sid).name}


def _first_source(r: PageRenderer, key: str) -> dict:
    """The first source, and how many more the appendix entry lists; or what it is instead
    (templates/parts.html first_source)."""
    fig = r.briefing.figure(key)
    _, named, unnamed = r.briefing.read_in(fig.sources)
    return {"computed": fig.derived, "editorial": fig.editorial,
            "entry_href": r.appendix_href(key), "more": len(fig.sources) - 1,
            "publishers": len(named) + unnamed,
            "links": [_source_link(r, sid) for sid in fig.sources[:1]]}


def cards(r: PageRenderer, keys: list[str]) -> str:
    """Key-figure cards: value, what it is, as-of and source."""
    items = [{"button": r.fig(key), "label": r.briefing.figure(key).label,
              "as_of": r.asof(key), "first": _first_source(r, key)} for key in keys]
    return html_block(render("cards.html", cards=items))


def timeline(r: PageRenderer) -> str:
    """Every dated figure in date order."""
    dated = sorted((f for f in r.briefing.figures.values() if f.kind == "date"),
                   key=lambda f: (PartialDate.sort_key(f.value), f.key))
    entries = [{"button": r.fig(f.key), "label": f.label} for f in dated]
    return html_block(render("timeline.html", entries=entries))


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


def _support_row(r: PageRenderer, kind: str, key: str, texts) -> dict:
    if kind == "figure":
        return {"figure": True, "href": r.appendix_href(key),
                "label": r.briefing.figure(key).label, "value": r.value(key),
                "passages": texts}
    return {"figure": False, "says": r.briefing.claim(key).says, "passages": texts}


def _plural(n: int, word: str) -> str:
    return f"{count_words(n)} {word}{'' if n == 1 else 's'}"


def _supports_text(supports: list[tuple[str, str, tuple[str, ...]]]) -> str:
    """'four figures and one note', or 'nothing on this site'."""
    figures = sum(1 for kind, _, _ in supports if kind == "figure")
    notes = len(supports) - figures
    parts = ([_plural(figures, "figure")] if figures else []) + (
        [_plural(notes, "note")] if notes else [])
    return " and ".join(parts) or "nothing on this site"


def sources_list(r: PageRenderer) -> str:
    """An overview table of every source (most reliable first), then per source its rating
    note, with its facts and a table of what it supports folded."""
    supports = _supports(r)
    ordered = sorted(r.briefing.sources.items(),
                     key=lambda item: RELIABILITY_ORDER.index(item[1].reliability))
    overview = [{"id": sid, "src": src, "date": source_date(src, short=True),
                 "article": article_address(r.briefing, sid),
                 "supports": _supports_text(supports[sid])} for sid, src in ordered]
    out = [html_block(render("sources_overview.html", rows=overview))]
    for sid, src in ordered:
        rows = [_support_row(r, *support) for support in supports[sid]]
        out.append(render("source_section.md", id=sid, src=src,
                          date=source_date(src), supports=rows,
                          supports_text="what it supports" if rows else "facts"))
    return "\n".join(out)


def appendix_groups(keys, usage: Usage) -> dict[str, list[str]]:
    """Figures grouped by the page topic they belong to: the first page in the navigation
    that shows them (the home page only when no other does), in the navigation's order; within
    a group, in the order that page first shows them. Figures no page shows come last."""
    order = {src: n for n, src in enumerate(usage.pages)}
    home = next(iter(usage.pages), None)
    placed: dict[str, list[tuple[int, str]]] = {}
    unplaced: list[str] = []
    for key in keys:
        pages = usage.pages_using(key)
        topical = [p for p in pages if p.src_path != home] or pages
        if not topical:
            unplaced.append(key)
            continue
        page = min(topical, key=lambda p: order[p.src_path])
        placed.setdefault(page.src_path, []).append(
            (usage.keys_by_page[page.src_path].index(key), key))
    groups = {usage.pages[src].title: [key for _, key in sorted(members)]
              for src, members in sorted(placed.items(), key=lambda item: order[item[0]])}
    if unplaced:
        groups[APPENDIX_ONLY_GROUP] = unplaced
    return groups


def _appendix_entry(r: PageRenderer, usage: Usage, key: str,
                    anchored: dict[str, set[str]], site_url: str, accessed: dt.date) -> Markup:
    b = r.briefing
    fig = b.figure(key)
    shown = [{"href": r.page_href(p.url) + ("#" + use_anchor(key)
                                             if key in anchored.get(p.url, ()) else ""),
              "title": p.title} for p in usage.pages_using(key) if p.url != r.page_url]
    return render(
        "appendix_entry.html", fig=fig, id=anchor(key), value=r.value(key),
        as_of=r.asof(key),
        inputs=[{"id": anchor(k), "label": b.figure(k).label, "text": b.figure(k).text}
                for k in fig.inputs] if fig.derived else [],
        sources=[{"link": _source_link(r, sid), "passages": passages(fig, sid),
                  "reliability": b.source(sid).reliability}
                 for sid in fig.sources],
        updates=r.updates(key), shown=shown,
        citation=citation(fig, site_url, r.appendix_url, accessed=accessed),
        cite_files=citation_file_hrefs(r, key),
        csv_href=figure_file_href(r, key, "csv"), json_href=figure_file_href(r, key, "json"))


def figures_appendix(r: PageRenderer, usage: Usage, anchored: Callable[[], dict[str, set[str]]],
                     site_url: str) -> str:
    """Every figure with value, as-of, passages or derivation, and links back to its pages
    (`anchored`: per page URL, the figures it shows with the id the links land on)."""
    links = anchored()
    accessed = build_time().date()
    out = []
    for title, keys in appendix_groups(r.briefing.figures, usage).items():
        entries = [_appendix_entry(r, usage, key, links, site_url, accessed) for key in keys]
        out.append(render("appendix_section.md", title=title, entries=entries))
    return "\n".join(out)


def _conflict_section(r: PageRenderer, conflict_id: str, with_explanation: bool) -> str:
    item = lookup(r.briefing.conflicts, conflict_id, "conflict",
                  "an id defined under 'conflicts:'", r.briefing.file)
    rows = [{"label": r.briefing.figure(k).label, "button": r.fig(k),
             "as_of": format_partial_date(r.briefing.figure(k).as_of, short=True),
             "first": _first_source(r, k)} for k in item.figures]
    return render("conflict_section.md", id=conflict_id, title=item.title, type=item.type,
                  rows=rows, verdict=item.verdict, confidence=item.confidence,
                  disagrees=item.disagrees,
                  explanation=item.explanation if with_explanation else "")


def conflict(r: PageRenderer, conflict_id: str) -> str:
    """One case: its heading, verdict, how sure, type and a table of the figures involved. A
    case that is not a disagreement is a heading lower, its table folded."""
    return _conflict_section(r, conflict_id, with_explanation=False)


def conflicts_list(r: PageRenderer) -> str:
    """Every case, as conflict() renders it, with its data explanation if any: the
    disagreements, then the other cases under a heading of their own."""
    cases = r.briefing.conflicts
    real = [_conflict_section(r, cid, True) for cid, item in cases.items() if item.disagrees]
    others = [_conflict_section(r, cid, True) for cid, item in cases.items() if not item.disagrees]
    return render("conflicts_list.md", real=real, others=others)


def conflicts_summary(r: PageRenderer) -> str:
    """The table that opens Where sources differ: per disagreement what it is about, who says
    what, the verdict and how sure; then links to the cases that are not disagreements."""
    b = r.briefing
    rows = [{"id": f"conflict-{cid}", "title": item.title, "verdict": item.verdict or "",
             "confidence": item.confidence,
             "says": [{"fig": b.figure(k), "value": r.value(k),
                       "source": b.source(b.figure(k).sources[0]).name
                       if b.figure(k).sources else ""}
                      for k in sorted(item.figures, key=lambda k: b.figure(k).derived)]}
            for cid, item in b.conflicts.items() if item.disagrees]
    others = [{"id": f"conflict-{cid}", "title": item.title}
              for cid, item in b.conflicts.items() if not item.disagrees]
    return html_block(render("conflicts_summary.html", rows=rows, others=others))


def glossary(r: PageRenderer) -> str:
    """Every glossary term with its other names, definition and the sources' words."""
    entries = [{"id": tid, "term": entry.term, "also": entry.also,
                "definition": entry.definition,
                "sources": [{"link": _source_link(r, sid), "passages": passages(entry, sid)}
                            for sid in entry.sources]}
               for tid, entry in r.briefing.glossary.items()]
    return html_block(render("glossary.html", entries=entries))


def open_questions(r: PageRenderer) -> str:
    """What the articles leave open: the question, the figures it concerns, and why."""
    questions = [{"id": qid, "question": q.question, "why": q.why,
                  "figures": [{"label": r.briefing.figure(k).label, "button": r.fig(k)}
                              for k in q.figures]}
                 for qid, q in r.briefing.open_questions.items()]
    return html_block(render("open_questions.html", questions=questions))


def corrections_list(r: PageRenderer) -> str:
    """Every change to a published figure (date, figure, old and new text, reason): corrected
    values first, then wording clarifications under their own heading."""
    rows = {"value": [], "clarification": []}
    for c in r.briefing.corrections:
        rows[c.kind].append({"date": time_element(c.date),
                             "href": r.appendix_href(c.figure),
                             "label": r.briefing.figure(c.figure).label, "old": c.old,
                             "button": r.fig(c.figure), "reason": c.reason})
    feed = r.page_href("")
    return render("corrections_section.md", corrected=rows["value"],
                  clarified=rows["clarification"], atom=feed + "feed.xml",
                  json_feed=feed + "feed.json")


def changes_list(r: PageRenderer) -> str:
    """What has changed since first publication, newest first: date, what is new, the figures
    it concerns (their label and button) and the sources that report it."""
    rows = [{"id": u.anchor, "date": time_element(u.date), "says": u.says,
             "figures": [{"href": r.appendix_href(k), "label": r.briefing.figure(k).label,
                          "button": r.fig(k)} for k in u.figures],
             "sources": [_source_link(r, sid) for sid in u.sources]}
            for u in newest_first(r.briefing.updates)]
    return html_block(render("changes.html", rows=rows))


def _articles(sources) -> tuple[list, list]:
    """The articles (relayed reports are not) and those of them that are dated, oldest first."""
    articles = [s for s in sources if not s.as_reported_by]
    return articles, sorted((s for s in articles if s.date.precision != "none"),
                            key=lambda s: PartialDate.sort_key(publication_date(s)))


def articles_dates(sources, show=time_element) -> tuple[int, str]:
    """How many articles there are and when they were published, from the sources' dates (an
    estimated day as its part of the month), so a new source cannot leave it stale: (5, 'none
    prints its date: four can be placed in early February 2026 from what they report; one
    cannot'). `show` writes a date."""
    articles, dated = _articles(sources)
    first, last = (publication_date(dated[0]), publication_date(dated[-1])) if dated else (None,) * 2
    return len(articles), render(
        "articles_dates.html", dated=len(dated), undated=len(articles) - len(dated),
        first=first and show(first), last=last and show(last), same=first == last,
        day=first and first.precision == "day",
        none_printed=all(s.date_estimated or s.date.precision == "none" for s in articles),
        estimated=any(s.date_estimated for s in dated))


def sources_account(r: PageRenderer) -> str:
    """'This briefing draws on five articles. None prints its date: four can be placed in
    early February 2026 from what they report; one cannot.'"""
    count, dates = articles_dates(r.briefing.sources.values())
    return f"This briefing draws on {count_words(count)} articles. {dates[0].upper()}{dates[1:]}."


def reporting_as_of(r: PageRenderer) -> str:
    """'Reporting as of early February 2026': the time frame of the whole site (a block: the
    blank lines set it apart from the line it starts)."""
    articles, dated = _articles(r.briefing.sources.values())
    return html_block(render("reporting_as_of.html",
                             date=time_element(r.briefing.reporting_as_of),
                             undated=len(articles) - len(dated)))


def print_list(r: PageRenderer) -> str:
    """For print: the figures the page showed and the notes it cited, with their sources."""
    if not r.shown and not r.cited:
        return ""
    b = r.briefing
    figures = [{"label": fig.label, "text": fig.text, "as_of": fig.as_of_text,
                "derived": fig.derived, "editorial": fig.editorial,
                "inputs": [b.figure(k).label for k in fig.inputs],
                "sources": [b.source(s).name for s in fig.sources]}
               for fig in map(b.figure, r.shown)]
    notes = [[{"name": b.source(s).name, "passages": passages(claim, s)} for s in claim.sources]
             for claim in map(b.claim, r.cited)]
    return html_block(render("print_list.html", figures=figures, notes=notes))


def downloads(r: PageRenderer) -> str:
    """Links to the data downloads written at the site root."""
    return html_block(render("downloads.html", root=r.page_href("")))
