"""`mkdocs serve`: keep the theme's compiled templates between rebuilds.

MkDocs reads its configuration again for every rebuild, so each rebuild gets a new Jinja
environment and compiles Material's templates again (about a third of a rebuild's time on this
site). A Jinja bytecode cache held in memory for the life of the process gives the next
rebuild's environment the compiled code, checked against each template's source (Jinja stores
a hash of it), so an edited template is compiled afresh. A one-off `mkdocs build` starts with
it empty and compiles as before.
"""

from __future__ import annotations

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


def attach(theme) -> None:
    """Make the theme's Jinja environments (MkDocs asks for one per build) use the cache."""
    make_env = theme.get_env
    if getattr(make_env, "briefing_cached", False):
        return

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = _CACHE
        return env

    get_env.briefing_cached = True
    theme.get_env = get_env
