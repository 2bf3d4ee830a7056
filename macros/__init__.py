"""Entry point for the site generators' macros (`module_name: macros` in mkdocs.yml).

mkdocs-macros imports this package once per process and calls define_env and the page hooks
for every build; Zensical's macros extension runs this file for every page and calls only
define_env. Each hands over to its adapter in macros/adapters/.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ not in sys.modules:  # Zensical runs this file by path, outside the import system
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def define_env(env) -> None:
    if type(env).__module__.startswith("zensical"):
        from .adapters import zensical as adapter
    else:
        from .adapters import mkdocs as adapter
        from .markdown import add_to

        add_to(env.conf["markdown_extensions"])  # (Zensical lists them in mkdocs.zensical.yml)
    adapter.define_env(env)


# mkdocs-macros' page and build hooks: the MkDocs build's one Build (adapters/mkdocs.py).
def on_pre_page_macros(env) -> None:
    env.briefing_build.start_page()


def on_post_page_macros(env) -> None:
    env.briefing_build.end_page()


def on_post_build(env) -> None:
    env.briefing_build.finish()
