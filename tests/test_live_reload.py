"""`mkdocs serve --livereload` rebuilds when the data file changes and the served page shows the
new figure (Click releases once turned live reload off by default: mkdocs issue 4032)."""

from __future__ import annotations

from tools.livereload import editable_figure, fetch, serving, time_edit_to_view

TIMEOUT = 120.0


def test_served_page_shows_an_edited_figure(project_copy):
    _key, page = editable_figure(project_copy)
    with serving(project_copy) as url:
        before = fetch(url + page)
        assert before and "livereload" in before, "the live-reload script is not injected"
        _, new_text = time_edit_to_view(project_copy, url, TIMEOUT)
        assert new_text not in before
        assert new_text in fetch(url + page)
