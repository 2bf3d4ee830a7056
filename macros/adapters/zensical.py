"""The Zensical adapter. Zensical's macros extension (`zensical.extensions.macros`, fed from the
`macros` plugin entry of mkdocs.yml) runs macros/__init__.py for every page and calls only
define_env: there are no build hooks. So the build's one `Build` is kept here, replaced when
any input changes, and `python -m macros.adapters.zensical` (`make build-zensical`) runs
Zensical's build, then does what a post-build hook would: writes the downloads and tells
a mistake as one message, without Zensical's traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml

from ..engine.config import BriefingConfig
from ..engine.errors import BriefingError
from ..engine.load.page_source import read_pages
from ..engine.macro_table import macros
from ..engine.present.pages.site_pages import site_pages
from ..engine.publication import Publication, Publisher, address_notice
from ..engine.site import Site
from . import common

CONFIG = "mkdocs.zensical.yml"


class Build:
    """One Zensical build: the engine's Site for the inputs it was made from, and its errors."""

    def __init__(self, conf: dict) -> None:
        self.root = Path(conf.get("root_dir", ".")).resolve()
        self.docs_dir = self.root / conf.get("docs_dir", "docs")
        self.nav = conf.get("nav")
        self.extra = conf.get("extra")
        settings = self.root / "mkdocs.yml"  # where extra: briefing: and the nav are written
        text = settings.read_text(encoding="utf-8") if settings.is_file() else ""
        written = yaml.load(text, Loader=yaml.BaseLoader) or {}
        self.pages = site_pages(self.docs_dir, written.get("nav"),
                                conf.get("use_directory_urls", True))
        self.stamp = self._stamp()
        self.jinja = jinja2.Environment()
        self.errors: list[str] = []
        self.site: Site | None = None
        self.failure: BriefingError | None = None
        self.publication: Publication | None = None
        try:
            config = BriefingConfig.from_extra(self.extra, text)
            publisher = Publisher.from_extra(self.extra)
            self.site = Site(self.root, self.docs_dir, config, self.pages,
                             read_pages(self.docs_dir, self.pages), conf.get("site_url") or "",
                             links_from_source=True)
            self.publication = Publication(self.site, publisher)
        except BriefingError as error:
            self.failure = error
            self.errors.append(str(error))

    def _stamp(self) -> tuple:
        """When the data file or a page changes, a new Build is made (under `zensical serve`)."""
        files = [*self.root.glob("data/*"), *(self.docs_dir / src for src in self.pages)]
        return tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in files)

    def is_current(self, conf: dict) -> bool:
        return (Path(conf.get("root_dir", ".")).resolve() == self.root
                and conf.get("extra") == self.extra and conf.get("nav") == self.nav
                and self._stamp() == self.stamp)

    def register(self, env) -> None:
        """Called for each page: check it, then register the macros bound to it."""
        site, page = self.site, env.page
        assert site is not None
        src, url = page.path, page.url
        if self.pages[src].url != url:
            self._failed(BriefingError(
                f"Zensical's URL '{url}' differs from the adapter's '{self.pages[src].url}'",
                file=site.page_file(src), hint="fix page_url() in macros/engine/present/pages/site_pages.py"))
        names = macros.names()
        try:
            known = {*env.variables, *env.macros, *(page.meta or {}), *names}
            common.check_template(site, src, self.jinja, known)
            # what the theme's <head> and footer read (overrides/main.html)
            publication = self.publication.page_meta(src)
        except BriefingError as error:
            self._failed(error)
        common.register(env, names, lambda: site, lambda: src, self._failed)
        page.meta["publication"] = publication

    def _failed(self, error: BriefingError) -> str:
        self.errors.append(str(error))
        raise error


_current: Build | None = None  # Zensical keeps no object between pages: the build lives here


def define_env(env) -> None:
    global _current
    if _current is None or not _current.is_current(env.conf):
        _current = Build(env.conf)
    if _current.failure is not None:
        raise _current.failure
    _current.register(env)


def main(config: str = CONFIG) -> int:
    """Build with Zensical, then write the downloads; a mistake prints one message."""
    import zensical

    from macros.adapters import zensical as adapter  # the module Zensical's pages use (not __main__)

    try:
        zensical.build(str(Path(config).resolve()), {"clean": True, "strict": True})
    except RuntimeError as error:
        errors = adapter._current.errors if adapter._current else []
        if errors:
            print("\n".join(dict.fromkeys(errors)), file=sys.stderr)
        elif "--strict" in str(error):  # Zensical's own warnings, printed above, stopped it
            print(f"Build failed: {error}", file=sys.stderr)
        else:
            raise
        return 1
    with open(config, encoding="utf-8") as stream:
        site_dir = yaml.safe_load(stream)["site_dir"]
    build = adapter._current
    if build is None or build.site is None or build.publication is None:
        print("Zensical rendered no page: nothing to write the downloads from", file=sys.stderr)
        return 1
    try:
        build.publication.write_files(Path(site_dir))
    except BriefingError as error:
        print(error, file=sys.stderr)
        return 1
    if notice := address_notice(build.site):
        print(notice, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
