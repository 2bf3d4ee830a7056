"""`mkdocs serve` (as `make serve` runs it) shows a mistake in the browser page, with its place
and How to fix, keeps serving, and shows the normal page again once the file is fixed: the
page open in the browser reloads by itself both times (live reload), no request hangs."""

from __future__ import annotations

import re

from tools.livereload import editable_figure, fetch, serving

TIMEOUT_MS = 90_000  # one rebuild on a busy machine takes a few seconds
ALIAS = "  test.alias: &r [*r]\n"


def _error_text(page) -> str:
    """The error block's text once the page shows one (read in the same step that finds it,
    so a reload in between cannot lose it)."""
    handle = page.wait_for_function(
        "() => document.querySelector('.briefing-error')?.innerText || null",
        timeout=TIMEOUT_MS)
    return handle.json_value()


def _recovered(page, label: str) -> None:
    """The page reloads to its normal content: no error block, the figure shown again. While
    the live reload replaces the document there may be no <article> yet; that is not yet."""
    page.wait_for_function(
        "label => !document.querySelector('.briefing-error')"
        " && !!document.querySelector('article')?.innerText.includes(label)",
        arg=label, timeout=TIMEOUT_MS)


def test_preview_shows_errors_and_recovers(browser, project_copy):
    key, url_path = editable_figure(project_copy)
    src = next(p for p in sorted((project_copy / "docs").rglob("*.md"))
               if f'fig("{key}")' in p.read_text(encoding="utf-8"))
    shown = src.relative_to(project_copy).as_posix()
    data = project_copy / "data" / "briefing.yml"
    good_data, good_page = data.read_text(encoding="utf-8"), src.read_text(encoding="utf-8")
    with serving(project_copy) as url:
        page = browser.new_page()
        try:
            page.goto(url + url_path, wait_until="domcontentloaded")
            text = page.inner_text("article")
            assert "briefing-error" not in page.content()
            # The label is in the figure's panel; a word of the visible page is enough to
            # recognise the normal page.
            marker = next(w for w in re.findall(r"[A-Za-z]{6,}", text))

            # 1. The data file: the whole site cannot be built, every page says why.
            broken = good_data.replace("\nfigures:\n", "\nfigures:\n" + ALIAS, 1)
            line = broken[:broken.index(ALIAS)].count("\n") + 1
            data.write_text(broken, encoding="utf-8")
            error = _error_text(page)
            assert f"data/briefing.yml:{line}: YAML anchors and aliases are not supported" in error
            assert "How to fix:" in error
            assert "anchors and aliases" in (fetch(url) or "")  # every page, not only this one
            data.write_text(good_data, encoding="utf-8")
            _recovered(page, marker)

            # 2. A page's macro call: that page says why, and names its own line.
            call = '{{ fig("campaign.no_such_key") }}'
            body = good_page.rstrip("\n") + "\n\nA broken call " + call + ".\n"
            call_line = body.count("\n")
            src.write_text(body, encoding="utf-8")
            error = _error_text(page)
            assert f"{shown}:{call_line}:" in error and "no_such_key" in error, error
            assert "How to fix:" in error
            assert f"{shown}:{call_line}:" in (fetch(url) or ""), "other pages do not name it"
            src.write_text(good_page, encoding="utf-8")
            _recovered(page, marker)

            # 3. An expression that fails while the page renders (not a macro's mistake).
            body = (good_page.rstrip("\n")
                    + "\n\nWorked out: {% if page.no_such_field.title %}shown{% endif %}.\n")
            src.write_text(body, encoding="utf-8")
            error = _error_text(page)
            assert (f"{shown}:{body.count(chr(10))}: this template expression could not be shown: "
                    "'no_such_field' does not exist there") in error, error
            assert "How to fix:" in error and "Traceback" not in error
            src.write_text(good_page, encoding="utf-8")
            _recovered(page, marker)

            # 4. A page that is not UTF-8 (MkDocs itself cannot read it).
            latin1 = good_page.encode("utf-8") + b"\nCaf\xe9 in Latin-1.\n"
            src.write_bytes(latin1)
            last = latin1.count(b"\n")  # the line that holds the Latin-1 byte
            error = _error_text(page)
            assert f"{shown}:{last}: page is not UTF-8 text" in error, error
            src.write_text(good_page, encoding="utf-8")
            _recovered(page, marker)
        finally:
            page.close()
