"""schema.org JSON-LD for every page: `Article` for topic pages, `WebPage` for the others,
with the page's sources, the publisher, the methodology and the corrections of its figures."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceRef:
    """One source cited on the page; `date_published` is ISO 8601, partial allowed ("2026-02")."""

    name: str
    publisher: str
    date_published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class CorrectionRef:
    text: str
    date: dt.date


@dataclass(frozen=True)
class PageMeta:
    title: str
    url: str
    date_published: dt.date
    date_modified: dt.date
    topic: bool                          # a topic page is an Article
    sources: Sequence[SourceRef] = ()
    corrections: Sequence[CorrectionRef] = ()
    description: str = ""


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str
    principles_url: str                  # the Methodology page


def creative_work(source: SourceRef) -> dict:
    work = {"@type": "CreativeWork", "name": source.name,
            "publisher": {"@type": "Organization", "name": source.publisher}}
    if source.date_published:
        work["datePublished"] = source.date_published
    if source.url:
        work["url"] = source.url
    return work


def page_jsonld(page: PageMeta, publisher: Publisher) -> dict:
    """The page's description as a JSON-LD object (schema.org context)."""
    data = {"@context": "https://schema.org",
            "@type": "Article" if page.topic else "WebPage",
            "headline": page.title, "url": page.url,
            "datePublished": page.date_published.isoformat(),
            "dateModified": page.date_modified.isoformat(),
            "publisher": {"@type": "Organization", "name": publisher.name,
                          "url": publisher.url},
            "publishingPrinciples": publisher.principles_url,
            "inLanguage": "en"}
    if page.description:
        data["description"] = page.description
    if page.sources:
        data["citation"] = [creative_work(s) for s in page.sources]
    if page.corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text,
                               "datePublished": c.date.isoformat()}
                              for c in page.corrections]
    return data


def script_safe_json(data: dict) -> str:
    """JSON for inside `<script>`: `<`, `>` and `&` written as JSON escapes, so no text can
    close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

