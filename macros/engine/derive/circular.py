"""Refuse cross-checks that cannot fail.

A `check` compares a derived figure with a stated one. It proves nothing when the derived
side is computed from the stated figure itself (directly or through other derived figures),
or when its formula works out to one stated figure restated (campaign.budget_cny /
(campaign.budget_cny / campaign.budget_usd) is campaign.budget_usd: the yuan amount cancels
out, so "recomputing" the dollar amount only repeats it).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from .formula import _dotted, references

Monomial = tuple[float, dict[str, int]]


def _inputs_path(key: str, target: str, trees: Mapping[str, ast.expr]) -> list[str] | None:
    """The chain of figures from `key` down to `target`, if `key` is computed from it."""
    stack = [(key, [key])]
    seen = set()
    while stack:
        current, trail = stack.pop()
        for ref in references(trees[current]):
            if ref == target:
                return trail + [ref]
            if ref in trees and ref not in seen:
                seen.add(ref)
                stack.append((ref, trail + [ref]))
    return None


def _monomial(tree: ast.expr, trees: Mapping[str, ast.expr], depth: int = 0) -> Monomial | None:
    """The formula as coefficient * product of stated figures ** powers, or None when it adds
    or subtracts (then it is not a restatement by cancellation)."""
    if depth > 50:
        return None
    key = _dotted(tree)
    if key is not None:
        return _monomial(trees[key], trees, depth + 1) if key in trees else (1.0, {key: 1})
    if isinstance(tree, ast.Constant):
        return float(tree.value), {}
    if isinstance(tree, ast.UnaryOp):
        inner = _monomial(tree.operand, trees, depth + 1)
        return None if inner is None else (-inner[0], inner[1])
    if isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Mult | ast.Div):
        left, right = _monomial(tree.left, trees, depth + 1), _monomial(tree.right, trees, depth + 1)
        if left is None or right is None or (isinstance(tree.op, ast.Div) and right[0] == 0):
            return None
        sign = 1 if isinstance(tree.op, ast.Mult) else -1
        powers = dict(left[1])
        for name, power in right[1].items():
            powers[name] = powers.get(name, 0) + sign * power
        coef = left[0] * right[0] if sign == 1 else left[0] / right[0]
        return coef, {name: power for name, power in powers.items() if power}
    return None


def circular_check(key: str, stated: str, trees: Mapping[str, ast.expr],
                   figures: Mapping[str, object]) -> str | None:
    """Why the check of derived figure `key` against `stated` cannot fail, or None."""
    path = _inputs_path(key, stated, trees)
    if path is not None:
        via = " -> ".join(path)
        return (f"{key} is computed from {stated} itself ({via}), so it agrees with it by "
                "construction")
    mono = _monomial(trees[key], trees)
    if mono is not None:
        coef, powers = mono
        if abs(coef - 1) < 1e-12 and list(powers.values()) == [1]:
            (restated,) = powers
            cancelled = sorted(set(_stated_leaves(key, trees)) - {restated})
            gone = f" ({', '.join(cancelled)} cancels out)" if cancelled else ""
            return (f"the formula of {key} works out to {restated} itself{gone}, so the check "
                    f"only compares two stated figures, {restated} and {stated}, and the "
                    f"'recomputed' value adds no independent evidence")
    return None


def _stated_leaves(key: str, trees: Mapping[str, ast.expr]) -> list[str]:
    found, stack = [], [key]
    while stack:
        for ref in references(trees[stack.pop()]):
            if ref in trees:
                stack.append(ref)
            elif ref not in found:
                found.append(ref)
    return found
