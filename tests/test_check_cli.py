"""`python -m macros.engine.check`: the data check used by the pre-commit hook."""

from __future__ import annotations

import subprocess
import sys

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


def test_a_valid_file_prints_ok(tmp_path, capsys):
    path = tmp_path / "briefing.yml"
    path.write_text(VALID)
    assert main([str(path)]) == 0
    figures, sources = VALID.count("    label:"), VALID.count("    publisher:")
    assert capsys.readouterr().out.strip() == f"{path}: ok ({figures} figures, {sources} sources)"
