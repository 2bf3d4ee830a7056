"""Refuse a cross-check that cannot fail: a derived figure computed from the very stated figure
its `check` compares it with (directly or through other derived figures)."""

from __future__ import annotations

import ast
from collections.abc import Mapping

from .formula_syntax import references


def circular_check(key: str, stated: str, trees: Mapping[str, ast.expr]) -> str | None:
    """Why the check of derived figure `key` against `stated` cannot fail, or None."""
    stack, seen = [(key, [key])], set()
    while stack:
        current, trail = stack.pop()
        for ref in references(trees[current]):
            if ref == stated:
                return (f"{key} is computed from {stated} itself ({' -> '.join(trail + [ref])}), "
                        "so it agrees with it by construction")
            if ref in trees and ref not in seen:
                seen.add(ref)
                stack.append((ref, trail + [ref]))
    return None
