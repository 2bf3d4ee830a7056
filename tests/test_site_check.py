"""`make check`: the data, the passages and every page, checked without rendering the site."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from conftest import ROOT
from macros.engine.check import main


def project_copy(tmp_path):
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_the_real_site_passes_in_about_a_second():
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "macros.engine.check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("data/briefing.yml: ok (") and " pages)" in done.stdout
    assert time.perf_counter() - start < 5


def test_every_page_mistake_is_told_with_its_line(tmp_path, monkeypatch, capsys):
    project = project_copy(tmp_path)
    page = project / "docs" / "campaign.md"
    text = page.read_text(encoding="utf-8")
    lines = text.count("\n")
    page.write_text(text + '{{ cards("campaign.budget_cny") }}\n{{ fgi("campaign.budget_cny") }}\n'
                    '[the plan](nowhere.md)\n{{ fig("campaign.budget_cn") }}\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert f"docs/campaign.md:{lines + 1}: cards: cards() takes a list of keys" in err
    assert (f"docs/campaign.md:{lines + 2}: fgi: unknown macro or variable 'fgi' "
            "(did you mean git, fig?)") in err
    assert f"docs/campaign.md:{lines + 3}: nowhere.md: link to 'nowhere.md': no such page" in err
    assert f"docs/campaign.md:{lines + 4}: campaign.budget_cn: unknown figure key" in err


def test_a_figure_no_page_shows_is_told(tmp_path, monkeypatch, capsys):
    project = project_copy(tmp_path)
    data = project / "data" / "briefing.yml"
    text = data.read_text(encoding="utf-8")
    copy = """  campaign.budget_unshown:
    label: "Qwen campaign budget, again"
    value: 3000000000
    kind: money
    currency: CNY
    as_of: "2026-02-02"
    sources:
      stocknews-feb3: "Alibaba has allocated 3 billion yuan (approximately $431 million USD) \\
to promote its Qwen application."
"""
    data.write_text(text.replace("  campaign.budget_cny:\n", copy + "  campaign.budget_cny:\n", 1),
                    encoding="utf-8")
    monkeypatch.chdir(project)
    assert main([]) == 1
    assert "figures.campaign.budget_unshown: no page shows this figure" in capsys.readouterr().err


def test_an_expected_date_before_the_newest_source_is_reported(tmp_path, monkeypatch, capsys):
    project = project_copy(tmp_path)
    data = project / "data" / "briefing.yml"
    text = data.read_text(encoding="utf-8")
    at = text.index("  campaign.revealed:\n")
    line = text.count("\n", 0, at) + 1
    data.write_text(text.replace("  campaign.revealed:\n", "  campaign.revealed:\n    expected: true\n",
                                 1), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main([]) == 0
    assert (f"data/briefing.yml:{line}: figures.campaign.revealed: expected on 2026-02-02, but the "
            "newest source is dated 2026-02-06") in capsys.readouterr().err
