"""The Data page: its files, licence, and the data dictionary of every table, with JSON-LD."""

from __future__ import annotations

import datetime as dt
import json

from ..build_info import build_time
from ..present.citation import SITE_NAME
from ..present.html import APPENDIX_URL, DATA_DIR, PageRenderer, escape, html_block
from .package import LICENCE, LICENCE_NOTE
from .tables import FIGURE_COLUMNS, TABLES


def dataset_jsonld(site_url: str, created: dt.datetime | None = None) -> str:
    """schema.org Dataset as JSON-LD, safe inside <script> (no '<', '>' or '&' unescaped)."""
    base = f"{site_url}{DATA_DIR}"
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": f"{SITE_NAME}: figures, sources and passages",
        "description": ("Sourced and dated figures on Alibaba's 2026 AI push (the Qwen Lunar "
                        "New Year campaign, infrastructure, competition and financial context), "
                        "with the articles they come from and the passages that support them."),
        "url": base, "license": LICENCE["path"], "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": SITE_NAME, "url": site_url},
        "keywords": ["Alibaba", "Qwen", "artificial intelligence", "China", "figures"],
        "inLanguage": "en",
        "variableMeasured": [c.name for c in FIGURE_COLUMNS],
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": f"{base}datapackage.json", "name": "datapackage.json"},
            *({"@type": "DataDownload", "encodingFormat": "text/csv",
               "contentUrl": f"{base}{t.path}", "name": t.path} for t in TABLES),
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": f"{base}figures.json", "name": "figures.json"},
        ],
    }
    if created:
        data["dateModified"] = created.strftime("%Y-%m-%d")
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


FILES = (("datapackage.json", "the package descriptor: metadata, licence and every table's "
          "schema"), ("figures.csv", "every figure, one row each"),
         ("figures.json", "the same figures as JSON (lists as arrays, numbers as numbers)"),
         ("sources.csv", "the source articles and their reliability ratings"),
         ("passages.csv", "the sources' words behind each figure and claim"),
         ("README.md", "this data dictionary as plain text"))


def _with_code(text: str) -> str:
    """Escaped text with `name` spans set as <code>."""
    parts = text.split("`")
    return "".join(f"<code>{escape(p)}</code>" if i % 2 else escape(p)
                   for i, p in enumerate(parts))


def data_dictionary(r: PageRenderer, site_url: str = "") -> str:
    """The Data page's body: files, licence, how to cite, and every column of every table."""
    here = r.page_href(DATA_DIR)
    files = "".join(f'<li><a href="{here}{name}" download><code>{name}</code></a>: '
                    f"{escape(what)}</li>" for name, what in FILES)
    out = [html_block(f'<ul class="data-files">{files}</ul>'),
           "## Licence\n", html_block(f'<p>{escape(LICENCE_NOTE)} <a href="{LICENCE["path"]}">'
                                  f'{escape(LICENCE["title"])}</a>.</p>'),
           "## Spreadsheets and per-figure files\n",
           html_block("<p>In the CSV files, a text cell that begins with = + - @ or a tab starts "
                  "with an apostrophe, so that a spreadsheet shows it rather than running it "
                  "as a formula; numbers are never altered. Lists (sources, inputs) are "
                  "separated by semicolons. Each figure's row is also available on its own, as "
                  "CSV and JSON, from its entry in the <a href=\"" + r.page_href(APPENDIX_URL)
                  + "\">Figures appendix</a>, and each chart offers its own data.</p>")]
    for table in TABLES:
        rows = "".join(
            f"<tr><td><code>{c.name}</code></td><td>{c.type}{' (list)' if c.is_list else ''}"
            f"</td><td>{_with_code(c.description)}</td><td>"
            f"{f'<code>{escape(c.example)}</code>' if c.example else ''}</td></tr>"
            for c in table.columns)
        out.append(f"## {table.path} {{: #table-{table.name} }}\n")
        out.append(html_block(
            f"<p>{escape(table.description)}</p>\n"
            "<table><thead><tr><th>Column</th><th>Type</th>"
            f"<th>Description</th><th>Example</th></tr></thead><tbody>{rows}</tbody></table>"))
    out.append(html_block(dataset_jsonld(site_url, build_time())))
    return "\n".join(out)

