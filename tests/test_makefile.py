"""The Makefile's promises: `make serve PORT=...`, a one-line message for a port in use (before
anything is installed), one line before the first install, and the site's packages only for
previewing."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess

import pytest

from conftest import ROOT

MAKE = shutil.which("make")
# A `make test VENV=...` passes VENV down (in MAKEFLAGS and the environment): these runs start clean.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "VENV")}
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def make(*args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([MAKE, "--no-print-directory", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=CLEAN_ENV)


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


def fresh_dry_run(tmp_path, target: str) -> list[str]:
    """The commands `make -n target` would run in a fresh clone (nothing installed yet)."""
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("package.json", "package-lock.json"):
        (tmp_path / name).write_text("{}")
    done = subprocess.run([MAKE, "-n", target], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, env=CLEAN_ENV)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_installing_prints_one_line_first(tmp_path):
    echoes = [line for line in fresh_dry_run(tmp_path, "build") if line.startswith("echo ")]
    assert echoes[0].startswith('echo "Installing the pinned Python packages into .venv/ '
                                '(first run only, takes a minute or two)..."'), echoes


@pytest.mark.parametrize(("target", "dev_tools"), [("serve", False), ("build", False),
                                                   ("build-zensical", False), ("test", True),
                                                   ("lint", True)])
def test_only_testing_and_linting_install_the_dev_tools(tmp_path, target, dev_tools):
    installs = [line for line in fresh_dry_run(tmp_path, target) if "pip install" in line]
    assert installs[0].endswith("-r requirements.txt")
    assert any(line.endswith("-r requirements-dev.txt") for line in installs) is dev_tools
