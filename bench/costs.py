"""Where the engine spends a build's time, phase by phase, measured in-process.

    python -m bench.costs PROJECT      (run from the repository root)
"""

from __future__ import annotations

import json
import os
import sys
import time
from functools import partial
from pathlib import Path

import jinja2

from macros.engine.config import BriefingConfig
from macros.engine.load.yaml_source import load_yaml
from macros.engine.macro_table import macros
from macros.engine.pipeline import briefing_of
from macros.engine.site import Site
from macros.engine.validate.document import validate
from tools.pages import site_for, site_usage


def _timed(step):
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


def _call(site: Site, name: str, src: str, *args, **kwargs) -> str:
    return site.call(name, src, list(args), kwargs)


def engine_costs(project: Path) -> dict[str, float]:
    """Seconds per phase: read YAML, validate, derive and format, scan pages, expand macros."""
    data = project / BriefingConfig.data
    doc, read = _timed(lambda: load_yaml(data))
    _, checked = _timed(lambda: validate(doc))
    _, whole = _timed(lambda: briefing_of(doc))   # validates again, then derives and formats
    formatted = whole - checked
    _, scanned = _timed(lambda: site_usage(project))
    site = site_for(project)
    environment = jinja2.Environment()
    start = time.perf_counter()
    for src in site.usage.pages:
        body = site.page_source(src).body
        bound = {name: partial(_call, site, name, src) for name in macros.names()}
        environment.from_string(body).render(**bound)
    expanded = time.perf_counter() - start
    return {"read YAML": read, "validate": checked, "derive and format": formatted,
            "scan pages": scanned, "expand macros": expanded}


if __name__ == "__main__":
    os.environ["BRIEFING_CACHE"] = "off"   # the checking work itself, every time
    print(json.dumps(engine_costs(Path(sys.argv[1]).resolve()), indent=1))
