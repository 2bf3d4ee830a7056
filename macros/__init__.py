"""Entry point for mkdocs-macros (`module_name: macros`).

Each hook hands over to `macros.adapter`, reloaded at the start of a build whenever a
module under `macros/` changed, so `mkdocs serve` picks up engine edits without a restart.
The other hooks keep the adapter that build started with.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

_HERE = Path(__file__).parent
_stamp: tuple = ()
_current = None


def _adapter():
    """The adapter module, fresh if any engine file changed since it was imported."""
    global _stamp
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in _HERE.rglob("*.py")))
    if stamp != _stamp:
        for name in [m for m in sys.modules if m.startswith(__name__ + ".")]:
            del sys.modules[name]
        _stamp = stamp
    return importlib.import_module(__name__ + ".adapter")


def define_env(env) -> None:
    global _current
    _current = _adapter()
    _current.define_env(env)


def on_pre_page_macros(env) -> None:
    _current.on_pre_page_macros(env)


def on_post_page_macros(env) -> None:
    _current.on_post_page_macros(env)


def on_post_build(env) -> None:
    _current.on_post_build(env)
