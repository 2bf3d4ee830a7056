"""What both adapters share: the template check before rendering, the line of a macro call
that failed, read from the generator's compiled Jinja template, the page template that tells
a failed expression as a page mistake, and the files written after the build."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

import jinja2
import jinja2.ext

from ..engine import errors
from ..engine.catalogue import told
from ..engine.errors import BriefingError
from ..engine.load.page_source import FRONT_MATTER
from ..engine.macro_table import macros
from ..engine.present.pages.frame import frame_markdown
from ..engine.present.pages.page_template import (
    parse_body,
    template_line,
    what_failed,
)
from ..engine.publication import Publication, address_notice
from ..engine.site import Site
from ..markdown.time_limit import PageTooSlowError

# The name under which each adapter gives pages its reporter of failed expressions.
EXPRESSION_FAILED = "_briefing_expression_failed"


def told_as_mistake(error: Exception, file: str | None) -> BriefingError:
    """Any failure while a page or the site is prepared, as one message (a BriefingError as
    it is): under `serve` it becomes the error page instead of stopping every rebuild."""
    if isinstance(error, BriefingError):
        return error
    if isinstance(error, PageTooSlowError):
        problem, hint = told("markdown-too-slow", seconds=error.seconds)
        return BriefingError(problem, file=file, hint=hint)
    detail = "it is nested too deeply" if isinstance(error, RecursionError) \
        else f"{type(error).__name__}: {str(error)[:200]}"
    problem, hint = told("build-failure", detail=detail)
    return BriefingError(problem, file=file, hint=hint)


class PageTemplate(jinja2.Template):
    """A page as both generators render it. An expression that fails while the page renders
    (`{{ 1/0 }}`, an attribute that does not exist: not a macro, whose mistakes the engine
    tells itself) goes to the adapter's reporter, so it is told with its page and line like
    any other mistake, not as the generator's traceback."""

    def render(self, *args, **kwargs) -> str:
        try:
            return super().render(*args, **kwargs)
        except BriefingError:
            raise
        except Exception as error:
            report = {**self.globals, **dict(*args, **kwargs)}.get(EXPRESSION_FAILED)
            if report is None:
                raise
            return report(error)


def expression_reporter(site_of: Callable[[], Site | None], page: Callable[[], str],
                        failed: Callable[[BriefingError], str]) -> Callable[[Exception], str]:
    """The reporter PageTemplate calls: the failure placed at its page and line, through
    the adapter's `failed` (as `macro` reports a macro's mistake)."""

    def report(error: Exception) -> str:
        site = site_of()
        if site is None:  # the build already failed (its message is kept)
            return ""
        lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
                 if frame.filename == "<template>"]
        problem, hint = told("template-expression", detail=what_failed(error))
        return failed(placed(BriefingError(problem, hint=hint), site, page(),
                             lines[-1] if lines else None))

    return report


class Frame(jinja2.ext.Extension):
    """Adds the site's frame to each page template (engine.present.pages.frame: the reporting
    date and the print list, as macro calls), and makes each page a PageTemplate. Both
    generators load it from the macros plugin's `j2_extensions` in mkdocs.yml."""

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        environment.template_class = PageTemplate

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        """A page gets the frame; an included file loses its front matter, which the page
        it is included in would otherwise show as text."""
        if name is None:
            return frame_markdown(source)
        front_matter = FRONT_MATTER.match(source.removeprefix("\ufeff"))
        return source.removeprefix("\ufeff")[front_matter.end():].lstrip("\n") \
            if front_matter else source


def placed(error: BriefingError, site: Site, src: str, body_line: int | None) -> BriefingError:
    """The error with its page and its line counted from the top of the file."""
    line = None if body_line is None else body_line + site.page_source(src).body_line
    return errors.placed(error, site.page_file(src), line)


def macro(site_of: Callable[[], Site], name: str, page: Callable[[], str],
          failed: Callable[[BriefingError], str]) -> Callable[..., str]:
    """The engine macro `name` as the generator's Jinja calls it. `page` gives the current
    page's source path; `failed` reports a placed error (and returns or raises)."""

    def call(*args, **kwargs):
        site, src = site_of(), page()
        if site is None:  # the build already failed (its message is kept)
            return ""
        try:
            return site.call(name, src, list(args), kwargs)
        except BriefingError as error:
            return failed(placed(error, site, src, template_line()))

    call.__name__ = name
    return call


def register(env, names: Iterable[str], site_of: Callable[[], Site | None],
             page: Callable[[], str], failed: Callable[[BriefingError], str]) -> None:
    """Give the generator's pages the engine macros `names` and the reporter PageTemplate
    calls, all bound to the same build (`env.macro` is both generators' registration)."""
    for name in names:
        env.macro(macro(site_of, name, page, failed), name)
    env.macro(expression_reporter(site_of, page, failed), EXPRESSION_FAILED)


def write_files(publication: Publication, site_dir: Path) -> None:
    """After the build: the downloads and publication files, then the one-line notice when
    they give addresses relative to the site's root."""
    publication.write_files(site_dir)
    if notice := address_notice(publication.site):
        print(notice, file=sys.stderr)


def check_template(site: Site, src: str, environment: jinja2.Environment,
                   known: Collection[str]) -> None:
    """Before rendering: links and code, syntax, and names that are neither macros nor
    variables, with lines."""
    site.checker.before(src)
    parse_body(site.page_source(src), environment, known, macros.names())
