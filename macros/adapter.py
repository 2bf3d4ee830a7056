"""The thin mkdocs-macros adapter: registers the engine's macros and hooks, nothing more.

Everything else lives in `macros.engine`, which never imports MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from .engine.errors import BriefingError
from .engine.pages.links import explain_warning
from .engine.pages.templates import call_macro
from .engine.site import DEFAULT_DATA_FILE, Site

MACRO_NAMES = ("fig", "value", "short", "asof", "cite", "source", "cards", "timeline", "sources_list",
               "figures_appendix", "conflict", "conflicts_list", "glossary", "open_questions",
               "corrections_list", "reporting_as_of", "downloads", "data_dictionary",
               "bar_chart", "price_chart", "share_chart", "timeline_chart", "print_list")
_state: dict = {}
_MKDOCS_LOGGERS = ("mkdocs.commands.build", "mkdocs.structure.pages", "mkdocs.structure.nav")


class _Messages(logging.Filter):
    """Tells MkDocs' link and nav warnings the engine's way (file:line, key, How to fix), and
    drops its bare "Error reading page 'x':" line before an engine error that names x."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _state.get("page_failed") and message.startswith("Error reading page"):
            _state["page_failed"] = False
            return False
        explained = explain_warning(message, _state["docs_dir"]) if "docs_dir" in _state else None
        if explained:
            record.msg, record.args = explained, ()
        return True


def _install_messages() -> None:
    for name in _MKDOCS_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == "_Messages"]:
            logger.removeFilter(old)
        logger.addFilter(_Messages())


def _page_error(message: str) -> PluginError:
    _state["page_failed"] = True
    return PluginError(message)


def _page(env) -> tuple[str, str]:
    docs = Path(env.conf["docs_dir"]).name
    return f"{docs}/{env.page.file.src_path}", env.page.url


def define_env(env) -> None:
    data_file = env.conf["extra"].get("briefing_data", DEFAULT_DATA_FILE)
    try:
        site = Site(Path(env.project_dir), Path(env.conf["docs_dir"]), data_file,
                    env.conf.get("site_url") or "")
    except BriefingError as error:
        raise PluginError(str(error)) from None
    _state.update(site=site, pending=[], bound={}, page_failed=False,
                  docs_dir=Path(env.conf["docs_dir"]))
    _install_messages()
    for name in MACRO_NAMES:
        env.macro(_runtime_macro(env, name), name)


def _runtime_macro(env, name: str):
    """A macro as Jinja calls it (non-literal arguments): errors are kept for the page."""

    def call(*args, **kwargs):
        src, url = _page(env)
        bound = _state["bound"].setdefault(url, _state["site"].macros(url))
        try:
            return call_macro(name, bound[name], list(args), kwargs)
        except BriefingError as error:
            _state["pending"].append(BriefingError(error.problem, file=src, key=error.key,
                                                   hint=error.hint))
            return ""

    call.__name__ = name
    return call


def on_pre_page_macros(env) -> None:
    src, url = _page(env)
    known = set(env.variables) | set(env.macros) | set(env.page.meta or {})
    try:
        env.markdown = _state["site"].prepare_page(env.markdown, src, url, env.env, known)
    except BriefingError as error:
        raise _page_error(str(error)) from None


def on_post_page_macros(env) -> None:
    pending, _state["pending"] = _state["pending"], []
    if pending:
        raise _page_error("\n".join(str(e) for e in pending))
    try:
        _state["site"].check_rendered(env.markdown, _page(env)[0])
    except BriefingError as error:
        raise _page_error(str(error)) from None


def on_post_build(env) -> None:
    _state["site"].write_downloads(Path(env.conf["site_dir"]))
