"""A page computes nothing itself: arithmetic in a page's template code (`{{ 7**999999999 }}`,
`{{ "x" * 10**9 }}`, `{{ 431 + 1 }}`) would type a number past the data file, or take the build
down with a result too large to compute; a number or digits printed by template code
(`{{ 431 }}`, `{{ "&#52;" }}`) or typed into a chart's title or names escape the no-digits rule.
Each is refused before rendering, with its line."""

from __future__ import annotations

import re

from jinja2 import Environment, TemplateSyntaxError, nodes

from ...catalogue import told
from ...characters import numerals
from ...errors import BriefingError, shown

TEXT_ARGUMENTS = {"title", "names", "name", "change_names", "between_names", "share_name",
                  "caption", "description", "label"}
DEEP = re.compile(r"[(\[{]{20,}")
# settings under mkdocs.yml's extra: a page may print (text: who publishes the site, where)
PRINTABLE_SETTINGS = {"publisher"}
# filters and names that turn text into numbers: {{ "abcd"|length }} prints 4
COUNTING = {"length", "count", "wordcount", "int", "float", "round", "sum", "abs", "max", "min",
            "filesizeformat", "format", "divisibleby"}
ARITHMETIC = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/",
              nodes.FloorDiv: "//", nodes.Mod: "%", nodes.Pow: "**", nodes.Neg: "-",
              nodes.Pos: "+"}


def check_expressions(text: str, page: str, names_with_digits: tuple[str, ...] = ()) -> None:
    """Refuse the first arithmetic operator in template code of `text` (the whole file), and
    the first number, or text with a digit, that template code prints (a macro's own
    arguments excepted); template syntax errors are left to the generator's own pass, which
    names them."""
    try:
        tree = Environment(autoescape=True).parse(text)
    except TemplateSyntaxError:
        return
    except RecursionError:
        deep = DEEP.search(text)
        problem, hint = told("template-expression", detail="it is nested too deeply")
        raise BriefingError(problem, file=page, hint=hint,
                            line=text.count("\n", 0, deep.start()) + 1 if deep else None
                            ) from None
    for node in tree.find_all(nodes.Expr):
        symbol = next((s for kind, s in ARITHMETIC.items() if isinstance(node, kind)), None)
        if symbol is not None:
            _refuse(f"it computes ('{symbol}') in the page", node, page)
        if isinstance(node, nodes.Filter | nodes.Test) and node.name in COUNTING:
            _refuse(f"it counts ('{node.name}') in the page", node, page)
        if isinstance(node, nodes.Name) and node.name in {"range", "loop", "lipsum"}:
            _refuse(f"it counts ('{node.name}') in the page", node, page)
    for output in tree.find_all(nodes.Output):
        for node in output.nodes:
            if not isinstance(node, nodes.TemplateData):
                _check_printed(node, page)
    for call in tree.find_all(nodes.Call):
        for keyword in call.kwargs:
            if keyword.key in TEXT_ARGUMENTS:
                _check_text_argument(keyword.key, keyword.value, page, names_with_digits)
    for pair in tree.find_all(nodes.Pair):   # {"name": "..."} in a chart's spans
        if isinstance(pair.key, nodes.Const) and pair.key.value in TEXT_ARGUMENTS:
            _check_text_argument(pair.key.value, pair.value, page, names_with_digits)


def _check_text_argument(argument: str, value: nodes.Node, page: str,
                         names: tuple[str, ...]) -> None:
    """A chart's title or names are prose the page types: no digits (names_with_digits
    excepted); a figure's value comes in through a macro such as short()."""
    for found in (value, *value.find_all(nodes.Const)):
        if not isinstance(found, nodes.Const) or not isinstance(found.value, str):
            continue
        prose = found.value
        for name in names:
            prose = prose.replace(name, " ")
        if numerals().search(prose) or "&#" in prose:
            problem, hint = told("template-expression", detail=f"its {argument} types digits "
                                 f"({shown(found.value)})")
            raise BriefingError(problem, file=page, line=found.lineno, key=argument, hint=hint)


def _check_printed(node: nodes.Node, page: str) -> None:
    """Numbers, digits and variables (page.meta.count, config...) a printed expression holds
    outside the arguments of a macro call: a page prints only what macros give."""
    calls = [*([node] if isinstance(node, nodes.Call) else []), *node.find_all(nodes.Call)]
    arguments = {id(a) for call in calls
                 for a in (*call.args, *(k.value for k in call.kwargs), call.dyn_args,
                           call.dyn_kwargs) if a is not None}
    inside = {id(n) for a in node.find_all(nodes.Node) if id(a) in arguments
              for n in (a, *a.find_all(nodes.Node))}
    callees = {id(call.node) for call in calls}
    for found in (node, *node.find_all(nodes.Name)):
        if (isinstance(found, nodes.Name) and id(found) not in inside | callees
                and found.name not in PRINTABLE_SETTINGS):
            _refuse(f"it prints the variable '{found.name}', not a macro's value", found, page)
    for found in (node, *node.find_all(nodes.Const)):
        if id(found) in inside or not isinstance(found, nodes.Const):
            continue
        value = found.value
        if isinstance(value, int | float) and not isinstance(value, bool):
            _refuse(f"it types the number {value!r} into the page", found, page)
        if isinstance(value, str) and (numerals().search(value) or "&#" in value):
            _refuse(f"it types digits into the page ({shown(value)})", found, page)


def _refuse(detail: str, node: nodes.Node, page: str) -> None:
    problem, hint = told("template-expression", detail=detail)
    raise BriefingError(problem, file=page, line=node.lineno, hint=hint)
