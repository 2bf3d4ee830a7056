"""`mkdocs serve --livereload` rebuilds when the data file changes and the served page shows the
new figure (Click releases once turned live reload off by default); any failure while a page is
built shows as the error page, and the page comes back once the file is fixed."""

from __future__ import annotations

import html
import time

from conftest import build
from tools.livereload import editable_figure, fetch, serving, time_edit_to_view, wait_for

TIMEOUT = 120.0


def test_served_page_shows_an_edited_figure(project_copy):
    _key, page = editable_figure(project_copy)
    with serving(project_copy) as url:
        before = fetch(url + page)
        assert before and "livereload" in before, "the live-reload script is not injected"
        _, new_text = time_edit_to_view(project_copy, url, TIMEOUT)
        assert new_text not in before
        assert new_text in fetch(url + page)


def edit_page(project, page: str, old: str, new: str) -> None:
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Failures that are not the engine's own mistakes, which once stopped every rebuild and left
# page requests hanging until the file was fixed.
BREAKAGES = [
    ("\n# ", "\n{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}\n\n# ",
     "docs/about.md:6: this template code is too large to check: it is nested too deeply"),
    ("\n# ", "\n" + "".join("  " * depth + "- a\n" for depth in range(600)) + "\n# ",
     "docs/about.md:56: this Markdown is too large to convert: a line starts 102 columns in"),
    ("\n# ", "\nTerm\n" + "Term\n: a definition\n" * 2500 + "\n# ",
     "docs/about.md: this could not be built: it is nested too deeply"),
    ("title: About", "title: About\nhide: 5\nsearch: 5",
     "docs/about.md:3: hide: 'hide' holds 5, but the theme reads it as a list of names"),
    ("title: About", "template: no-such.html\ntitle: About",
     "docs/about.md:2: template: the theme has no page template 'no-such.html'"),
]


def test_any_failure_becomes_the_error_page_and_recovers(project_copy):
    original = (project_copy / "docs" / "about.md").read_text(encoding="utf-8")
    with serving(project_copy) as url:
        page = url + "about/"
        good = fetch(page)
        assert good and "briefing-error" not in good
        for old, new, message in BREAKAGES:
            edit_page(project_copy, "about.md", old, new)
            wait_for(lambda message=message: message in html.unescape(fetch(page) or ""),
                     TIMEOUT, f"the error page saying {message!r}")
            started = time.monotonic()
            assert "briefing-error" in (fetch(page) or "")
            assert time.monotonic() - started < 2
            (project_copy / "docs" / "about.md").write_text(original, encoding="utf-8")
            wait_for(lambda: "briefing-error" not in (fetch(page) or "briefing-error"),
                     TIMEOUT, "the page, fixed")


def test_the_same_failures_end_a_build_with_one_message(project_copy):
    for old, new, message in BREAKAGES:
        original = (project_copy / "docs" / "about.md").read_text(encoding="utf-8")
        edit_page(project_copy, "about.md", old, new)
        result = build(project_copy)
        assert result.returncode == 1
        assert "Traceback" not in result.output, result.output
        assert message.partition(": ")[2] in result.output
        (project_copy / "docs" / "about.md").write_text(original, encoding="utf-8")
