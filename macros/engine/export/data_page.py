"""The Data page: its files, licence, and the data dictionary of every table, with JSON-LD."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..build_info import build_time
from ..present.citation import SITE_NAME
from ..present.html import DATA_DIR, PageRenderer
from ..present.markup import render
from .jsonld import script_safe_json
from .package import LICENCE, LICENCE_NOTE, TITLE
from .tables import FIGURE_COLUMNS, TABLES


def dataset_jsonld(site_url: str, created: dt.datetime | None = None) -> str:
    """schema.org Dataset as JSON-LD, safe inside <script> (no '<', '>' or '&' unescaped)."""
    base = f"{site_url}{DATA_DIR}"
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": TITLE,
        "description": ("Sourced and dated figures on Alibaba's 2026 AI push (the Qwen Lunar "
                        "New Year campaign, infrastructure, competition and financial context), "
                        "with the articles they come from and the passages that support them."),
        "url": base, "license": LICENCE["path"], "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": SITE_NAME,
                    **({"url": site_url} if site_url else {})},   # no address: no url
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
    return render("jsonld.html", json=Markup(script_safe_json(data)))


FILES = (("datapackage.json", "the package descriptor: metadata, licence and every table's "
          "schema"), ("figures.csv", "every figure, one row each"),
         ("figures.json", "the same figures as JSON (lists as arrays, numbers as numbers)"),
         ("sources.csv", "the source articles and their reliability ratings"),
         ("passages.csv", "the sources' words behind each figure and claim"),
         ("README.md", "this data dictionary as plain text"))


def data_dictionary(r: PageRenderer, site_url: str = "") -> str:
    """The Data page's body: files, licence, how to cite, and every column of every table."""
    return render("data_page.md", here=r.page_href(DATA_DIR), files=FILES, note=LICENCE_NOTE,
                  licence=LICENCE, appendix_href=r.page_href(r.appendix_url), tables=TABLES,
                  jsonld=dataset_jsonld(site_url, build_time()))
