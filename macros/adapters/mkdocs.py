"""The mkdocs-macros adapter: registers the engine's macros and checks each page around
mkdocs-macros' own Jinja pass. State lives in one `Build` per build, kept on mkdocs-macros'
plugin object (`env`), which calls define_env again for every build (also under `serve`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from ..engine.config import BriefingConfig
from ..engine.errors import BriefingError
from ..engine.pages.usage import PageInfo, check_readable
from ..engine.site import Site, macro_names
from . import common


class Build:
    """One MkDocs build: settings, the engine's Site (made once the pages are known), errors.

    A mistake in a page is kept and the page rendered without it (mkdocs-macros would exit on
    an exception); the build then fails after the last page with every message, once each.
    """

    def __init__(self, env) -> None:
        self.env = env
        config_file = Path(env.conf.config_file_path or "mkdocs.yml")
        text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
        self.config = BriefingConfig.from_extra(env.conf["extra"], text)
        check_readable(Path(env.conf["docs_dir"]))
        self.site: Site | None = None
        self.errors: list[str] = []
        for name in macro_names():
            env.macro(common.macro(lambda: self.site, name, self._page, self._failed), name)

    def start_page(self) -> None:
        env = self.env
        if self.errors and self.site is None:  # the Site could not be made: said once
            env.markdown = ""
            return
        try:
            if self.site is None:
                self.site = Site(Path(env.project_dir), Path(env.conf["docs_dir"]), self.config,
                                 self._pages(), env.conf.get("site_url") or "")
            known = set(env.variables) | set(env.macros) | set(env.page.meta or {})
            common.check_template(self.site, env.page.file.src_path, env.env, known)
        except BriefingError as error:
            self._failed(error)
            env.markdown = ""  # rendering it would only repeat the mistake

    def _pages(self) -> dict[str, PageInfo]:
        """The site's pages with URL and title as MkDocs has them: the nav's pages in order,
        then any other Markdown file (pages outside the nav)."""
        in_nav = [p.file for p in self.env.variables["navigation"].pages]
        files = [*in_nav, *self.env.variables["files"].documentation_pages()]
        return {f.src_uri: PageInfo(f.src_uri, f.url, (f.page and f.page.title)
                                    or Path(f.src_uri).stem) for f in files}

    def _page(self) -> str:
        return self.env.page.file.src_uri

    def _failed(self, error: BriefingError) -> str:
        if str(error) not in self.errors:
            self.errors.append(str(error))
        return ""

    def end_page(self) -> None:
        if self.site is not None and not self.errors:
            try:
                self.site.check_rendered(self.env.markdown, self.env.page.file.src_uri)
            except BriefingError as error:
                self._failed(error)

    def finish(self) -> None:
        if self.errors:
            raise PluginError("\n".join(self.errors))
        if self.site is not None:
            self.site.write_downloads(Path(self.env.conf["site_dir"]))


def define_env(env) -> None:
    try:
        env.briefing_build = Build(env)
    except BriefingError as error:
        raise PluginError(str(error)) from None


def on_pre_page_macros(env) -> None:
    env.briefing_build.start_page()


def on_post_page_macros(env) -> None:
    env.briefing_build.end_page()


def on_post_build(env) -> None:
    env.briefing_build.finish()
