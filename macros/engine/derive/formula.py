"""Derived figures: tiny formulas over other figures, evaluated once per build."""

from __future__ import annotations

import ast
import datetime as dt
import operator
from collections.abc import Callable, Mapping

from ..catalogue import told
from ..dates import PartialDate
from ..errors import BriefingError, did_you_mean
from ..load.kinds import KINDS

Quantity = float | dt.date | dt.timedelta
_OPS: dict[type, Callable] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}
_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
DAYS_PER_UNIT = {"day": 1, "week": 7}
MAX_DEPTH = 60


class FormulaError(ValueError):
    """A formula that cannot be read or computed (the caller adds file and line)."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def parse_formula(text: str) -> ast.expr:
    """Parse a formula; only figure keys, numbers, + - * / and brackets are allowed.

    Dates take part as days: date - date is a duration, date + duration (or a number
    of days) is a date.
    """
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError):
        raise FormulaError(f"cannot read formula {text!r}") from None
    except (RecursionError, MemoryError):
        raise FormulaError("formula is too long; split it into smaller derived figures") from None
    if _depth(tree) > MAX_DEPTH:
        raise FormulaError("formula is too long; split it into smaller derived figures")
    for node in ast.walk(tree):
        if not isinstance(node, ast.BinOp | ast.UnaryOp | ast.Constant | ast.Name | ast.Attribute
                          | ast.operator | ast.unaryop | ast.Load):
            raise FormulaError(f"formula {text!r} may use only figure keys, numbers, + - * / ( )")
        if isinstance(node, ast.BinOp) and type(node.op) not in _OPS:
            raise FormulaError(f"formula {text!r} may use only + - * /")
        if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.USub):
            raise FormulaError(f"formula {text!r} may use only + - * /")
        if isinstance(node, ast.Constant) and (
                isinstance(node.value, bool) or not isinstance(node.value, int | float)):
            raise FormulaError(f"formula {text!r} may contain only numbers and figure keys")
    return tree


def _depth(tree: ast.AST) -> int:
    """How deeply a parsed formula nests (counted without recursion)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def references(tree: ast.expr) -> list[str]:
    """The figure keys a formula uses, in order of first use."""
    found: list[str] = []

    def visit(node: ast.expr) -> None:
        key = _dotted(node)
        if key is not None:
            if key not in found:
                found.append(key)
        elif isinstance(node, ast.BinOp):
            visit(node.left)
            visit(node.right)
        elif isinstance(node, ast.UnaryOp):
            visit(node.operand)

    visit(tree)
    return found


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def evaluate(tree: ast.expr, lookup: Callable[[str], Quantity]) -> Quantity:
    """Compute a parsed formula; `lookup` gives each referenced figure as a quantity."""
    try:
        return _evaluate(tree, lookup)
    except OverflowError:
        raise FormulaError("the result is too large (or, for a date, outside the calendar)"
                           ) from None


def _evaluate(tree: ast.expr, lookup: Callable[[str], Quantity]) -> Quantity:
    key = _dotted(tree)
    if key is not None:
        return lookup(key)
    if isinstance(tree, ast.Constant):
        return float(tree.value)
    if isinstance(tree, ast.UnaryOp):
        return -_number(_evaluate(tree.operand, lookup), "-")
    left, right = _evaluate(tree.left, lookup), _evaluate(tree.right, lookup)
    op = type(tree.op)
    if op in (ast.Add, ast.Sub):
        left, right = _days(left, right), _days(right, left)
    if op is ast.Div and isinstance(right, float) and right == 0:
        raise FormulaError(f"division by zero: {ast.unparse(tree.right)} is zero",
                           hint="a figure you divide by must not be zero: check the values of "
                                "the inputs and the order of the terms")
    try:
        return _OPS[op](left, right)
    except TypeError:
        raise FormulaError(
            f"cannot compute {_name(left)} {_SYMBOL[op]} {_name(right)}: dates can only be "
            "added to durations, or subtracted from each other") from None


def _days(value: Quantity, other: Quantity) -> Quantity:
    """A plain number added to or taken from a date counts days."""
    if isinstance(value, float) and isinstance(other, dt.date):
        return dt.timedelta(days=value)
    return value


def _number(value: Quantity, symbol: str) -> float:
    if not isinstance(value, float):
        raise FormulaError(f"cannot apply {symbol} to a {_name(value)}")
    return value


def _name(value: Quantity) -> str:
    return {float: "number", dt.date: "date", dt.timedelta: "duration"}[type(value)]


def evaluation_order(formulas: Mapping[str, list[str]], known: Mapping[str, object],
                     where: Callable[[str], tuple[str, int | None]]) -> list[str]:
    """Derived keys ordered so that inputs come first; unknown keys and cycles are errors."""
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(key: str, trail: list[str]) -> None:
        if state.get(key) == "done":
            return
        if state.get(key) == "active":
            cycle = " -> ".join(trail[trail.index(key):] + [key])
            file, line = where(trail[-1])
            problem, hint = told("formula-cycle", cycle=cycle)
            raise BriefingError(problem, file=file, line=line, key=f"figures.{trail[-1]}",
                                hint=hint)
        state[key] = "active"
        for ref in formulas[key]:
            if ref not in known:
                file, line = where(key)
                problem, hint = told("formula-unknown-figure", ref=ref,
                                     suggestion=did_you_mean(ref, known))
                raise BriefingError(problem, file=file, line=line, key=f"figures.{key}",
                                    hint=hint)
            if ref in formulas:
                visit(ref, trail + [key])
        state[key] = "done"
        order.append(key)

    for key in formulas:
        visit(key, [])
    return order


def as_quantity(kind: str, value: object, unit: str | None) -> Quantity:
    """A stated figure's value as something a formula can compute with."""
    entry = KINDS[kind]
    if entry.value_type == "date":
        return PartialDate.parse(value).as_day()
    if entry.formula_result == "duration" and unit in DAYS_PER_UNIT:
        return dt.timedelta(days=float(value) * DAYS_PER_UNIT[unit])
    if entry.value_type == "text":
        raise FormulaError(f"a {kind} figure cannot be used in a formula")
    return float(value)
