"""The Makefile's promises: `make serve PORT=...`, a one-line message for a port in use, one
line before the first install, and no Material end-of-life banner."""

from __future__ import annotations

import shutil
import socket
import subprocess

import pytest

from conftest import ROOT

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def make(*args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([MAKE, "--no-print-directory", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def test_serve_uses_the_port_given():
    done = make("-n", "serve", "PORT=8001")
    assert "--dev-addr 127.0.0.1:8001" in done.stdout, done.stdout + done.stderr


def test_a_port_in_use_is_told_in_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = make("serve", f"PORT={port}")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "OSError" not in done.stderr
    told = [line for line in done.stderr.splitlines() if not line.startswith("make")]
    assert told == [f"Port {port} is already in use (another make serve?): stop it, or run "
                    f"make serve PORT={port + 1}"], done.stderr


def test_a_port_that_is_not_a_number_is_told():
    done = make("serve", "PORT=abc")
    assert done.returncode != 0 and "PORT=abc is not a port number" in done.stderr


def test_installing_prints_one_line_first(tmp_path):
    """A dry run of the install step in a fresh folder shows its announcement first."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "requirements.txt", tmp_path / "requirements.txt")
    (tmp_path / "package-lock.json").write_text("{}")
    done = subprocess.run([MAKE, "-n", "build"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    echoes = [line for line in done.stdout.splitlines() if line.startswith("echo ")]
    assert echoes[0].startswith('echo "Installing the pinned Python packages into .venv/ '
                                '(first run only, takes a minute or two)..."'), done.stdout


def test_the_mkdocs_2_banner_is_switched_off():
    done = make("-n", "build")
    assert done.returncode == 0
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "export NO_MKDOCS_2_WARNING := 1" in text
    assert "NO_MKDOCS_2_WARNING" in (ROOT / "README.md").read_text(encoding="utf-8")
