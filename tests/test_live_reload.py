"""`mkdocs serve --livereload` rebuilds when the data file changes and the served page shows the
new figure (Click releases once turned live reload off by default); any failure while a page is
built shows as that page's error page, and the page comes back once the file is fixed.

Failures found at the same stage of a build are made in different pages at once, so one rebuild
shows them all and one more shows every page recovered; a front matter mistake stops the site
before any page is checked, so it gets a rebuild of its own."""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest

from conftest import build
from macros.engine.present.pages.site_pages import page_url
from tools.livereload import editable_figure, fetch, serving, time_edit_to_view, wait_for

TIMEOUT = 120.0


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


# Failures that are not the engine's own mistakes, which once stopped every rebuild and left
# page requests hanging until the file was fixed: (what to replace, with what, the message
# after the page's name, given the page's text), in groups that one build tells together.
BREAKAGES = [[
    ("\n# ", "\n{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}\n\n# ",
     lambda text: f":{line_of(text, chr(10) + '# ') + 1}: this template code is too large to "
                  "check: it is nested too deeply"),
    ("\n# ", "\n" + "".join("  " * depth + "- a\n" for depth in range(600)) + "\n# ",
     lambda text: f":{line_of(text, chr(10) + '# ') + 51}: this Markdown is too large to "
                  "convert: a line starts 102 columns in")], [
    ("\n# ", "\nTerm\n" + "Term\n: a definition\n" * 2500 + "\n# ",
     lambda text: ": this could not be built: it is nested too deeply")], [
    ("\ntitle: ", "\nhide: 5\nsearch: 5\ntitle: ",
     lambda text: f":{line_of(text, chr(10) + 'title: ') + 1}: hide: 'hide' holds 5, but the "
                  "theme reads it as a list of names")], [
    ("\ntitle: ", "\ntemplate: no-such.html\ntitle: ",
     lambda text: f":{line_of(text, chr(10) + 'title: ') + 1}: template: the theme has no page "
                  "template 'no-such.html'")],
]


def break_pages(project: Path, group: list) -> dict[Path, tuple[str, str]]:
    """Each failure of a group in a page of its own: {page file: (its good text, the message
    it gives)}."""
    docs = project / "docs"
    pages = [p for p in sorted(docs.glob("*.md")) if p.name != "index.md"
             and "\n# " in p.read_text(encoding="utf-8")][: len(group)]
    broken = {}
    for path, (old, new, message) in zip(pages, group, strict=True):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        broken[path] = (text, f"{path.relative_to(project).as_posix()}{message(text)}")
    return broken


def test_the_preview_shows_each_failure_in_its_page_recovers_and_follows_the_data(project_copy):
    docs = project_copy / "docs"
    _key, figure_page = editable_figure(project_copy)
    with serving(project_copy) as url:
        before = fetch(url + figure_page)
        assert before and "livereload" in before, "the live-reload script is not injected"

        def address(path: Path) -> str:
            return url + page_url(path.relative_to(docs).as_posix())

        for group in BREAKAGES:
            broken = break_pages(project_copy, group)
            for path, (_good, message) in broken.items():
                wait_for(lambda path=path, message=message:
                         message in html.unescape(fetch(address(path)) or ""),
                         TIMEOUT, f"the error page saying {message!r}")
            started = time.monotonic()
            assert "briefing-error" in (fetch(address(next(iter(broken)))) or "")
            assert time.monotonic() - started < 2
            for path, (good, _message) in broken.items():
                path.write_text(good, encoding="utf-8")
            for path in broken:
                wait_for(lambda path=path: "briefing-error" not in (fetch(address(path))
                                                                    or "briefing-error"),
                         TIMEOUT, f"{path.name}, fixed")
        _, new_text = time_edit_to_view(project_copy, url, TIMEOUT)
        assert new_text not in before


@pytest.mark.parametrize("breakage", [b for group in BREAKAGES for b in group],
                         ids=lambda b: b[1][:12].strip())
def test_the_same_failures_end_a_build_with_one_message(project_copy, breakage):
    """A strict build stops at a page Markdown cannot convert: one failure per build."""
    broken = break_pages(project_copy, [breakage])
    result = build(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.output, result.output
    for _good, message in broken.values():
        assert message.partition(": ")[2] in result.output, (message, result.output)
