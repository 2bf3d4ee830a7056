"""MkDocs hook (mkdocs.yml `hooks:`): what `mkdocs serve` needs from the MkDocs adapter.

MkDocs keeps a hook with `on_startup` for the whole process and calls on_startup once, with the
command, before the first build; `serving` is that command, the one fact a build cannot read
from its configuration. Under `serve` the adapter shows a mistake in the browser instead of
failing the build: a failed rebuild leaves MkDocs' live-reload server waiting for a good one,
and every page request hangs until then. mkdocs.yml's `watch:` makes MkDocs rebuild when
data/ or macros/ change.
"""

from __future__ import annotations

import sys

serving = False


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def _build(config):
    """The build's Build (adapters/mkdocs.py), kept on the macros plugin; None before it."""
    return getattr(config.plugins.get("macros"), "briefing_build", None)


def on_page_read_source(page, config) -> str | None:
    """Under `serve`, a page MkDocs cannot read (not UTF-8, unreadable) is read as empty
    instead of stopping the rebuild; the adapter's check names the page, and every page shows
    the message. `mkdocs build` reads pages as usual (and the adapter fails first)."""
    if not serving:
        return None
    try:
        with open(page.file.abs_src_path, encoding="utf-8-sig", errors="strict") as source:
            source.read()
    except (OSError, UnicodeDecodeError, TypeError):
        return ""
    return None


def on_page_markdown(markdown: str, page, config, files) -> str | None:
    """Front-matter fields the build refused are dropped (the build then ends with its message,
    not the theme's failure on them). Under `serve`, the page's Markdown is converted once on
    trial (after the macros: hooks run after plugins). A page
    Python-Markdown cannot convert (a list nested hundreds deep) shows the message in its place
    instead of stopping every later rebuild. `mkdocs build` converts once, and a failure ends
    it with the message (on_build_error)."""
    _drop_refused_fields(page, config)
    if not serving:
        return None
    import markdown as python_markdown

    try:
        python_markdown.Markdown(extensions=config.markdown_extensions,
                                 extension_configs=config.mdx_configs).convert(markdown)
    except Exception as error:  # noqa: BLE001 (shown as the page, never a stuck preview)
        from macros.adapters.common import told_as_mistake
        from macros.adapters.mkdocs import error_page

        own = f"{config.docs_dir.rstrip('/').rpartition('/')[2]}/{page.file.src_uri}"
        message = str(told_as_mistake(error, own))
        build = _build(config)
        if build is not None and message not in build.errors:
            build.errors.append(message)
        print(f"ERROR    -  {message}", file=sys.stderr)
        return error_page([message], own)
    return None


def _drop_refused_fields(page, config) -> None:
    """A front-matter field the build refused (told in the page) is left out of the page,
    so the plugins and the theme that read it next can render the page."""
    from macros.engine.present.pages.rules import field_fits

    build = _build(config)
    source = build.sources.get(page.file.src_uri) if build is not None else None
    for field, value in (source.meta if source else {}).items():
        if not field_fits(str(field), value):
            page.meta.pop(field, None)


def on_build_error(error: Exception) -> None:
    """A failure MkDocs did not expect while building a page (it names the page just before)
    ends `mkdocs build` with the message and How to fix instead of a Python traceback."""
    from mkdocs.exceptions import Abort, BuildError

    if serving or isinstance(error, BuildError | KeyboardInterrupt):
        return
    from macros.adapters.common import told_as_mistake

    mistake = told_as_mistake(error, None)
    raise Abort(f"{mistake.problem}\n  How to fix: {mistake.hint}") from None


def on_page_context(context, page, config, nav):
    """Under `serve`, the build's mistakes for the theme's banner on every other page
    (overrides/main.html): MkDocs renders the theme after every page's Markdown."""
    build = _build(config)
    if serving and build is not None:
        context["briefing_errors"] = [message.splitlines()[0] for message in build.errors]
    return context
