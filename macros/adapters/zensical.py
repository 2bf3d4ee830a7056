"""The Zensical adapter. Zensical's macros extension (`zensical.extensions.macros`, fed from the
`macros` plugin entry of mkdocs.yml) runs macros/__init__.py for every page and calls only
define_env: there are no build hooks. So the build's one `Build` is kept in the build's
configuration (`env.conf`, the one object Zensical keeps for a whole build and hands to every
page), replaced when a page or the data changes, and `python -m macros.adapters.zensical`
(`make build-zensical`) runs Zensical's build, then does what a post-build hook would: writes
the downloads and tells a mistake as one message, without Zensical's traceback.

The build is published like MkDocs' (publish.py): into a folder of its own, through a settings
file that inherits the given one and sets only that folder, renamed into the output folder
(the given file's own `site_dir:`, never MkDocs' site/) when it succeeded."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml

from ..engine.catalogue import told
from ..engine.config import BriefingConfig, setting_line
from ..engine.errors import BriefingError
from ..engine.load.page_source import read_pages
from ..engine.macro_table import macros
from ..engine.present.pages.site_pages import site_pages
from ..engine.publication import Publication, Publisher
from ..engine.settings_check import check_page_template, check_settings, written_settings
from ..engine.site import Site
from . import common
from .publish import check_target, publish

CONFIG = "mkdocs.zensical.yml"


class Build:
    """One Zensical build: the engine's Site for the inputs it was made from, and its errors."""

    def __init__(self, conf: dict) -> None:
        self.root = Path(conf.get("root_dir", ".")).resolve()
        self.docs_dir = self.root / conf.get("docs_dir", "docs")
        extra = conf.get("extra")
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
            config = BriefingConfig.from_extra(extra, text)
            check_settings(self.root, {settings.name: text}, written_settings(text), config,
                           self.docs_dir, (conf.get("theme") or {}).get("custom_dir"))
            publisher = Publisher.from_extra(extra)
            self.site = Site(self.root, self.docs_dir, config, self.pages,
                             read_pages(self.docs_dir, self.pages), conf.get("site_url") or "",
                             links_from_source=True)
            self.publication = Publication(self.site, publisher)
        except BriefingError as error:
            self.failure = error
            self.errors.append(str(error))

    def _stamp(self) -> tuple:
        files = [*self.root.glob("data/*"), *(self.docs_dir / src for src in self.pages)]
        return tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in files)

    def is_current(self) -> bool:
        """False once the data file or a page changed (under `zensical serve`): a new Build
        is made."""
        return self._stamp() == self.stamp

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
            # Zensical's theme serves templates of its own: only the name's shape is checked
            check_page_template(page.meta or {}, site.page_source(src).text,
                                site.page_file(src), None)
            common.check_template(site, src, self.jinja, known)
            # what the theme's <head> and footer read (overrides/main.html)
            page.meta["publication"] = self.publication.page_meta(src)
        except Exception as error:  # noqa: BLE001 (told as the page's mistake)
            self._failed(common.told_as_mistake(error, site.page_file(src)))
        common.register(env, names, lambda: site, lambda: src, self._failed)

    def _failed(self, error: BriefingError) -> str:
        self.errors.append(str(error))
        raise error


BUILD = "briefing_build"  # the key of the build's Build in Zensical's configuration


def define_env(env) -> None:
    build = env.conf.get(BUILD)
    if build is None or not build.is_current():
        build = env.conf[BUILD] = Build(env.conf)
    if build.failure is not None:
        raise build.failure
    build.register(env)


def main(config: str = CONFIG) -> int:
    """Build with Zensical into the output folder, then write the downloads; a mistake prints
    one message and keeps the previous output folder."""
    settings = Path(config).resolve()
    try:
        target = settings.parent / output_folder(settings)
        check_before_build(settings)
        check_target(target)
    except BriefingError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        done = publish(target, lambda folder: build_into(settings, folder))
    except KeyboardInterrupt:
        done = False
    if not done:
        print(f"Build failed: the previous {target.name}/ is unchanged.", file=sys.stderr)
        return 1
    print(f"Site written to {target.name}/")
    return 0


def output_folder(settings: Path) -> str:
    """The `site_dir:` the settings file itself sets, which must not be MkDocs' output folder
    (without it, Zensical would build into site/ and replace MkDocs' site)."""
    text = settings.read_text(encoding="utf-8") if settings.is_file() else ""
    written = yaml.load(text, Loader=yaml.BaseLoader) if text.strip() else {}
    folder = written.get("site_dir") if isinstance(written, dict) else None
    path = Path(folder.strip()) if isinstance(folder, str) else None
    if path is None or path.is_absolute() or ".." in path.parts or path.name in ("", ".") \
            or (settings.parent / path).resolve() == (settings.parent / "site").resolve():
        problem, hint = told("zensical-site-dir", written="not set" if folder is None
                             else f"'{folder}'", file=settings.name)
        raise BriefingError(problem, file=settings.name, key="site_dir",
                            line=setting_line(text, "site_dir"), hint=hint)
    return folder.strip()


def check_before_build(settings: Path) -> None:
    """What Zensical reads is the project's own (engine.load.project_files), checked before it
    reads any file: Zensical's own settings check, then the folders it publishes from."""
    from zensical.config import ConfigurationError, parse_config

    try:
        conf = parse_config(str(settings))
    except ConfigurationError as error:
        raise BriefingError(error.format_message(), file=settings.name) from None
    root = Path(conf["root_dir"]).resolve()
    mkdocs_yml = root / "mkdocs.yml"
    texts = {path.name: path.read_text(encoding="utf-8")
             for path in (settings, mkdocs_yml) if path.is_file()}
    config = BriefingConfig.from_extra(conf.get("extra"), texts.get("mkdocs.yml", ""))
    check_settings(root, texts, written_settings(texts.get("mkdocs.yml", "")), config,
                   Path(conf["docs_dir"]), (conf.get("theme") or {}).get("custom_dir"))


def build_into(settings: Path, folder: Path) -> bool:
    """Zensical's strict build into `folder` (inside the project, as Zensical requires), then
    the downloads; False, with the message printed, when it failed."""
    import zensical
    from zensical.config import get_config

    for stale in settings.parent.glob(".zensical-build-*.yml"):  # a killed build's (locked)
        stale.unlink(missing_ok=True)
    redirected = settings.parent / f".zensical-build-{folder.name}.yml"
    redirected.write_text(f"INHERIT: {settings.name}\nsite_dir: {folder.name}\n",
                          encoding="utf-8")
    try:
        zensical.build(str(redirected), {"clean": True, "strict": True})
    except RuntimeError as error:
        build = (get_config() or {}).get(BUILD)
        errors = build.errors if build else []
        if errors:
            print("\n".join(dict.fromkeys(errors)), file=sys.stderr)
        elif "--strict" in str(error):  # Zensical's own warnings, printed above, stopped it
            print(f"Build failed: {error}", file=sys.stderr)
        else:
            print(f"Zensical stopped: {error}", file=sys.stderr)
        return False
    finally:
        redirected.unlink(missing_ok=True)
    build = (get_config() or {}).get(BUILD)
    if build is None or build.site is None or build.publication is None:
        print("Zensical rendered no page: nothing to write the downloads from", file=sys.stderr)
        return False
    try:  # what a post-page hook would check: each page showed what it was counted for
        for src in build.site.usage.pages:
            build.site.check_rendered(src)
        common.write_files(build.publication, folder)
    except BriefingError as error:
        print(error, file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
