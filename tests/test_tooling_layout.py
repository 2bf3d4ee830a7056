"""Tests and the benchmark stay apart: what both need lives in tools/ (see tools/__init__.py)."""

from __future__ import annotations

import ast

from conftest import ROOT


def _imported(folder: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {(path.name, alias.name.split(".")[0]) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add((path.name, node.module.split(".")[0]))
    return found


def test_tests_do_not_import_the_benchmark():
    assert not {f for f, m in _imported("tests") if m == "bench"}


def test_benchmark_and_tools_do_not_import_the_tests():
    assert not {f for f, m in _imported("bench") | _imported("tools")
                if m in ("tests", "conftest")}
