"""Settings that would publish, load or send readers to what is not the site's own: each stops
`make check` and both builds with one message naming mkdocs.yml's line and key, before a file
is read or written (macros/engine/settings_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build, build_zensical
from macros.engine.check import main
from macros.engine.errors import BriefingError
from macros.engine.settings_check import check_config_file


def edit(project: Path, old: str, new: str, name: str = "mkdocs.yml") -> int:
    """Replace `old` by `new` in the project's file; the line number of `new`."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def refused(project: Path) -> str:
    with pytest.raises(BriefingError) as caught:
        check_config_file(project)
    return str(caught.value)


def checked(project: Path, monkeypatch, capsys) -> str:
    """What `make check` prints in the project (it must fail)."""
    monkeypatch.chdir(project)
    assert main([]) == 1
    told = capsys.readouterr().err
    assert "Traceback" not in told
    return told


def redirect(project: Path, maps: str) -> int:
    return edit(project, "redirect_maps: {}", f"redirect_maps: {{{maps}}}")


REDIRECT_FROM = ("How to fix: write the old page's path under docs/ (the file that was renamed, "
                 "e.g. 'money.md'), never a page that exists")
REDIRECT_TO = "How to fix: write the new page's path under docs/, e.g. 'financial.md'"


@pytest.mark.parametrize(("maps", "problem", "fix"), [
    ("'../../pwn.md': 'campaign.md'", "redirect from '../../pwn.md': it is not a path inside "
     "docs/", REDIRECT_FROM),
    ("'/tmp/pwn.md': 'campaign.md'", "redirect from '/tmp/pwn.md': it is not a path inside",
     REDIRECT_FROM),
    ("'campaign.md': 'financial.md'", "redirect from 'campaign.md': that page exists: a "
     "redirect would replace it", REDIRECT_FROM),
    ("'campaign/index.md': 'financial.md'", "redirect from 'campaign/index.md': its address is "
     "that of campaign.md", REDIRECT_FROM),
    ("'old': 'financial.md'", "redirect from 'old': the old address must be a Markdown file",
     REDIRECT_FROM),
    ("'old.md': 'https://evil.example/x'", "redirect from 'old.md' to "
     "'https://evil.example/x': it is an address of another site", REDIRECT_TO),
    ("'old.md': 'javascript:alert(1)'", "redirect from 'old.md' to 'javascript:alert(1)': it "
     "is an address of another site or a script", REDIRECT_TO),
    ("'old.md': 'financal.md'", "redirect from 'old.md' to 'financal.md': no such page under "
     "docs/ (did you mean financial.md", REDIRECT_TO),
])
def test_a_redirect_leads_from_a_gone_page_to_a_page_of_the_site(project_copy, maps, problem,
                                                                 fix):
    line = redirect(project_copy, maps)
    told = refused(project_copy)
    assert told.startswith(f"mkdocs.yml:{line}: plugins.redirects.redirect_maps: {problem}"), told
    assert fix in told


def test_a_redirect_to_a_heading_of_a_page_is_accepted(project_copy):
    redirect(project_copy, "'money.md': 'financial.md#anchor', 'old/deep.md': 'index.md'")
    check_config_file(project_copy)


@pytest.mark.parametrize("generator", [build, build_zensical], ids=["mkdocs", "zensical"])
def test_a_redirect_out_of_the_site_folder_writes_nothing(tmp_path, generator, monkeypatch,
                                                          capsys):
    from conftest import copy_project

    project = copy_project(tmp_path / "a" / "b" / "project")
    redirect(project, "'../../../escaped.md': 'campaign.md'")
    told = checked(project, monkeypatch, capsys)
    result = generator(project)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert told.strip() in result.output, result.output
    assert not list(tmp_path.rglob("escaped*"))
