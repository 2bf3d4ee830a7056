"""Builds cannot clobber each other: two `make build` at once both publish a complete site/ (the
second waits for the first), an interrupted build keeps the previous site/, and Zensical's
output folder is published the same way and named by the project, never MkDocs' site/."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_build_swap import leftovers, make_build, make_command, snapshot

from conftest import ROOT, build_zensical, copy_project
from macros.adapters.zensical import main as build_zensical_in_process


@pytest.fixture
def project(tmp_path) -> Path:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    return project


def test_two_builds_at_once_both_publish_a_whole_site(project, built_site):
    builds = [subprocess.Popen(make_command(project), cwd=project, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [b.communicate(timeout=600)[0] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], "\n".join(outputs)
    assert set(snapshot(project / "site")) == set(snapshot(built_site.site))
    assert leftovers(project) == []


def test_an_interrupted_build_keeps_the_previous_site(project):
    assert make_build(project).returncode == 0
    good = snapshot(project / "site")
    running = subprocess.Popen(make_command(project), cwd=project, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while not any(project.glob("site.tmp-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(running.pid, signal.SIGTERM)
    running.wait(timeout=60)
    deadline = time.monotonic() + 30
    while leftovers(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert snapshot(project / "site") == good
    assert leftovers(project) == []


def test_a_failed_zensical_build_keeps_the_previous_output(project_copy):
    first = build_zensical(project_copy)
    assert first.returncode == 0, first.output
    good = snapshot(first.site)
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ fig("no.such_key") }}\n',
                    encoding="utf-8")
    second = build_zensical(project_copy)
    assert second.returncode == 1
    assert "Traceback" not in second.output, second.output
    assert "unknown figure key 'no.such_key'" in second.output
    assert "Build failed: the previous site-zensical/ is unchanged." in second.output
    assert snapshot(first.site) == good
    assert sorted(p.name for p in project_copy.iterdir() if "zensical" in p.name) == [
        ".site-zensical.lock", "mkdocs.zensical.yml", "overrides-zensical", "site-zensical"]


@pytest.mark.parametrize(("written", "said"), [
    ("", "not set"),
    ("site_dir: site\n", "'site'"),
    ("site_dir: ../elsewhere\n", "'../elsewhere'"),
])
def test_zensical_needs_its_own_output_folder(project_copy, capsys, written, said):
    config = project_copy / "mkdocs.zensical.yml"
    config.write_text("INHERIT: mkdocs.yml\n" + written, encoding="utf-8")
    assert build_zensical_in_process(str(config)) == 1
    message = capsys.readouterr().err
    assert message.startswith(f"mkdocs.zensical.yml{':2' if written else ''}: site_dir: the "
                              f"output folder is {said}: mkdocs.zensical.yml must set its own")
    assert "How to fix: write 'site_dir: site-zensical' in mkdocs.zensical.yml" in message
    assert not (project_copy / "site").exists()


@pytest.mark.parametrize("folder", ["docs", "data", ".", "mkdocs.yml"])
def test_a_build_never_replaces_a_folder_of_the_project(project_copy, monkeypatch, folder):
    from macros.adapters.publish import check_target
    from macros.engine.errors import BriefingError

    monkeypatch.chdir(project_copy)
    with pytest.raises(BriefingError) as caught:
        check_target(Path(folder))
    assert str(caught.value).startswith(f"{folder}: the output folder holds files but no "
                                        "built site (no index.html)")
    assert (project_copy / "data" / "briefing.yml").is_file()


def test_zensical_refuses_a_project_folder_as_its_output(project_copy, capsys):
    config = project_copy / "mkdocs.zensical.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_dir: site-zensical", "site_dir: data"), encoding="utf-8")
    assert build_zensical_in_process(str(config)) == 1
    assert "the output folder holds files but no built site" in capsys.readouterr().err
    assert (project_copy / "data" / "briefing.yml").is_file()
