"""Only the project's own files are published: a link or a special file in a folder the build
publishes from, or a setting naming a place outside the project, stops the build with one
message before anything is copied; links are never followed (a link to a parent folder once
made a build run for minutes and write gigabytes)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import build, build_zensical
from macros.engine.config import BriefingConfig
from macros.engine.errors import BriefingError
from macros.engine.settings_check import check_published

LINK_FIX = "How to fix: replace the link by a copy of the file it points to, or delete it"


@pytest.mark.parametrize(("where", "target"), [
    ("docs/assets/env.txt", "/proc/self/environ"),
    ("docs/assets/passwd.txt", "/etc/passwd"),
    ("docs/assets/everything", ".."),
    ("docs/extra.md", "../mkdocs.yml"),
    ("data/briefing-copy.yml", "briefing.yml"),
])
@pytest.mark.parametrize("generator", [build, build_zensical], ids=["mkdocs", "zensical"])
def test_a_link_stops_the_build_before_anything_is_published(project_copy, generator, where,
                                                             target):
    (project_copy / where).symlink_to(target)
    started = time.monotonic()
    result = generator(project_copy)
    assert time.monotonic() - started < 60
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output, result.output
    assert (f"{where}: a link (to {target}): only the project's own files are published\n"
            f"  {LINK_FIX}") in result.output
    assert not result.site.exists()


def check(project: Path, config: BriefingConfig | None = None, text: str = "",
          docs: str = "docs", custom_dir: str | None = "overrides") -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        check_published(project, {"mkdocs.yml": text}, config or BriefingConfig(),
                        project / docs, custom_dir)
    return caught.value


def test_a_named_pipe_is_refused(project_copy):
    os.mkfifo(project_copy / "docs" / "assets" / "feed.txt")
    assert str(check(project_copy)) == (
        "docs/assets/feed.txt: a named pipe (FIFO): only plain files and folders are published\n"
        "  How to fix: delete it, or replace it by a plain file")


def test_a_link_in_the_theme_overrides_is_refused(project_copy):
    (project_copy / "overrides" / "secret.txt").symlink_to("/etc/hostname")
    assert str(check(project_copy)).startswith("overrides/secret.txt: a link (to /etc/hostname)")


@pytest.mark.parametrize(("setting", "text", "place"), [
    (BriefingConfig(data="/etc/passwd"), "extra:\n  briefing:\n    data: /etc/passwd\n",
     "mkdocs.yml:3: extra.briefing.data: '/etc/passwd'"),
    (BriefingConfig(data="../outside/briefing.yml"), "extra:\n  briefing:\n    data: x\n",
     "mkdocs.yml:3: extra.briefing.data: '../outside/briefing.yml'"),
])
def test_a_data_setting_outside_the_project_is_refused(project_copy, setting, text, place):
    assert str(check(project_copy, setting, text)) == (
        f"{place} is outside the project folder\n"
        "  How to fix: name a file or folder inside the project, by its path from mkdocs.yml")


def test_folders_outside_the_project_are_refused(project_copy, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    text = f"site_name: x\ndocs_dir: {elsewhere}\ntheme:\n  custom_dir: {elsewhere}\n"
    assert str(check(project_copy, text=text, docs=str(elsewhere))).startswith(
        f"mkdocs.yml:2: docs_dir: '{elsewhere}' is outside the project folder")
    assert str(check(project_copy, text=text, custom_dir=str(elsewhere))).startswith(
        f"mkdocs.yml:4: theme.custom_dir: '{elsewhere}' is outside the project folder")


def test_the_data_file_itself_may_not_be_a_link(project_copy):
    data = project_copy / "data" / "briefing.yml"
    data.rename(project_copy / "briefing.yml")
    data.symlink_to("../briefing.yml")
    assert str(check(project_copy)).startswith("data/briefing.yml: a link (to ../briefing.yml)")


def test_a_hard_link_is_refused(project_copy, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("not the project's\n", encoding="utf-8")
    os.link(outside, project_copy / "docs" / "assets" / "copy.txt")
    assert str(check(project_copy)) == (
        "docs/assets/copy.txt: a hard link (one file with 2 names, which may be outside the "
        "project): only the project's own files are published\n"
        "  How to fix: replace it by a copy: cp it to a new name, delete it, and rename the copy")


@pytest.mark.parametrize(("plugin", "key", "written"), [
    ({"include_dir": "/etc"}, "include_dir", "/etc"),
    ({"include_yaml": ["data/../../secrets.yml"]}, "include_yaml", "data/../../secrets.yml"),
    ({"include_yaml": [{"extra": "/etc/os.yml"}]}, "include_yaml", "/etc/os.yml"),
])
def test_what_the_macros_plugin_reads_into_pages_stays_inside(project_copy, plugin, key,
                                                              written):
    text = f"plugins:\n  - macros:\n      {key}: x\n"
    with pytest.raises(BriefingError) as caught:
        check_published(project_copy, {"mkdocs.yml": text}, BriefingConfig(),
                        project_copy / "docs", None, plugin)
    assert str(caught.value).startswith(
        f"mkdocs.yml:3: plugins.macros.{key}: '{written}' is outside the project folder")


def test_a_link_in_the_include_folder_is_refused(project_copy):
    (project_copy / "snippets").mkdir()
    (project_copy / "snippets" / "host.md").symlink_to("/etc/hostname")
    with pytest.raises(BriefingError) as caught:
        check_published(project_copy, {"mkdocs.yml": ""}, BriefingConfig(),
                        project_copy / "docs", None, {"include_dir": "snippets"})
    assert str(caught.value).startswith("snippets/host.md: a link (to /etc/hostname)")
