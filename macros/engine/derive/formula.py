"""Derived figures: tiny formulas over other figures, evaluated once per build."""

from __future__ import annotations

import ast
import datetime as dt
import operator
from collections.abc import Callable, Mapping

from ..catalogue import told
from ..dates import PartialDate
from ..errors import BriefingError, did_you_mean
from ..kinds import KINDS
from ..validate.formula_syntax import FormulaError, dotted

Quantity = float | dt.date | dt.timedelta
_OPS: dict[type, Callable] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}
_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
DAYS_PER_UNIT = {"day": 1, "week": 7}


def evaluate(tree: ast.expr, lookup: Callable[[str], Quantity]) -> Quantity:
    """Compute a parsed formula; `lookup` gives each referenced figure as a quantity."""
    try:
        return _evaluate(tree, lookup)
    except OverflowError:
        raise FormulaError("the result is too large (or, for a date, outside the calendar)"
                           ) from None


def _evaluate(tree: ast.expr, lookup: Callable[[str], Quantity]) -> Quantity:
    key = dotted(tree)
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
