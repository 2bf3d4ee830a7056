"""Check the data file, the passages and every page without building the site: every mistake
`make build` stops on in the data, the settings and the pages (tests/test_check_parity.py
holds the two to the same catalogue of mistakes).

The settings and the nav come from mkdocs.yml; the pages are every Markdown file under its docs
folder. Making the `Site` checks the data, the passages against the articles, the pages' front
matter, prose rules and the figures no page shows. The nav must name files that exist and leave
no page out. Then each page is read as the generators read it: its links and template code, its
Jinja syntax and the names it reads, and then it is rendered, with the engine's macros, as the
build renders it, so a wrong key, argument or expression is told at its line; a link to a
heading that is not there is told last, once every page's anchors are known.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markdown.extensions.toc import slugify

from .catalogue import told
from .config import CONFIG_FILE, BriefingConfig
from .errors import BriefingError, placed
from .load.page_source import read_pages
from .macro_table import macros
from .present.pages.code import without_code
from .present.pages.page_template import parse_body, template_line, what_failed
from .present.pages.site_pages import pages_outside_nav, site_pages
from .settings_check import check_page_template, check_settings, written_settings
from .site import Site

# What the site generator gives every page besides the engine's macros (mkdocs-macros'
# variables and its own macros); `make check` gives them as Given, except `page` and `config`.
GENERATOR_NAMES = ("config", "environment", "plugin", "git", "page", "navigation", "files",
                   "context", "macros_info", "now", "fix_url")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
ATTRIBUTE_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}")
HTML_ID = re.compile(r"\bid=\"([^\"]+)\"")
ANCHOR_LINK = re.compile(r"\]\(\s*<?([^()\s<>#]*\.md)?#([^()\s<>]+?)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True)
class Settings:
    """What `make check` reads from mkdocs.yml."""

    config: BriefingConfig
    docs_dir: Path
    nav: list
    conf: dict = field(default_factory=dict)
    text: str = ""


def read_settings(project_dir: Path) -> Settings:
    """The engine's settings, the docs folder, the nav and mkdocs.yml itself (the defaults
    without it)."""
    path = project_dir / CONFIG_FILE
    if not path.is_file():
        return Settings(BriefingConfig(), project_dir / "docs", [])
    text = path.read_text(encoding="utf-8")
    conf = written_settings(text)
    return Settings(BriefingConfig.from_extra(conf.get("extra"), text),
                    project_dir / conf.get("docs_dir", "docs"), conf.get("nav") or [], conf, text)


def site_settings(project_dir: Path) -> tuple[BriefingConfig, Path, list]:
    """The engine's settings, the docs folder and the nav, from mkdocs.yml."""
    settings = read_settings(project_dir)
    return settings.config, settings.docs_dir, settings.nav


class Given:
    """Something the generator gives a page that `make check` does not know: defined, and
    blank whatever is read from it."""

    def __getattr__(self, name: str) -> Given:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> Given:
        return self

    def __call__(self, *args: object, **kwargs: object) -> Given:
        return self

    def __iter__(self):
        return iter(())

    def __str__(self) -> str:
        return ""


@dataclass
class PageStandIn:
    """`page` as templates read it under MkDocs, from what `make check` knows of the page; an
    attribute MkDocs' page does not have fails as it fails in the build."""

    title: str
    url: str
    meta: dict
    file: dict
    is_homepage: bool
    abs_url: str | None = None
    canonical_url: str | None = None
    edit_url: str | None = None
    previous_page: object = None
    next_page: object = None
    parent: object = None
    children: object = None
    ancestors: tuple = ()
    toc: tuple = ()
    content: str | None = None
    markdown: str | None = None
    is_index: bool = False
    is_page: bool = True
    is_section: bool = False
    is_link: bool = False
    active: bool = False


class PageCheck:
    """One page rendered as the build renders it, collecting its mistakes with their lines."""

    def __init__(self, site: Site, settings: Settings, src: str) -> None:
        self.site, self.src = site, src
        self.page = site.page_source(src)
        self.errors: list[BriefingError] = []
        info = site.usage.pages[src]
        extra = dict(settings.conf.get("extra") or {})
        self.context = {
            **{name: Given() for name in GENERATOR_NAMES},
            **extra, "config": settings.conf,
            "page": PageStandIn(info.title, info.url, dict(self.page.meta),
                                {"src_path": src, "src_uri": src, "url": info.url}, src == "index.md"),
            **{name: self._macro(name) for name in macros.names()}}
        self.known = {*self.context, *self.page.meta}
        self.callable = set(macros.names())   # and names told as unknown, then blank

    def _macro(self, name: str):
        def call(*args, **kwargs):
            try:
                return self.site.call(name, self.src, list(args), kwargs)
            except BriefingError as error:
                line = template_line()
                self.errors.append(placed(error, self.page.display,
                                          None if line is None else line + self.page.body_line))
                return ""
        return call

    def run(self) -> str:
        """The rendered Markdown ('' when a mistake stopped it)."""
        try:
            self.site.checker.links_and_code(self.src)   # the page still renders
        except BriefingError as error:
            self.errors.append(error)
        try:   # as the build, nothing renders template code that must not run
            self.site.checker.expressions(self.src)
        except BriefingError as error:
            self.errors.append(error)
            return ""
        while True:   # each unknown name told, then read as blank, so the page still renders
            try:
                parse_body(self.page, ENVIRONMENT, self.known, self.callable)
                break
            except BriefingError as error:
                self.errors.append(error)
                if error.key is None:   # a syntax error: nothing more can be read
                    return ""
                self.known.add(error.key)
                self.callable.add(error.key)
                self.context[error.key] = blank
        try:
            rendered = pages_environment(self.site).from_string(self.page.body).render(self.context)
        except BriefingError as error:
            self.errors.append(error)
            return ""
        except Exception as error:  # noqa: BLE001 (an expression's failure, told as the build tells it)
            lines = [f.lineno for f in traceback.extract_tb(error.__traceback__)
                     if f.filename == "<template>"]
            problem, hint = told("template-expression", detail=what_failed(error))
            self.errors.append(BriefingError(
                problem, hint=hint, file=self.page.display,
                line=lines[-1] + self.page.body_line if lines else None))
            return ""
        if not self.errors:   # leftover template syntax, as the build checks the page last
            try:
                self.site.checker.after(rendered, self.src)
            except BriefingError as error:
                self.errors.append(error)
        return rendered


def blank(*args, **kwargs) -> str:
    """What a name already told as unknown renders as, so the rest of the page is checked."""
    return ""


# As mkdocs-macros sets up its Jinja (`on_undefined: strict` in mkdocs.yml).
ENVIRONMENT = jinja2.Environment(undefined=jinja2.StrictUndefined)


def pages_environment(site: Site) -> jinja2.Environment:
    """ENVIRONMENT with the site's pages to include, each without its front matter, as the
    generators include them."""
    def body(name: str) -> str | None:
        return site.page_source(name).body if name in site.sources else None
    return ENVIRONMENT.overlay(loader=jinja2.FunctionLoader(body))


def anchors_of(rendered: str) -> set[str]:
    """The anchors a rendered page offers: its headings' slugs, {#id} attributes, HTML ids."""
    plain = without_code(rendered)
    headings = {slugify(re.sub(r"\[([^\]]*)\]\([^)]*\)|\{[^}]*\}|[*_`]", r"\1", h).strip(), "-")
                for h in HEADING.findall(plain)}
    return headings | set(ATTRIBUTE_ID.findall(plain)) | set(HTML_ID.findall(rendered))


def anchor_errors(site: Site, anchors: dict[str, set[str]]) -> list[BriefingError]:
    """Links to a heading or anchor that the page linked to does not have."""
    found = []
    for src in anchors:
        page = site.page_source(src)
        text = without_code(page.text)
        for match in ANCHOR_LINK.finditer(text):
            target, anchor = match.group(1), match.group(2)
            resolved = (Path(src).parent / target).as_posix().removeprefix("./") if target else src
            if resolved not in anchors or anchor in anchors[resolved]:
                continue
            problem, hint = told("no-such-anchor", target=f"{target or ''}#{anchor}",
                                 page=resolved, anchor=anchor)
            found.append(BriefingError(problem, hint=hint, file=page.display,
                                       line=text.count("\n", 0, match.start()) + 1,
                                       key=f"{target or ''}#{anchor}"))
    return found


def check_site(project_dir: Path) -> tuple[Site, list[BriefingError]]:
    """The checked site and the mistakes in its pages; a mistake in the data, the settings or
    the nav raises (nothing else can be checked without them)."""
    settings = read_settings(project_dir)
    theme = settings.conf.get("theme") if isinstance(settings.conf.get("theme"), dict) else {}
    check_settings(project_dir, {CONFIG_FILE: settings.text}, settings.conf, settings.config,
                   settings.docs_dir, theme.get("custom_dir"))
    pages = site_pages(settings.docs_dir, settings.nav)
    site = Site(project_dir, settings.docs_dir, settings.config, pages,
                read_pages(settings.docs_dir, pages))
    errors = pages_outside_nav(settings.docs_dir, settings.nav,
                               str(settings.conf.get("not_in_nav") or ""))
    anchors = {}
    custom_dir = theme.get("custom_dir")
    for src in site.usage.pages:
        page = site.page_source(src)
        try:
            check_page_template(page.meta, page.text, page.display,
                                project_dir / custom_dir if custom_dir else None)
        except BriefingError as error:
            errors.append(error)
        check = PageCheck(site, settings, src)
        anchors[src] = anchors_of(check.run())
        errors.extend(check.errors)
    if not errors:
        errors.extend(anchor_errors(site, anchors))
    return site, errors
