"""`python -m macros.engine.check`: the data check used by the pre-commit hook."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from conftest import ROOT
from engine_data import VALID, replace
from macros.engine.check import main


def test_real_data_file_is_ok():
    done = subprocess.run([sys.executable, "-m", "macros.engine.check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("data/briefing.yml: ok (")


def test_a_broken_file_prints_the_error_and_fails(tmp_path, capsys):
    path = tmp_path / "briefing.yml"
    path.write_text(replace("    currency: CNY", "    currency: RMB"))
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "unknown currency 'RMB'" in err and "How to fix:" in err
    assert "Traceback" not in err


def test_a_valid_file_prints_ok(tmp_path, capsys, monkeypatch):
    path = tmp_path / "briefing.yml"
    path.write_text(VALID)
    monkeypatch.chdir(tmp_path)   # no mkdocs.yml and no articles folder: the data file alone
    assert main([str(path)]) == 0
    figures, sources = VALID.count("    label:"), VALID.count("    publisher:")
    assert capsys.readouterr().out.strip() == f"{path}: ok ({figures} figures, {sources} sources)"


def test_help_prints_usage(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m macros.engine.check [DATA_FILE]")
    assert main(["-h"]) == 0


def test_an_unknown_option_prints_usage_and_fails(capsys):
    assert main(["--strict"]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "unexpected argument '--strict'" in err


def test_a_folder_prints_the_error(tmp_path, capsys):
    assert main([str(tmp_path)]) == 1
    assert "the data path is a folder, not a file" in capsys.readouterr().err


def test_the_commit_hook_refuses_aliases_and_odd_numbers(tmp_path):
    """The pre-commit hook runs the check command, so it refuses what the build refuses."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook = next(h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "briefing-data")
    assert hook["entry"].endswith("-m macros.engine.check")
    for old, new, message in [("    value: 9", "    value: 9\n    note: &n [*n]",
                               "YAML anchors and aliases are not supported"),
                              ("    value: 9", "    value: 0431", "0431 is not a plain decimal")]:
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "briefing.yml").write_text(replace(old, new))
        done = subprocess.run([sys.executable, "-m", "macros.engine.check"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 1 and message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
