"""`mkdocs serve`: keep the theme's compiled templates and its file list between rebuilds.

MkDocs reads its configuration again for every rebuild, so each rebuild gets a new Jinja
environment and compiles Material's templates again (about a third of a rebuild's time on this
site). A Jinja bytecode cache held in memory for the life of the process gives the next
rebuild's environment the compiled code, checked against each template's source (Jinja stores
a hash of it), so an edited template is compiled afresh. Each rebuild also lists the theme's
14,500 files (Material's icons) to find its 43 static files, about 0.09 s: the list is kept
too, keyed by the folders' modification times outside the installed packages (overrides/), so
a file added there is listed. A one-off `mkdocs build` starts with both empty.
"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import jinja2

_CODE: dict[str, bytes] = {}


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = _CODE.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _CODE[bucket.key] = bucket.bytecode_to_string()


_CACHE = MemoryBytecodeCache()
_LISTS: dict[tuple, list[str]] = {}
_INSTALLED = Path(sysconfig.get_paths()["purelib"]).resolve()


def _folders_state(searchpath: list[str]) -> tuple:
    """Modification times of every folder the theme's files come from, except installed ones
    (which do not change while the preview runs)."""
    state = []
    for top in searchpath:
        if Path(top).resolve().is_relative_to(_INSTALLED):
            continue
        state += [(folder, os.stat(folder).st_mtime_ns) for folder, _, _ in os.walk(top)]
    return tuple(state)


def _keep_list(env: jinja2.Environment, theme) -> None:
    """Remember env.list_templates' answer for the same folders, their state and the theme's
    static templates (what MkDocs' file filter depends on)."""
    list_templates = env.list_templates
    searchpath = list(getattr(env.loader, "searchpath", []))

    def listed(extensions=None, filter_func=None) -> list[str]:
        key = (tuple(searchpath), _folders_state(searchpath), tuple(extensions or ()),
               tuple(sorted(theme.static_templates)), getattr(filter_func, "__qualname__", None))
        if key not in _LISTS:
            _LISTS[key] = list_templates(extensions=extensions, filter_func=filter_func)
        return list(_LISTS[key])

    env.list_templates = listed


def attach(theme) -> None:
    """Make the theme's Jinja environments (MkDocs asks for one per build) use the cache."""
    make_env = theme.get_env
    if getattr(make_env, "briefing_cached", False):
        return

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = _CACHE
        _keep_list(env, theme)
        return env

    get_env.briefing_cached = True
    theme.get_env = get_env
