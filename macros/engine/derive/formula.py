"""Derived figures: tiny formulas over other figures, evaluated once per build."""

from __future__ import annotations

import ast
import datetime as dt
import math
import operator
from collections.abc import Callable, Mapping

from dateutil.relativedelta import relativedelta

from ..catalogue import told
from ..dates import PartialDate
from ..errors import BriefingError, did_you_mean, shown
from ..kinds import KINDS
from ..validate.formula_syntax import FormulaError, dotted

Quantity = float | dt.date | dt.timedelta | relativedelta
_OPS: dict[type, Callable] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}
_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
DAYS_PER_UNIT = {"day": 1, "week": 7}
MONTHS_PER_UNIT = {"month": 1, "year": 12}


def evaluate(tree: ast.expr, lookup: Callable[[str], Quantity]) -> Quantity:
    """Compute a parsed formula; `lookup` gives each referenced figure as a quantity."""
    try:
        result = _evaluate(tree, lookup)
    except OverflowError:
        raise FormulaError("the result is too large (or, for a date, outside the calendar)"
                           ) from None
    except (ArithmeticError, ValueError) as error:
        if isinstance(error, FormulaError):
            raise
        raise FormulaError("the result is too large, outside the calendar, or not a number at "
                           "all") from None
    if isinstance(result, relativedelta):
        raise FormulaError("a duration in months or years is only added to or taken from a date",
                           hint="give the figure a value, or add the months to a date")
    return result


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
    _refuse_mixed(op, left, right)
    if op is ast.Div and isinstance(right, float | dt.timedelta) and not right:
        raise FormulaError(f"division by zero: {ast.unparse(tree.right)} is zero",
                           hint="a figure you divide by must not be zero: check the values of "
                                "the inputs and the order of the terms")
    try:
        return _OPS[op](left, right)
    except TypeError:
        raise FormulaError(
            f"cannot compute {_name(left)} {_SYMBOL[op]} {_name(right)}: dates can only be "
            "added to durations, or subtracted from each other") from None


def _refuse_mixed(op: type, left: Quantity, right: Quantity) -> None:
    """Calendar months and years are added to or taken from dates and each other, never
    scaled (a month has no fixed length) nor mixed with days."""
    months = [v for v in (left, right) if isinstance(v, relativedelta)]
    if not months:
        return
    if op in (ast.Mult, ast.Div) or any(isinstance(v, dt.timedelta | float) for v in (left, right)):
        raise FormulaError(
            f"cannot compute {_name(left)} {_SYMBOL[op]} {_name(right)}: a duration in months "
            "or years is only added to or taken from a date",
            hint="compute with days or weeks (unit: day), or add the months to a date")


def _days(value: Quantity, other: Quantity) -> Quantity:
    """A plain number added to or taken from a date counts days."""
    if isinstance(value, float) and isinstance(other, dt.date):
        if not math.isfinite(value):
            raise FormulaError(f"cannot add {shown(value)} days to a date")
        return dt.timedelta(days=value)
    return value


def _number(value: Quantity, symbol: str) -> float:
    if not isinstance(value, float):
        raise FormulaError(f"cannot apply {symbol} to a {_name(value)}")
    return value


def _name(value: Quantity) -> str:
    if isinstance(value, relativedelta):
        return "duration in months"
    return {float: "number", dt.date: "date", dt.timedelta: "duration"}[type(value)]


def evaluation_order(formulas: Mapping[str, list[str]], known: Mapping[str, object],
                     where: Callable[[str], tuple[str, int | None]]) -> list[str]:
    """Derived keys ordered so that inputs come first; unknown keys and cycles are errors.
    A depth-first walk with its own stack, so that a chain of any length is no recursion."""
    order: list[str] = []
    state: dict[str, str] = {}
    for root in formulas:
        if state.get(root) == "done":
            continue
        state[root] = "active"
        trail, stack = [root], [iter(formulas[root])]
        while stack:
            key = trail[-1]
            ref = next(stack[-1], None)
            if ref is None:
                state[key] = "done"
                order.append(key)
                trail.pop()
                stack.pop()
                continue
            if ref not in known:
                file, line = where(key)
                problem, hint = told("formula-unknown-figure", ref=ref,
                                     suggestion=did_you_mean(ref, known))
                raise BriefingError(problem, file=file, line=line, key=f"figures.{key}",
                                    hint=hint)
            if ref not in formulas or state.get(ref) == "done":
                continue
            if state.get(ref) == "active":
                loop = trail[trail.index(ref):] + [ref]
                cycle = " -> ".join(loop if len(loop) <= 12 else
                                    [*loop[:5], f"... ({len(loop) - 10} more)", *loop[-5:]])
                file, line = where(key)
                problem, hint = told("formula-cycle", cycle=cycle)
                raise BriefingError(problem, file=file, line=line, key=f"figures.{key}",
                                    hint=hint)
            state[ref] = "active"
            trail.append(ref)
            stack.append(iter(formulas[ref]))
    return order


def as_quantity(kind: str, value: object, unit: str | None) -> Quantity:
    """A stated figure's value as something a formula can compute with."""
    entry = KINDS[kind]
    if entry.value_type == "date":
        return PartialDate.parse(value).as_day()
    if entry.formula_result == "duration" and unit in DAYS_PER_UNIT:
        return dt.timedelta(days=float(value) * DAYS_PER_UNIT[unit])
    if entry.formula_result == "duration" and unit in MONTHS_PER_UNIT:
        months = float(value) * MONTHS_PER_UNIT[unit]
        if not months.is_integer():
            raise FormulaError(f"{shown(value)} {unit}s is not a whole number of calendar "
                               "months", hint="give the duration in days (unit: day), or in "
                               "whole months")
        return relativedelta(months=int(months))
    if entry.value_type == "text":
        raise FormulaError(f"a {kind} figure cannot be used in a formula")
    return float(value)
