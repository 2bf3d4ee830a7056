"""Every sentence of the topic pages that reports what a source said, did or expects carries the
source's words: a cite() of a claim, or a figure (whose panel quotes its passages)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

TOPIC_PAGES = ("index", "campaign", "infrastructure", "competition", "financial", "timeline",
               "conflicts")
REPORTING = re.compile(
    r"\b(reported|reportedly|says|said|according to|calls|called|notes|noted|cautions? that|"
    r"cautioned|expects|expected by|relays|relayed|quotes|quoted|claims|claimed|warns|warned|"
    r"speaks of|adds|added)\b", re.I)
EVIDENCE = re.compile(r"\b(cite|fig|value)\(")
# Sentences about this site itself, or that introduce a list whose items carry the citations.
ABOUT_THE_SITE = re.compile(r"\b(this site|this briefing|this page|the site's|appendix|"
                            r"no article|nothing in the articles|neither)\b", re.I)
MACRO = re.compile(r"\{\{.*?\}\}", re.S)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
BLOCK_MACROS = re.compile(r"\{\{\s*(bar_chart|timeline_chart|cards|"
                          r"conflict|open_questions|timeline)\(.*?\}\}", re.S)


def reporting_sentences(text: str):
    body = BLOCK_MACROS.sub("", FRONT_MATTER.sub("", text))
    for block in re.split(r"\n\s*\n", body):
        if block.lstrip().startswith(("#", "|", "!!!", "===")):
            continue
        for item in re.split(r"\n\s*- ", block):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z{])", item):
                prose = MACRO.sub("", sentence)
                if (REPORTING.search(prose) and not EVIDENCE.search(sentence)
                        and not ABOUT_THE_SITE.search(prose)
                        and not sentence.rstrip().endswith(":")):
                    yield " ".join(sentence.split())


@pytest.mark.parametrize("page", TOPIC_PAGES)
def test_reported_sentences_carry_the_sources_words(page):
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    assert list(reporting_sentences(text)) == []


def test_the_check_finds_an_uncited_report():
    text = "Reuters reported a larger budget.\n\nReuters reported it{{ cite(\"a.b\") }}.\n"
    assert list(reporting_sentences(text)) == ["Reuters reported a larger budget."]
