"""The engine's front door: one object per build, holding data, usage and page macros."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .errors import BriefingError
from .load.cache import load_briefing
from .load.yaml_source import data_path
from .pages.links import check_links
from .pages.rules import check_figures_used, check_front_matter, check_prose
from .pages.templates import check_template, expand_literal_calls, leftover_template
from .pages.usage import QUOTED, Usage, front_matter_lines, scan_pages
from .present import charts, datapackage, generated
from .present.exports import write_downloads
from .present.html import PageRenderer

DEFAULT_DATA_FILE = "data/briefing.yml"
_BUTTON_CALLS = re.compile(r"\{\{-?\s*(?:fig|cards)\s*\(.*?\}\}", re.S)
_TITLE = re.compile(r"^#\s+.*$", re.M)
_CALLS_AS_OF = re.compile(r"\{\{-?\s*reporting_as_of\s*\(")


def frame_markdown(markdown: str, print_list: bool = True) -> str:
    """Every page's frame, as macro calls added to its Markdown: the reporting date at the start
    of the line after the title (or of the first line), and the print list at the very end.

    No line is added before or between the page's own lines, so messages keep their line
    numbers, and any generator that renders the page's macros renders these too (the print
    list last, after every figure the page shows). A page that calls reporting_as_of() itself
    places the date where it wants.
    """
    if not _CALLS_AS_OF.search(markdown):
        title = _TITLE.search(markdown)
        at = markdown.find("\n", title.end()) + 1 if title and "\n" in markdown[title.end():] else 0
        if title and at == 0:
            markdown += "\n"
            at = len(markdown)
        markdown = f"{markdown[:at]}{{{{ reporting_as_of() }}}}{markdown[at:]}"
    return markdown + "\n{{ print_list() }}" if print_list else markdown


def frame_page(expanded: str, markdown: str, renderer: PageRenderer) -> str:
    """After the literal calls are expanded: the print list, now if nothing is left for Jinja,
    else as a call Jinja renders after the rest."""
    if any(marker in expanded for marker in ("{{", "{%")):
        return expanded + "\n\n{{ print_list() }}\n"
    return expanded + generated.print_list(renderer)


class Site:
    """Everything one build needs: the checked data and which pages use what."""

    def __init__(self, project_dir: Path, docs_dir: Path, data_file: str = DEFAULT_DATA_FILE,
                 site_url: str = ""):
        self.docs_dir = docs_dir
        self.project_dir = project_dir
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.briefing = load_briefing(data_path(project_dir, data_file), data_file,
                                      project_dir)   # checked data, cached by content
        self.usage: Usage = scan_pages(docs_dir)
        self._anchored: dict[str, set[str]] | None = None
        self._renderers: dict[str, PageRenderer] = {}
        self._check_keys_in_pages()
        self._add_generated_keys()
        check_front_matter(docs_dir, list(self.usage.pages))  # the guide's rules for pages
        check_prose(docs_dir, list(self.usage.pages))
        check_figures_used(self.briefing, self.usage)

    def _check_keys_in_pages(self) -> None:
        """Every key a page quotes must exist; the error names the page and its line."""
        claims = getattr(self.briefing, "claims", {})
        for src, keys in self.usage.keys_by_page.items():
            for key in keys:
                if key in claims:  # cite("claim.key"): cite() checks it when it renders
                    continue
                try:
                    self.briefing.figure(key)
                except BriefingError as error:
                    raise BriefingError(error.problem, file=f"{self.docs_dir.name}/{src}",
                                        line=self._line_in_page(src, key),
                                        key=key, hint=error.hint) from None

    def _generated_keys(self) -> dict[str, list[str]]:
        """The figures each whole-section generator shows, as buttons with panels."""
        b = self.briefing
        conflict_keys = [k for c in b.conflicts.values() for k in c.figures]
        return {
            "timeline": [k for k, f in b.figures.items() if f.kind == "date"],
            "conflicts_list": conflict_keys,
            "conflict": conflict_keys,
            "open_questions": [k for q in getattr(b, "open_questions", {}).values()
                               for k in q.figures],
            "corrections_list": [c.figure for c in getattr(b, "corrections", ())],
        }

    def _add_generated_keys(self) -> None:
        """Count figures shown by whole-page generators (timeline, conflicts...) as used there."""
        shown_by = self._generated_keys()
        for src, called in self.usage.macros_by_page.items():
            keys = self.usage.keys_by_page[src]
            seen = set(keys)
            for generator in sorted(called & shown_by.keys()):
                for k in shown_by[generator]:
                    if k not in seen:
                        seen.add(k)
                        keys.append(k)

    def anchored_keys(self) -> dict[str, set[str]]:
        """Per page URL, the figures it shows as a button with the id the appendix links back
        to (fig(), cards() and the generators); figures only drawn in a chart have none."""
        if self._anchored is None:
            shown_by = self._generated_keys()
            self._anchored = {}
            for src, info in self.usage.pages.items():
                text = (self.docs_dir / src).read_text(encoding="utf-8")
                keys = {k for block in _BUTTON_CALLS.findall(text) for _, k in QUOTED.findall(block)}
                for generator in self.usage.macros_by_page[src] & shown_by.keys():
                    keys.update(shown_by[generator])
                self._anchored[info.url] = keys
        return self._anchored

    def _line_in_page(self, src: str, key: str) -> int | None:
        text = (self.docs_dir / src).read_text(encoding="utf-8")
        quoted = re.search(rf"""(["']){re.escape(key)}\1""", text)
        index = quoted.start() if quoted else text.find(key)
        return text.count("\n", 0, index) + 1 if index >= 0 else None

    def macros(self, page_url: str,
               renderer: PageRenderer | None = None) -> dict[str, Callable[..., str]]:
        """The page macros, bound to one page (links are relative to it)."""
        r = renderer or self._renderers.get(page_url) or PageRenderer(self.briefing, page_url)
        return {
            "fig": r.fig, "value": r.value, "short": r.short, "asof": r.asof, "cite": r.cite,
            "source": r.source,
            "cards": partial(generated.cards, r),
            "timeline": partial(generated.timeline, r),
            "sources_list": partial(generated.sources_list, r),
            "figures_appendix": partial(generated.figures_appendix, r, self.usage,
                                        self.anchored_keys, getattr(self, "site_url", "")),
            "conflict": partial(generated.conflict, r),
            "conflicts_list": partial(generated.conflicts_list, r),
            "glossary": partial(generated.glossary, r),
            "open_questions": partial(generated.open_questions, r),
            "corrections_list": partial(generated.corrections_list, r),
            "reporting_as_of": partial(generated.reporting_as_of, r),
            "downloads": partial(generated.downloads, r),
            "data_dictionary": partial(datapackage.data_dictionary, r, self.site_url),
            "bar_chart": partial(charts.bar_chart, r),
            "price_chart": partial(charts.price_chart, r),
            "share_chart": partial(charts.share_chart, r),
            "timeline_chart": partial(charts.timeline_chart, r),
            "print_list": partial(generated.print_list, r),
        }

    def prepare_page(self, markdown: str, page: str, page_url: str, jinja_env,
                     known_names: set[str]) -> str:
        """Check links, expand literal macro calls, then check what is left for Jinja.

        Every page also gets the reporting date under its title and, for print, the list of
        the figures and source notes it showed (see frame_page).
        """
        try:
            check_links(markdown, page, self.usage.pages)
            markdown = frame_markdown(markdown, print_list=False)
            # One renderer per page, shared with the macros Jinja calls later on this page, so
            # popover ids stay unique and the print list sees every figure shown.
            renderer = self._renderers[page_url] = PageRenderer(self.briefing, page_url)
            expanded = expand_literal_calls(markdown, page, self.macros(page_url, renderer))
            if any(marker in expanded for marker in ("{{", "{%", "{#")):
                check_template(markdown, page, jinja_env, known_names)
        except BriefingError as error:
            raise self._in_source_lines(error) from None
        return frame_page(expanded, markdown, renderer)

    def _in_source_lines(self, error: BriefingError) -> BriefingError:
        """Count lines from the top of the file, front matter included."""
        if error.line is None or not error.file:
            return error
        src = error.file.split("/", 1)[-1]
        offset = front_matter_lines((self.docs_dir / src).read_text(encoding="utf-8"))
        return BriefingError(error.problem, file=error.file, line=error.line + offset,
                             key=error.key, hint=error.hint)

    def check_rendered(self, markdown: str, page: str) -> None:
        try:
            leftover_template(markdown, page)
        except BriefingError as error:
            raise self._in_source_lines(error) from None

    def write_downloads(self, site_dir: Path) -> list[Path]:
        return write_downloads(self.briefing, site_dir, self.site_url, self.project_dir)
