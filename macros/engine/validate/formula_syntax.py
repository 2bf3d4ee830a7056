"""Formula syntax: only figure keys, numbers, + - * / and brackets (derive/formula.py
computes them)."""

from __future__ import annotations

import ast

OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div)
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
        if isinstance(node, ast.BinOp) and not isinstance(node.op, OPERATORS):
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
        key = dotted(node)
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


def dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None
