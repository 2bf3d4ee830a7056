"""The figures appendix alone, timed in-process at several sizes: the engine writing it and
Python-Markdown (with the site's extensions) converting it, which is where a long run of raw
HTML blocks once cost figures squared.

    python -m bench.appendix PROJECT      (run from the repository root; prints JSON)
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _site(project: Path):
    """The engine's Site for a project, before and after the single template path (where the
    generator reports the pages)."""
    from macros.engine import site as site_module

    try:
        from bench.costs import site_pages
        from macros.engine.config import BriefingConfig
    except ImportError:
        return site_module.Site(project, project / "docs", site_module.DEFAULT_DATA_FILE)
    return site_module.Site(project, project / "docs", BriefingConfig(), site_pages(project))


def appendix_seconds(project: Path) -> dict[str, float]:
    os.environ["BRIEFING_CACHE"] = "off"
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    try:  # the site's extension that keeps generated HTML out of the raw-HTML parser
        from macros.markdown.raw_html import add_to
    except ImportError:
        pass
    else:
        add_to(config["markdown_extensions"])
    converter = markdown.Markdown(extensions=config["markdown_extensions"],
                                  extension_configs=config["mdx_configs"])
    converter.convert("# Warm-up\n\n<p>extensions loaded</p>\n")
    converter.reset()
    start = time.perf_counter()
    site = _site(project)
    loaded = time.perf_counter()
    html = site.macros("figures/")["figures_appendix"]()
    written = time.perf_counter()
    converter.convert("# Figures\n\n" + html)
    converted = time.perf_counter()
    return {"figures": len(site.briefing.figures), "load": loaded - start,
            "engine": written - loaded, "markdown": converted - written,
            "appendix": converted - loaded}


if __name__ == "__main__":
    print(json.dumps(appendix_seconds(Path(sys.argv[1]).resolve())))
