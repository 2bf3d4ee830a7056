"""`make build` publishes only a good build: a failed one leaves the previous site/ untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project
from engine_data import load_file

VENV = Path(sys.prefix)  # the virtualenv running the tests


def make_command(project: Path) -> list[str]:
    """`make build` in the copy, reusing the project's virtualenv without installing anything.

    `-o STAMP` tells make to treat the site's install stamp as up to date, so even a
    requirements.txt that changed since the last install does not reinstall here.
    """
    checksum = subprocess.run("cksum < requirements.txt | cut -d' ' -f1", shell=True, cwd=project,
                              capture_output=True, text=True, check=True).stdout.strip()
    return ["make", "-o", f"{VENV}/.installed-site-{checksum}", "build", f"VENV={VENV}"]


def make_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(make_command(project), cwd=project, capture_output=True, text=True,
                          timeout=300)


def snapshot(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_failed_build_keeps_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "package.json", "package-lock.json"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, project / name)

    first = make_build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "pip install" not in first.stdout
    good = snapshot(project / "site")
    assert "index.html" in good and "figures/index.html" in good

    data = project / "data" / "briefing.yml"
    source = next(iter(load_file(data).sources))
    data.write_text(data.read_text().replace("\nfigures:\n", f"""
figures:
  test.broken:
    label: A broken figure
    value: -5
    kind: count
    as_of: 2026-02-03
    sources: {{{source}: "-5"}}
""", 1))
    assert_fails_keeping(project, good, "figures.test.broken: a count figure must be greater")

    shutil.copy2(ROOT / "data" / "briefing.yml", data)
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + '\n{{ fig() }}\n')
    assert_fails_keeping(project, good, "macro fig() called with wrong arguments")


def assert_fails_keeping(project: Path, good: dict[str, str], message: str) -> None:
    """The build fails with `message`, and site/ is exactly the last good one."""
    result = make_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output
    assert "Build failed: the previous site/ is unchanged." in output
    assert snapshot(project / "site") == good
    assert leftovers(project) == []


def leftovers(project: Path) -> list[str]:
    """Folders and files a build made beside site/ other than its lock file."""
    return sorted(p.name for p in project.glob("*site*") if p.name not in ("site", ".site.lock"))
