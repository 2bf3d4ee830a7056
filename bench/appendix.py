"""The figures appendix alone, timed in-process: the engine writing it and Python-Markdown (with
the site's extensions, as MkDocs configures them) converting it, which is where a long run of
raw HTML blocks once cost figures squared.

    python -m bench.appendix PROJECT      (run from the repository root; prints JSON)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import markdown
from mkdocs.config import load_config

from macros.markdown.raw_html import add_to
from tools.pages import site_for


def appendix_seconds(project: Path) -> dict[str, float]:
    config = load_config(str(project / "mkdocs.yml"))
    add_to(config["markdown_extensions"])  # as the site's plugin adds it in a build
    converter = markdown.Markdown(extensions=config["markdown_extensions"],
                                  extension_configs=config["mdx_configs"])
    converter.convert("# Warm-up\n\n<p>extensions loaded</p>\n")
    converter.reset()
    start = time.perf_counter()
    site = site_for(project)
    loaded = time.perf_counter()
    page = next(src for src in site.usage.pages
                if "figures_appendix(" in site.page_source(src).body)
    html = site.call("figures_appendix", page, [], {})
    written = time.perf_counter()
    converter.convert("# Figures\n\n" + html)
    converted = time.perf_counter()
    return {"figures": len(site.briefing.figures), "load": loaded - start,
            "engine": written - loaded, "markdown": converted - written,
            "appendix": converted - loaded}


if __name__ == "__main__":
    print(json.dumps(appendix_seconds(Path(sys.argv[1]).resolve())))
