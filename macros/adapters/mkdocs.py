"""The mkdocs-macros adapter: registers the engine's macros and checks each page around
mkdocs-macros' own Jinja pass. State lives in one `Build` per build, kept on mkdocs-macros'
plugin object (`env`), which calls define_env again for every build (also under `serve`).

Under `mkdocs serve` (told by the hook in preview.py) a mistake does not fail the build: the
page it is in (or every page, when the data or settings cannot be read) shows the message in
the browser, the terminal shows it too, and the next save rebuilds the normal page. A failed
build would leave MkDocs' live-reload server waiting, with every page request hanging."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

from ..engine.catalogue import told
from ..engine.config import BriefingConfig, setting_line
from ..engine.errors import BriefingError, shown
from ..engine.load.page_source import read_pages
from ..engine.macro_table import macros
from ..engine.present.markup import render
from ..engine.present.pages.usage import PageInfo
from ..engine.publication import Publication, Publisher
from ..engine.settings_check import (
    check_page_template,
    check_site_settings,
    check_sources,
    written_settings,
)
from ..engine.site import Site
from . import common
from .preview_pages import stand_in_pages


class Build:
    """One MkDocs build: settings, the engine's Site (made once the pages are known), errors.

    A mistake in a page is kept and the page rendered without it (mkdocs-macros would exit on
    an exception); the build then fails after the last page with every message, once each.
    """

    def __init__(self, env, preview: bool = False) -> None:
        self.env = env
        self.preview = preview
        self.site: Site | None = None
        self.config: BriefingConfig | None = None
        self.sources = {}
        self.publisher: Publisher | None = None
        self.publication: Publication | None = None
        self.errors: list[str] = []
        self.page_errors: list[str] = []  # the current page's
        common.register(env, macros.names(), lambda: self.site, self._page, self._failed)
        config_file = Path(env.conf.config_file_path or "mkdocs.yml")
        text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
        try:
            self.config = BriefingConfig.from_extra(env.conf["extra"], text)
        except BriefingError as error:
            if not preview:
                raise
            self._failed(error)
        # Before MkDocs walks docs/ (it follows links) or writes a redirect; under `serve` a
        # rebuild then lists a stand-in for docs/, every page showing the message.
        written = written_settings(text)
        try:
            check_sources(Path(env.project_dir), {config_file.name: text}, written,
                          self.config or BriefingConfig(), Path(env.conf["docs_dir"]),
                          env.conf["theme"].custom_dir)
        except BriefingError as error:
            if not preview:
                raise
            self._failed(error)
            env.conf["docs_dir"] = str(stand_in_pages(Path(env.conf["docs_dir"]), env.conf))
        if self.errors:
            return
        try:
            docs = Path(env.conf["docs_dir"])  # every page read once, before MkDocs reads them
            self.sources = read_pages(docs, [p.relative_to(docs).as_posix()
                                             for p in sorted(docs.rglob("*.md"))])
            check_site_settings({config_file.name: text}, written, docs)
            self.publisher = Publisher.from_extra(env.conf["extra"])
        except Exception as error:
            error = common.told_as_mistake(error, None)
            if not preview:
                raise error from None
            self._failed(error)

    def start_page(self) -> None:
        env = self.env
        self.page_errors = []
        if self.errors and self.site is None:  # the Site could not be made: said once
            env.markdown = error_page(self.errors) if self.preview else ""
            return
        try:
            if self.site is None:
                self.site = Site(Path(env.project_dir), Path(env.conf["docs_dir"]), self.config,
                                 self._pages(), self.sources, env.conf.get("site_url") or "")
                self.publication = Publication(self.site, self.publisher)
            known = set(env.variables) | set(env.macros) | set(env.page.meta or {})
            common.check_template(self.site, env.page.file.src_path, env.env, known)
            self._check_theme_template()
        except Exception as error:  # noqa: BLE001 (told as the page's mistake, never a stuck preview)
            self._failed(common.told_as_mistake(error, self._own() if self.site else None))
            # rendering it would only repeat the mistake
            env.markdown = error_page(self.page_errors, self._own()) if self.preview else ""

    def _check_theme_template(self) -> None:
        """A page's `template:` (front matter) names a template of the theme: MkDocs would fail
        on it after the page was built, which under `serve` stops every later rebuild."""
        meta = self.env.page.meta or {}
        if "template" not in meta:
            return
        custom_dir = self.env.conf["theme"].custom_dir
        try:
            check_page_template(meta, self.sources[self._page()].text, self._own(),
                                Path(custom_dir) if custom_dir else None)
            self.env.conf["theme"].get_env().get_template(meta["template"])
        except BriefingError:
            meta.pop("template")  # the theme's own page template shows the message
            raise
        except (jinja2.TemplateError, TypeError, AttributeError, OSError):
            written = meta.pop("template")  # the theme's own page template shows the message
            problem, hint = told("page-template-unknown", written=shown(written))
            raise BriefingError(problem, file=self._own(), key="template", hint=hint,
                                line=setting_line(self.sources[self._page()].text,
                                                  "template")) from None

    def _pages(self) -> dict[str, PageInfo]:
        """The site's pages with URL and title as MkDocs has them: the nav's pages in order,
        then any other Markdown file (pages outside the nav)."""
        in_nav = [p.file for p in self.env.variables["navigation"].pages]
        files = [*in_nav, *self.env.variables["files"].documentation_pages()]
        return {f.src_uri: PageInfo(f.src_uri, f.url, (f.page and f.page.title)
                                    or Path(f.src_uri).stem) for f in files}

    def _own(self) -> str:
        """How messages name the current page: 'docs/campaign.md'."""
        return f"{Path(self.env.conf['docs_dir']).name}/{self.env.page.file.src_uri}"

    def _page(self) -> str:
        return self.env.page.file.src_uri

    def _failed(self, error: BriefingError) -> str:
        if str(error) not in self.errors:
            self.errors.append(str(error))
        if str(error) not in self.page_errors:
            self.page_errors.append(str(error))
        return ""

    def end_page(self) -> None:
        if self.site is not None and not (self.page_errors if self.preview else self.errors):
            try:
                self.site.checker.after(self.env.markdown, self.env.page.file.src_uri)
                self.site.check_rendered(self.env.page.file.src_uri)
                # what the theme's <head> and footer read (overrides/main.html)
                self.env.page.meta["publication"] = self.publication.page_meta(self._page())
            except Exception as error:  # noqa: BLE001 (told as the page's mistake)
                self._failed(common.told_as_mistake(error, self._own()))
        if self.preview and self.page_errors:
            self.env.markdown = error_page(self.page_errors, self._own())

    def finish(self) -> None:
        if self.errors and self.preview:
            # Printed, not logged: a logged error would count towards `strict` and fail the build.
            print("\n".join(["ERROR    -  The preview shows these mistakes in the pages "
                             "(make build stops on them):", *self.errors]), file=sys.stderr)
        elif self.errors:
            raise PluginError("\n".join(self.errors))
        if self.site is not None and self.publication is not None:
            try:
                common.write_files(self.publication, Path(self.env.conf["site_dir"]))
            except BriefingError as error:
                raise PluginError(str(error)) from None


def error_page(messages: list[str], page: str | None = None) -> str:
    """The page's Markdown under `serve` when it cannot be built: the messages
    (templates/preview_error.html), about this page or about the whole site."""
    own = page and all(m.startswith(f"{page}:") for m in messages)
    return render("preview_error.html", messages=messages,
                  what="this page" if own else "the site") + "\n"


def previewing(conf) -> bool:
    """Whether `mkdocs serve` runs (the hook in preview.py is among the plugins and saw it)."""
    return any(getattr(plugin, "serving", False) is True for plugin in conf["plugins"].values())


def define_env(env) -> None:
    preview = previewing(env.conf)
    if preview:  # anything mkdocs-macros itself cannot render shows in the page too
        env.config["on_error_fail"] = False
    try:
        env.briefing_build = Build(env, preview)
    except BriefingError as error:
        raise PluginError(str(error)) from None
