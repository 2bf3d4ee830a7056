"""The last classes of bad input that once hung a build or published what is not the site's own:
Markdown Python-Markdown takes hours over, a redirect that replaces a page on a disk that
ignores case, an extension reading files from outside docs/, a link or named pipe added to
docs/ while `make serve` runs. Each gives one message naming the file, line and key with How to
fix; the engine's checks are tested in-process."""

from __future__ import annotations

import html
import os
import threading
import time
from pathlib import Path

import markdown
import markdown.treeprocessors
import pytest

from conftest import build
from macros.adapters.common import told_as_mistake
from macros.adapters.preview_pages import stand_in_pages
from macros.engine.errors import BriefingError
from macros.engine.load.page_source import parse_page
from macros.engine.present.pages.checker import PageChecker
from macros.engine.settings_check import check_config_file, check_redirects
from macros.engine.site_check import check_site
from macros.markdown import time_limit
from tools.livereload import fetch, serving, wait_for

FRONT = "---\ntitle: Page\ndescription: A page long enough to pass the description rule.\n---\n\n"
LINE = 8   # the line of the markdown below in the page
BOUND_FIX = ("How to fix: close each link's brackets and keep nesting shallow: at most 200 '[' "
             "in one paragraph, and no line more than 100 columns in")


def checked(markdown_text: str) -> None:
    page = parse_page(FRONT + "Some prose.\n\n" + markdown_text + "\n", "docs/page.md")
    PageChecker({"page.md": page}, ["page.md"]).before("page.md")


def refused(markdown_text: str) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        checked(markdown_text)
    return caught.value


# ---------------------------------------------------------------- Markdown too slow to convert

@pytest.mark.parametrize(("markdown_text", "detail"), [
    ("[" * 20000, "a paragraph with 20000 '[' (more than 200)"),
    ("[a" * 5000, "a paragraph with 5000 '[' (more than 200)"),
    ("![" * 3000, "a paragraph with 3000 '[' (more than 200)"),
    ("[a](\n" * 300, "a paragraph with 300 '[' (more than 200)"),
    ("[^a] " * 250, "a paragraph with 250 '[' (more than 200)"),
    ("Text\n" + ">" * 150 + " quoted", "a line starts 151 columns in"),
    ("".join("  " * depth + "- item\n" for depth in range(600)), "a line starts 102 columns in"),
    ("> - " * 40 + "item", "a line starts 160 columns in"),
    ("\t" * 40 + "deep", "a line starts 160 columns in"),
])
def test_markdown_too_slow_to_convert_is_told_with_its_line(markdown_text, detail):
    error = refused(markdown_text)
    assert error.problem.startswith(f"this Markdown is too large to convert: {detail}")
    assert error.file == "docs/page.md"
    first = 1 if detail.startswith("a paragraph") else 0
    assert LINE <= error.line <= LINE + max(first, markdown_text.count("\n"))
    assert f"\n  {BOUND_FIX}" in str(error)


@pytest.mark.parametrize("markdown_text", [
    "```\n" + "[" * 5000 + "\n" + " " * 300 + "code\n```",      # code is not Markdown
    "`" + "[" * 500 + "`",
    '{{ fig("' + "[" * 300 + '") }}',                             # template code is replaced
    "{% raw %}\n" + "[" * 500 + "\n{% endraw %}",
    ("[a](b.md) " * 100 + "\n\n") * 20,                          # many links, few per paragraph
    "".join("  " * depth + "- item\n" for depth in range(40)),
])
def test_ordinary_markdown_passes(markdown_text):
    page = parse_page(FRONT + markdown_text + "\n", "docs/page.md")
    PageChecker({"page.md": page, "b.md": page}, ["page.md", "b.md"]).before("page.md")


def test_check_and_build_tell_the_bound_at_once(project_copy):
    path = project_copy / "docs" / "about.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + "[" * 20000 + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    _, errors = check_site(project_copy)
    assert [str(e).partition("\n")[0] for e in errors] == [
        f"docs/about.md:{line}: this Markdown is too large to convert: a paragraph with 20000 "
        "'[' (more than 200)"]
    started = time.monotonic()
    result = build(project_copy)
    assert time.monotonic() - started < 60
    assert result.returncode == 1 and "Traceback" not in result.output
    assert result.output.count("How to fix:") == 1
    assert f"ERROR   -  {errors[0]}" in result.output


SLOW = "# Same title\n" * 40000   # Python-Markdown's toc numbers equal titles in squared time


def convert(text: str, with_limit: bool = True) -> str:
    extensions = ["toc", time_limit.TimeLimitExtension()] if with_limit else ["toc"]
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize("where", ["main thread", "a rebuild's thread"])
def test_a_page_slower_than_the_time_limit_ends_with_a_message(monkeypatch, where):
    monkeypatch.setattr(time_limit, "SECONDS", 0.5)
    outcome = {}

    def run():
        started = time.monotonic()
        try:
            convert(SLOW)
        except time_limit.PageTooSlowError as error:
            outcome["error"] = error
        outcome["seconds"] = time.monotonic() - started

    if where == "main thread":
        run()
    else:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    assert "error" in outcome and outcome["seconds"] < 20, outcome
    told = told_as_mistake(outcome["error"], "docs/about.md")
    assert str(told).startswith("docs/about.md: this page could not be converted to HTML "
                                "within 0.5 seconds\n  How to fix: undo the last change here")


class Failing(markdown.Extension):
    """Fails every conversion after the time limit started (before it stops)."""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FailingTree(md), "failing", 1)


class FailingTree(markdown.treeprocessors.Treeprocessor):
    def run(self, root):
        raise ValueError("a failing extension")


def test_a_build_ends_on_a_page_slower_than_the_time_limit(project_copy):
    """Thousands of unclosed tags: no bound of the engine's catches them, the time limit does."""
    path = project_copy / "docs" / "about.md"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "<a " * 12000 + "\n",
                    encoding="utf-8")
    started = time.monotonic()
    result = build(project_copy)
    assert time.monotonic() - started < 60
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "Error reading page 'about.md': Python-Markdown took more than 10 seconds over it\n" \
        in result.output
    assert result.output.count("How to fix:") == 1
    assert "this page could not be converted to HTML within 10 seconds\n  How to fix: " \
        in result.output


def test_the_time_limit_ends_only_its_own_conversion(monkeypatch):
    """A conversion that failed early leaves its timer; it must not end a later one."""
    monkeypatch.setattr(time_limit, "SECONDS", 0.3)
    with pytest.raises(ValueError, match="a failing extension"):
        markdown.Markdown(extensions=[Failing(), time_limit.TimeLimitExtension()]).convert("x")
    started = time.monotonic()
    convert("# Same title\n" * 15000, with_limit=False)   # slower than the stale timer
    assert time.monotonic() - started > 0.3
    assert convert("# Title\n\nProse.") == '<h1 id="title">Title</h1>\n<p>Prose.</p>'


# ---------------------------------------------------------------- redirects, letters' case

@pytest.fixture
def docs(tmp_path) -> Path:
    for name in ("index.md", "campaign.md", "guide/setup.md", "assets/logo.svg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("old", "directory_urls", "why"), [
    ("Index.md", True, "it is index.md written with other capitals"),
    ("INDEX.md", False, "it is index.md written with other capitals"),
    ("Campaign.md", True, "it is campaign.md written with other capitals"),
    ("Guide/Setup.md", True, "it is guide/setup.md written with other capitals"),
    ("Campaign/index.md", True, "its address is that of campaign.md"),
    ("GUIDE/setup/index.md", True, "its address is that of guide/setup.md"),
    ("Assets/Logo.svg/x.md", True, "its address is inside a file of docs/"),
    ("Campaign.md/x.md", False, "its address is inside a file of docs/"),
])
def test_a_redirect_never_replaces_a_page_written_with_other_capitals(docs, old,
                                                                      directory_urls, why):
    text = f"plugins:\n  - redirects:\n      redirect_maps:\n        '{old}': 'campaign.md'\n"
    with pytest.raises(BriefingError) as caught:
        check_redirects({old: "campaign.md"}, text, "mkdocs.yml", docs, directory_urls)
    error = caught.value
    assert error.problem.startswith(f"redirect from '{old}': {why}"), error.problem
    assert (error.file, error.line, error.key) == ("mkdocs.yml", 4,
                                                   "plugins.redirects.redirect_maps")
    assert error.hint.startswith("write the old page's path under docs/")


@pytest.mark.parametrize("old", ["old.md", "Readme.md", "guide/old.md", "Assets.md"])
def test_a_redirect_from_a_gone_page_passes(docs, old):
    check_redirects({old: "campaign.md"}, "", "mkdocs.yml", docs)


def test_the_settings_check_refuses_a_case_variant_of_the_home_page(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("redirect_maps: {}", "redirect_maps: {'Index.md': 'about.md'}"),
                      encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        check_config_file(project_copy)
    line = text[:text.index("redirect_maps: {}")].count("\n") + 1
    assert str(caught.value).startswith(
        f"mkdocs.yml:{line}: plugins.redirects.redirect_maps: redirect from 'Index.md': it is "
        "index.md written with other capitals: a redirect would replace that page")


# ---------------------------------------------------------------- extensions' folders

EXTENSION_FIX = ("How to fix: give the extension a 'base_path:' naming docs/ or a folder inside "
                 "it that holds only what pages include")


@pytest.mark.parametrize(("options", "key", "written"), [
    ("  - pymdownx.b64:\n      base_path: .", "pymdownx.b64.base_path", "'.'"),
    ("  - pymdownx.b64", "pymdownx.b64.base_path", "'.'"),
    ("  - pymdownx.b64:\n      base_path: data", "pymdownx.b64.base_path", "'data'"),
    ("  - pymdownx.b64:\n      base_path: docs/../macros", "pymdownx.b64.base_path",
     "'docs/../macros'"),
    ("  - pymdownx.b64: {base_path: overrides}", "pymdownx.b64.base_path", "'overrides'"),
    ("  - pymdownx.snippets:\n      base_path: [docs, .git]", "pymdownx.snippets.base_path",
     "'.git'"),
    ("  - pymdownx.snippets:\n      base_path: docs\n      auto_append: [../mkdocs.yml]",
     "pymdownx.snippets.auto_append", "'docs/../mkdocs.yml'"),
])
def test_an_extension_reads_files_only_from_docs(project_copy, options, key, written):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - pymdownx.details\n",
                                   f"  - pymdownx.details\n{options}\n"), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        check_config_file(project_copy)
    told = str(caught.value)
    line = text[:text.index("  - pymdownx.details\n")].count("\n") + 2
    assert any(told.startswith(f"mkdocs.yml:{line + n}: ") for n in range(3)), told
    assert f": markdown_extensions.{key}: " in told.partition("\n")[0]
    assert f"is {written}: the extension could read into pages files that are not published" \
        in told, told
    assert EXTENSION_FIX in told


@pytest.mark.parametrize("options", ["  - pymdownx.b64:\n      base_path: docs",
                                     "  - pymdownx.b64: {base_path: docs/assets}"])
def test_an_extension_reading_from_docs_passes(project_copy, options):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - pymdownx.details\n",
                                   f"  - pymdownx.details\n{options}\n"), encoding="utf-8")
    check_config_file(project_copy)


# ---------------------------------------------------------------- links added under make serve

def test_a_stand_in_for_docs_holds_its_plain_pages_only(project_copy):
    docs = project_copy / "docs"
    os.mkfifo(docs / "pipe.md")
    (docs / "linked.md").symlink_to("about.md")
    (docs / "up").symlink_to("..")
    owner = Config()
    stand_in = stand_in_pages(docs, owner)
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                   if p.is_file() and not p.is_symlink())
    assert sorted(p.relative_to(stand_in).as_posix() for p in stand_in.rglob("*")) == pages
    assert all((stand_in / page).read_bytes() == b"" for page in pages)
    del owner
    assert not stand_in.exists()


class Config(dict):
    """A stand-in for MkDocs' configuration object (one per rebuild)."""


@pytest.mark.parametrize("kind", ["link to a file", "named pipe", "link to a folder"])
def test_a_link_added_under_make_serve_shows_the_error_page_and_recovers(project_copy, kind):
    page_text = {"link to a file": "docs/assets/added.txt: a link (to /etc/hostname)",
                 "named pipe": "docs/assets/added.txt: a named pipe (FIFO)",
                 "link to a folder": "docs/up: a link (to ..)"}[kind]
    added = project_copy / ("docs/up" if kind == "link to a folder" else "docs/assets/added.txt")
    with serving(project_copy) as url:
        page = url + "about/"
        assert "briefing-error" not in (fetch(page) or "briefing-error")
        if kind == "named pipe":
            os.mkfifo(added)
        else:
            added.symlink_to("/etc/hostname" if kind == "link to a file" else "..")
        wait_for(lambda: page_text in html.unescape(fetch(page) or ""), 120, "the error page")
        started = time.monotonic()
        assert "briefing-error" in (fetch(page) or "")
        assert time.monotonic() - started < 2
        added.unlink()
        wait_for(lambda: "briefing-error" not in (fetch(page) or "briefing-error"), 120,
                 "the page, fixed")
