"""Shared fixtures: the project root, one strict build per session, throwaway project copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.engine.build_info import build_time
from tools.project import MKDOCS, PROJECT_PARTS, ROOT, BuildResult, build, build_zensical, copy_project

__all__ = ["MKDOCS", "PROJECT_PARTS", "ROOT", "BuildResult", "build", "build_zensical",
           "copy_project"]


@pytest.fixture(scope="session", autouse=True)
def reproducible_builds():
    """Every build of the session dated as `make build` dates this commit (SOURCE_DATE_EPOCH),
    copies outside git included, so no test depends on the clock."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(build_time(ROOT).timestamp())))
        yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The real project, built once for the whole session."""
    result = build(ROOT, tmp_path_factory.mktemp("built") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def built_zensical(tmp_path_factory) -> BuildResult:
    """The real project built by Zensical, once for the whole session (in a copy: Zensical
    writes its output and cache inside the project)."""
    result = build_zensical(copy_project(tmp_path_factory.mktemp("zensical") / "project"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
