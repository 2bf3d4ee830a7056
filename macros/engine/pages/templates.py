"""Expand macro calls with literal arguments before Jinja sees the page, and check the rest.

Resolving `{{ fig("key") }}` here, once per call, spares Jinja compiling a large
template for every page, and lets every mistake be reported with its page and line.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Callable, Mapping

import jinja2
import jinja2.meta

from ..errors import BriefingError, did_you_mean
from .arguments import check_arguments, macro_failed

CALL = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_NOT_STATIC = object()


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _literal_call(expression: str, macros: Mapping[str, Callable]):
    """(name, function, args, kwargs) when the expression is macro(literal, ...)."""
    try:
        node = ast.parse(expression, mode="eval").body
    except SyntaxError:
        return _NOT_STATIC
    if not isinstance(node, ast.Call):
        return _NOT_STATIC
    name = ast.unparse(node.func)
    if name not in macros:
        return _NOT_STATIC
    try:
        args = [ast.literal_eval(a) for a in node.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
    except (ValueError, SyntaxError):
        return _NOT_STATIC
    if any(k.arg is None for k in node.keywords):
        return _NOT_STATIC
    return name, macros[name], args, kwargs


def signature_text(name: str, function: Callable) -> str:
    """'fig(key)': the call as a contributor writes it."""
    params = inspect.signature(function).parameters.values()
    shown = [p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params]
    return f"{name}({', '.join(shown)})"


def call_macro(name: str, function: Callable, args: list, kwargs: dict) -> str:
    """Call a macro; wrong arguments raise BriefingError with the expected signature.

    The signature is only consulted when the call fails, so correct calls cost nothing extra.
    """
    try:
        return str(function(*args, **kwargs))
    except Exception as failure:
        check_arguments(name, function, args, kwargs)  # an argument of the wrong type explains it
        if isinstance(failure, BriefingError):
            raise
        try:
            inspect.signature(function).bind(*args, **kwargs)
        except TypeError as error:
            raise BriefingError(f"macro {name}() called with wrong arguments ({error})", key=name,
                                hint=f"call it as {signature_text(name, function)}") from None
        raise macro_failed(name, function, failure) from None


def expand_literal_calls(markdown: str, page: str, macros: Mapping[str, Callable]) -> str:
    """Replace every `{{ macro(literals) }}` outside raw blocks by its output."""
    pieces, last = [], 0
    for raw in [*RAW.finditer(markdown), None]:
        end = raw.start() if raw else len(markdown)
        pieces.append(_expand(markdown, last, end, page, macros))
        if raw:
            pieces.append(raw.group(0))
            last = raw.end()
    return "".join(pieces)


def _expand(text: str, start: int, end: int, page: str, macros) -> str:
    out, position = [], start
    for match in CALL.finditer(text, start, end):
        call = _literal_call(match.group(1), macros)
        if call is _NOT_STATIC:
            continue
        try:
            rendered = call_macro(*call)
        except BriefingError as error:
            raise BriefingError(error.problem, file=page, line=_line(text, match.start()),
                                key=error.key, hint=error.hint) from None
        out += [text[position:match.start()], rendered]
        position = match.end()
    out.append(text[position:end])
    return "".join(out)


def check_template(markdown: str, page: str, environment: jinja2.Environment,
                   known_names: set[str]) -> None:
    """Fail on Jinja syntax errors and on names that are neither macros nor variables."""
    try:
        tree = environment.parse(markdown)
    except jinja2.TemplateSyntaxError as error:
        raise BriefingError(f"template syntax error: {error.message}", file=page,
                            line=error.lineno,
                            hint="check the {{ }} / {% %} brackets and quotes on this line; "
                                 "write &#123;&#123; to show braces literally") from None
    for name in sorted(jinja2.meta.find_undeclared_variables(tree) - known_names):
        match = re.search(rf"\b{re.escape(name)}\b", markdown)
        raise BriefingError(f"unknown macro or variable '{name}'{did_you_mean(name, known_names)}",
                            file=page, line=_line(markdown, match.start()) if match else None,
                            key=name, hint="use one of the macros listed in CONTRIBUTING.md")


def leftover_template(markdown: str, page: str) -> None:
    """A rendered page must hold no template syntax: it would be published as is."""
    for marker in ("{{", "{%", "}}", "%}"):
        index = markdown.find(marker)
        if index >= 0:
            raise BriefingError(f"rendered page still contains '{marker}'", file=page,
                                line=_line(markdown, index),
                                hint="write &#123;&#123; to show braces literally, or fix "
                                     "the macro call")
