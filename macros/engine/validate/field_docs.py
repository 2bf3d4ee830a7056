"""What every field of the data file means: the one text behind CONTRIBUTING.md's field tables
and the editor schema's descriptions and examples (data/briefing.schema.json).

Edit a field's wording here, then run `make schema`: it rewrites the schema and the tables
between the `<!-- field-table: ... -->` markers in CONTRIBUTING.md. The text is Markdown; the
schema gets it as plain text (backticks and link targets dropped). `tests/test_schema_file.py`
fails when a model field has no entry here, an example does not fit its field, or either
generated file is stale.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldDoc:
    required: str        # as the table says it: yes, no, "stated figures", ...
    text: str            # Markdown, one line
    examples: tuple      # values as they are written in data/briefing.yml


def _doc(required: str, text: str, *examples: object) -> FieldDoc:
    return FieldDoc(required, text, examples)


# Model name -> field -> doc, in the order the tables show them.
FIELD_DOCS: dict[str, dict[str, FieldDoc]] = {
    "BriefingFile": {
        "sources": _doc(
            "yes", "the articles the site draws on, each keyed by its source id",
            {"stocknews-feb3": {"name": "Stock news, 3 Feb", "publisher": "Stock News",
                                "title": "Alibaba invests in Qwen", "date": "2026-02-03",
                                "reliability": "medium", "note": "Daily stock-news site."}}),
        "figures": _doc(
            "yes", "the facts, each keyed by a lowercase dotted name",
            {"holiday.duration": {"label": "Length of the Lunar New Year holiday",
                                  "kind": "duration", "unit": "day", "value": 9,
                                  "as_of": "2026-02-03",
                                  "sources": {"stocknews-feb3": "a nine-day holiday"}}}),
        "conflicts": _doc(
            "no", "sources that disagree, shown side by side on the \"Where sources differ\" page",
            {"baidu-multiple": {"title": "How many times Baidu's budget?",
                                "type": "computed-contradicts",
                                "figures": ["campaign.claimed_multiple_triples",
                                            "competition.ratio_baidu"]}}),
        "claims": _doc(
            "no", "what a source said, did or expects, cited from page prose with `cite()`",
            {"campaign.largest_in_history": {
                "says": "Logos Press calls it the largest marketing campaign in Alibaba's history",
                "sources": {"logos-press": "the largest marketing campaign in the company's "
                                           "history"}}}),
        "glossary": _doc(
            "no", "terms the pages use, keyed by lowercase words joined by hyphens",
            {"qwen": {"term": "Qwen", "also": ["Tongyi Qianwen"],
                      "definition": "Alibaba's AI app and the family of models behind it."}}),
        "open_questions": _doc(
            "no", "what the articles leave open, tied to the figures it concerns",
            {"earnings-quarter": {
                "question": "Which quarter do the results due on the date below cover?",
                "figures": ["earnings.date"],
                "why": "Both stock-news articles give only the date."}}),
        "corrections": _doc(
            "no", "changes to published figures, oldest first",
            [{"figure": "competition.baidu_budget_usd", "date": "2026-12-01",
              "old": "US$71.8 million", "new": "about US$72 million",
              "reason": "Derived from an approximate amount; shown rounded."}]),
        "updates": _doc(
            "no", "new information that came after publication (not corrections), oldest first",
            [{"date": "2026-02-19", "says": "Alibaba reported its quarterly results.",
              "figures": ["earnings.date"], "sources": ["stocknews-feb3"]}]),
    },
    "Source": {
        "name": _doc(
            "yes", "one short, stable, dated name used everywhere on the site (prose, panels, "
            "charts, appendix): \"Stock news, 3 Feb\"; unique", "Stock news, 3 Feb"),
        "publisher": _doc(
            "yes", "who published it; \"Unnamed stock-news site\" if the article does not say",
            "Logos Press", "Unnamed stock-news site"),
        "title": _doc(
            "yes", "the headline; if there is none, a short descriptive title, and say so in "
            "`note`", "Alibaba to Invest $431M in AI Promotion Ahead of Lunar New Year"),
        "date": _doc(
            "yes", "publication date as a [partial date](#dates), or `undated` if the article "
            "gives none and it cannot be estimated", "2026-02-03", "early 2026-02", "undated"),
        "date_estimated": _doc(
            "no", "`true` when the date is inferred (from an advert, from the content), not "
            "printed in the article", True),
        "url": _doc("no", "only when known, starting with `https://`",
                    "https://example.com/qwen-campaign"),
        "as_reported_by": _doc(
            "no", "for second-hand reports: who passed it on (e.g. Reuters figures read in a "
            "stock-news article)", "Stock news, 3 Feb"),
        "article": _doc(
            "no", "the file name of the article's text inside the articles folder (`articles:` "
            "under `extra: briefing:` in mkdocs.yml); a relayed source names the relaying "
            "article's file. Every passage is checked word for word against it",
            "002_1f396d49f509e587.txt"),
        "retrieved": _doc("no", "the date the article's text was retrieved", "2026-12-05"),
        "reliability": _doc(
            "yes", "`lowest`, `low`, `medium`, `medium-high` or `high`", "medium"),
        "note": _doc(
            "yes", "why this reliability; caveats such as AI-generated text, advertising, old "
            "names, estimated dates", "Daily news site; reports the download count without "
            "naming its own source."),
    },
    "Figure": {
        "label": _doc("yes", "what it is, short, with no digits (\"Qwen campaign budget\")",
                      "Qwen campaign budget"),
        "kind": _doc("yes", "one of the kinds below", "money", "duration", "date"),
        "value": _doc(
            "stated figures", "the raw number, a [partial date](#dates) for kind `date`, or "
            "text for kind `text`", 3000000000, "2026-02-15", "Gemini"),
        "formula": _doc("derived figures", "see [Derived figures](#derived-figures)",
                        "campaign.budget_cny / competition.tencent_budget_cny"),
        "currency": _doc("money and price",
                         "`CNY`, `USD` or `EUR` (no other kind takes a currency)", "CNY"),
        "unit": _doc("see the kinds", "a count's noun, a duration's unit, a ratio's unit",
                     "downloads", "day", "yuan per US dollar"),
        "qualifier": _doc(
            "no", "`about`, `approximately`, `more than`, `over`, `at least`, `up to`, "
            "`nearly` or `under`", "about"),
        "as_of": _doc(
            "stated figures", "when the figure was true or reported ([partial date](#dates) or "
            "`undated`)", "2026-02-06", "mid 2026-02"),
        "sources": _doc(
            "stated figures", "each source id with the passage that states the figure (see "
            "[Passages](#passages-the-sources-own-words))",
            {"stocknews-feb3": "Alibaba will invest 3 billion yuan"}),
        "editorial": _doc("no", "`true` for the site's own note or renaming: no `sources`, no "
                          "`as_of`", True),
        "expected": _doc(
            "no", "`true` when the event had not happened yet at the time of reporting (a "
            "scheduled date, a forecast); stated or derived", True),
        "decimals": _doc(
            "no", "fixed number of decimal places (0 to 6) for percent, ratio, price, count, "
            "duration", 2),
        "note": _doc("no", "anything a reader of the appendix should know",
                     "Reported as expected, not confirmed."),
        "appendix_only": _doc(
            "no", "`true` if no page uses it (it still appears in the Figures appendix)", True),
        "check": _doc(
            "no", "derived figures only: a stated figure it must agree with (see below)",
            {"stated": "campaign.claimed_multiple_tencent", "tolerance": 0.01}),
    },
    "Check": {
        "stated": _doc("yes", "the key of the stated figure the derived one must agree with",
                       "campaign.claimed_multiple_tencent"),
        "tolerance": _doc(
            "yes", "the largest relative difference allowed, above zero and below one (`0.01` "
            "is 1%)", 0.01),
    },
    "Conflict": {
        "title": _doc("yes", "the question in a few words, no digits",
                      "How many times Baidu's budget?"),
        "type": _doc(
            "yes", "`same-quantity` (two values for one thing), `different-dates` (values at "
            "different times), `computed-contradicts` (a stated claim the computed figures "
            "contradict) or `renamed` (a name that changed)", "computed-contradicts"),
        "figures": _doc("yes", "two or more figure keys",
                        ["campaign.claimed_multiple_triples", "competition.ratio_baidu"]),
        "explanation": _doc(
            "no", "no longer used: the explanation is prose in `docs/conflicts.md`, under "
            "`{{ conflict(\"id\") }}`, opening with a one-line verdict",
            "Logos Press says triples; the budgets give about six times."),
    },
    "ClaimData": {
        "says": _doc("yes", "the claim in the site's words, without digits (a number is a "
                     "figure)", "Logos Press calls it the largest marketing campaign in "
                     "Alibaba's history"),
        "sources": _doc(
            "yes", "each source id with its passage, exactly as for figures; at least one",
            {"logos-press": "the largest marketing campaign in the company's history"}),
    },
    "GlossaryData": {
        "term": _doc("yes", "the term as the pages write it", "Qwen"),
        "also": _doc("no", "other names for it (each term once in the glossary)",
                     ["Tongyi Qianwen"]),
        "definition": _doc("yes", "plain prose; may name a source by its `name`",
                           "Alibaba's AI app and the family of models behind it."),
        "sources": _doc("no", "each source id with its passage; facts need a passage",
                        {"investment-background": "Qwen, formerly known as Tongyi Qianwen"}),
    },
    "OpenQuestionData": {
        "question": _doc("yes", "the question, without digits (the figures carry the numbers)",
                         "Which quarter do the results due on the date below cover?"),
        "figures": _doc("yes", "the existing figure keys it concerns", ["earnings.date"]),
        "why": _doc("yes", "why the articles leave it open",
                    "Both stock-news articles give only the date."),
    },
    "CorrectionData": {
        "figure": _doc("yes", "the key of the corrected figure", "competition.baidu_budget_usd"),
        "date": _doc("yes", "the day of the change, as a [partial date](#dates)", "2026-12-01"),
        "old": _doc("yes", "the text as it was published", "US$71.8 million"),
        "new": _doc("unless removed", "the figure's text now, exactly as the site shows it "
                    "(checked)", "about US$72 million"),
        "removed": _doc("no", "`true` for a figure taken off the site: no `new`, and the "
                        "figure must no longer exist", True),
        "reason": _doc("yes", "why it changed", "Derived from an approximate amount; shown "
                       "rounded."),
    },
    "UpdateData": {
        "date": _doc("yes", "when the new information came, as a [partial date](#dates)",
                     "2026-02-19"),
        "says": _doc("yes", "what is new, in one sentence", "Alibaba reported its quarterly results."),
        "figures": _doc("no", "the keys of the figures it concerns (checked)", ["earnings.date"]),
        "sources": _doc("no", "the ids of the sources that report it (checked)",
                        ["stocknews-feb3"]),
    },
}

# Which table in CONTRIBUTING.md shows which model, and whether it has an example column.
TABLES = {"sections": "BriefingFile", "sources": "Source", "figures": "Figure",
          "check": "Check", "conflicts": "Conflict", "claims": "ClaimData",
          "glossary": "GlossaryData", "open_questions": "OpenQuestionData",
          "corrections": "CorrectionData", "updates": "UpdateData"}
# The key's row, shown first in the tables of sections keyed by name.
KEY_ROWS = {
    "Conflict": "lowercase words joined by hyphens",
    "ClaimData": "a dotted lowercase name like a figure key, and not a figure key too",
    "GlossaryData": "lowercase words joined by hyphens",
    "OpenQuestionData": "lowercase words joined by hyphens",
}
MARKER = re.compile(r"(<!-- field-table: (\w+) .*?-->\n).*?(<!-- end field-table -->)",
                    re.DOTALL)

_BARE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")   # ids, keys, kinds: written unquoted
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def plain(markdown: str) -> str:
    """The schema's text: Markdown links become their words, backticks and bold go."""
    return _LINK.sub(r"\1", markdown).replace("`", "").replace("**", "")


def written(value: object) -> str:
    """A value as it is written in the data file (YAML flow style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value if _BARE.match(value) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(written(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {written(item)}" for key, item in value.items()) + "}"
    return str(value)


def table(name: str) -> str:
    """The Markdown field table of one section, as CONTRIBUTING.md shows it."""
    model = TABLES[name]
    docs = FIELD_DOCS[model]
    if model == "BriefingFile":
        rows = ["| section | required | what it holds |", "| --- | --- | --- |"]
        rows += [f"| `{field}:` | {doc.required} | {doc.text} |" for field, doc in docs.items()]
        return "\n".join(rows) + "\n"
    rows = ["| field | required | what to write | example |", "| --- | --- | --- | --- |"]
    if model in KEY_ROWS:
        rows.append(f"| id (the key) | yes | {KEY_ROWS[model]} | |")
    rows += [f"| `{field}` | {doc.required} | {doc.text} | `{written(doc.examples[0])}` |"
             for field, doc in docs.items()]
    return "\n".join(rows) + "\n"


def with_tables(contributing: str) -> str:
    """CONTRIBUTING.md with every generated field table rewritten from FIELD_DOCS."""
    return MARKER.sub(lambda m: f"{m.group(1)}\n{table(m.group(2))}\n{m.group(3)}", contributing)
