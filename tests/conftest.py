"""Shared fixtures: the project root, one strict build per session, throwaway project copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.project import MKDOCS, PROJECT_PARTS, ROOT, BuildResult, build, copy_project

__all__ = ["MKDOCS", "PROJECT_PARTS", "ROOT", "BuildResult", "build", "copy_project"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The real project, built once for the whole session."""
    result = build(ROOT, tmp_path_factory.mktemp("built") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
