"""A page computes nothing itself and shows a macro's value as the macro gives it: arithmetic in
a page's template code (`{{ 7**999999999 }}`, `{{ "x" * 10**9 }}`, `{{ 431 + 1 }}`) would type a
number past the data file, or take the build down with a result too large to compute; a number
or digits printed by template code (`{{ 431 }}`, `{{ "&#52;" }}`) or typed into a chart's title
or names escape the no-digits rule; a filter, `~`, an attribute or a comparison applied to a
macro's value (`{{ fig("a.b") | replace("billion", "trillion") }}`) changes what the data file
says. A printed expression is a macro call with literal arguments (texts, lists, mappings,
other macro calls, texts joined with `~` for a chart's title), a setting the page may print, or
quoted text. Template code too large to check (deep nesting, thousands of parts, a huge quoted
text) is refused first, from the lexer's tokens. Each is refused before rendering, with its
line."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment, TemplateSyntaxError, nodes

from ...catalogue import told
from ...characters import numerals
from ...errors import BriefingError, shown
from .page_template import BLOCK_TAGS

TEXT_ARGUMENTS = {"title", "names", "name", "change_names", "between_names", "share_name",
                  "caption", "description", "label"}
# settings under mkdocs.yml's extra: a page may print (text: who publishes the site, where)
PRINTABLE_SETTINGS = {"publisher"}
# filters and names that turn text into numbers: {{ "abcd"|length }} prints 4
COUNTING = {"length", "count", "wordcount", "int", "float", "round", "sum", "abs", "max", "min",
            "filesizeformat", "format", "divisibleby"}
ARITHMETIC = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/",
              nodes.FloorDiv: "//", nodes.Mod: "%", nodes.Pow: "**", nodes.Neg: "-",
              nodes.Pos: "+"}
COMPARISONS = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<=",
               "in": "in", "notin": "not in"}
# Far above what the site's pages need (a chart call has under a hundred parts, three brackets
# open at once), far below what Jinja's recursive parser and compiler survive.
LIMITS = {"parts": 400, "depth": 20, "levels": 50, "characters": 1000}
OPENING, CLOSING = set("([{"), set(")]}")


def check_expressions(text: str, page: str, names_with_digits: tuple[str, ...] = ()) -> None:
    """Refuse the first template code in `text` (the whole file) that is too large to check,
    computes, prints a number, digits or a variable, or does more than print a macro's value;
    template syntax errors, and names that are not the site's macros, are left to the
    generator's own pass (page_template.parse_body), which names them."""
    _check_size(text, page)
    try:
        tree = Environment(autoescape=True).parse(text)
        _check_levels(tree, page)
        _check_tree(tree, page, names_with_digits)
    except TemplateSyntaxError:
        return
    except RecursionError:
        _too_large("it is nested too deeply", page, _deepest_line(text))


def _check_tree(tree: nodes.Template, page: str, names_with_digits: tuple[str, ...]) -> None:
    for node in tree.find_all(nodes.Expr):
        symbol = next((s for kind, s in ARITHMETIC.items() if isinstance(node, kind)), None)
        if symbol is not None:
            _refuse(f"it computes ('{symbol}') in the page", node, page)
        if isinstance(node, nodes.Filter | nodes.Test) and node.name in COUNTING:
            _refuse(f"it counts ('{node.name}') in the page", node, page)
        if isinstance(node, nodes.Name) and node.name in {"range", "loop", "lipsum"}:
            _refuse(f"it counts ('{node.name}') in the page", node, page)
    printed = [node for output in tree.find_all(nodes.Output) for node in output.nodes
               if not isinstance(node, nodes.TemplateData)]
    for node in printed:
        _check_printed(node, page)
    MacroValues(page).check(tree, printed)
    for call in tree.find_all(nodes.Call):
        for keyword in call.kwargs:
            if keyword.key in TEXT_ARGUMENTS:
                _check_text_argument(keyword.key, keyword.value, page, names_with_digits)
    for pair in tree.find_all(nodes.Pair):   # {"name": "..."} in a chart's spans
        if isinstance(pair.key, nodes.Const) and pair.key.value in TEXT_ARGUMENTS:
            _check_text_argument(pair.key.value, pair.value, page, names_with_digits)


class MacroValues:
    """A macro's value reaches the page as the macro gives it: each printed expression is a
    macro call with literal arguments, a printable setting or quoted text; a macro call
    anywhere else (in a condition, a `set`, a filter's argument) and a filter block are
    refused."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.placed: set[int] = set()   # the calls printed as they are or passed as arguments

    def check(self, tree: nodes.Template, printed: list[nodes.Node]) -> None:
        for node in printed:
            if isinstance(node, nodes.Call):
                self._call(node)
            elif not _printable(node):
                _transforms(_what_it_does(node), node, self.page)
        for include in tree.find_all(nodes.Include):
            if not isinstance(include.template, nodes.Const):
                _transforms("it includes a file its template code names", include, self.page)
        for block in tree.find_all(nodes.FilterBlock):
            _transforms(f"the filter block '{block.filter.name}' changes the text inside it",
                        block, self.page)
        for call in tree.find_all(nodes.Call):
            if id(call) not in self.placed:
                _transforms(f"it uses {_called(call)} inside other template code", call,
                            self.page)

    def _call(self, call: nodes.Call) -> None:
        if not isinstance(call.node, nodes.Name):
            _transforms(_what_it_does(call.node), call, self.page)
        if call.dyn_args is not None or call.dyn_kwargs is not None:
            _transforms("it unpacks arguments with '*' or '**'", call, self.page)
        self.placed.add(id(call))
        for argument in (*call.args, *(keyword.value for keyword in call.kwargs)):
            self._argument(argument)

    def _argument(self, value: nodes.Node) -> None:
        """Texts, numbers, lists and mappings of them, macro calls, and texts joined with
        macro calls by `~` (a chart's title)."""
        if isinstance(value, nodes.Const):
            return
        if isinstance(value, nodes.Call):
            self._call(value)
        elif isinstance(value, nodes.List | nodes.Tuple):
            for item in value.items:
                self._argument(item)
        elif isinstance(value, nodes.Dict):
            for pair in value.items:
                self._argument(pair.key)
                self._argument(pair.value)
        elif isinstance(value, nodes.Concat):
            for part in value.nodes:
                if not isinstance(part, nodes.Const | nodes.Call):
                    _transforms(_what_it_does(part), part, self.page)
                self._argument(part)
        else:
            _transforms(_what_it_does(value), value, self.page)


def _printable(node: nodes.Node) -> bool:
    """Quoted text, or a printable setting (`publisher.name`)."""
    if isinstance(node, nodes.Const):
        return isinstance(node.value, str)
    while isinstance(node, nodes.Getattr):
        node = node.node
    return isinstance(node, nodes.Name) and node.name in PRINTABLE_SETTINGS


def _what_it_does(node: nodes.Node) -> str:
    """What an expression does to a value, in a contributor's words."""
    if isinstance(node, nodes.Filter):
        return f"it applies the filter '{node.name}'"
    if isinstance(node, nodes.Test):
        return f"it tests the value ('is {node.name}')"
    if isinstance(node, nodes.Concat):
        return "it joins texts to the value ('~')"
    if isinstance(node, nodes.Getattr):
        return f"it reads '.{node.attr}' of a value"
    if isinstance(node, nodes.Getitem | nodes.Slice):
        return "it takes a part of a value ('[...]')"
    if isinstance(node, nodes.Compare):
        return f"it compares values ('{COMPARISONS.get(node.ops[0].op, node.ops[0].op)}')"
    if isinstance(node, nodes.CondExpr):
        return "it chooses between values ('if ... else')"
    if isinstance(node, nodes.And | nodes.Or | nodes.Not):
        return f"it combines values ('{type(node).__name__.lower()}')"
    if isinstance(node, nodes.List | nodes.Tuple | nodes.Dict):
        return "it prints a list or a mapping, not a macro's value"
    if isinstance(node, nodes.Call):
        return f"it calls {_called(node)} on a value"
    if isinstance(node, nodes.Name):
        return f"it passes the variable '{node.name}' where a quoted text belongs"
    return "it does more than print a macro's value"


def _called(call: nodes.Call) -> str:
    return f"{call.node.name}()" if isinstance(call.node, nodes.Name) else "a function"


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


def _tokens(text: str) -> Iterator[tuple[int, int, int, str, str]]:
    """Each token of the page's template code as (line, brackets and blocks open, parts so
    far in its {{ }} or {% %}, kind, value), from Jinja's lexer, which has no recursion."""
    depth = parts = 0
    tag_next = False
    for line, kind, value in Environment().lex(text):
        if kind == "whitespace":
            continue
        if kind in {"variable_begin", "block_begin"}:
            parts, tag_next = 0, kind == "block_begin"
            continue
        parts += 1
        if kind == "operator" and value in OPENING:
            depth += 1
        elif kind == "operator" and value in CLOSING:
            depth = max(depth - 1, 0)
        elif tag_next and kind == "name" and value in BLOCK_TAGS:
            depth += 1
        elif tag_next and kind == "name" and value.startswith("end"):
            depth = max(depth - 1, 0)
        tag_next = False
        yield line, depth, parts, kind, value


def _check_size(text: str, page: str) -> None:
    """Refuse template code too large for Jinja's recursive parser or for a message: too deep,
    too many parts in one tag, a huge quoted text (a syntax error is left to the parser)."""
    try:
        for line, depth, parts, kind, value in _tokens(text):
            if depth > LIMITS["depth"]:
                _too_large(f"it is nested too deeply (more than {LIMITS['depth']} brackets or "
                           "blocks open at once)", page, line)
            if parts > LIMITS["parts"]:
                _too_large(f"it is too long (more than {LIMITS['parts']} parts in one "
                           "{{ }} or {% %})", page, line)
            if kind == "string" and len(value) - 2 > LIMITS["characters"]:
                _too_large(f"a quoted text of {len(value) - 2} characters (more than "
                           f"{LIMITS['characters']})", page, line)
    except TemplateSyntaxError:
        return


def _check_levels(tree: nodes.Template, page: str) -> None:
    """Refuse expressions inside one another past the limit (`not not not ...`, a chain of
    filters or `+`: flat to the lexer, deep to Jinja's compiler), walked without recursion,
    and a loop inside a loop (three over quoted texts would run a billion times)."""
    stack = [(tree, 0, False)]
    while stack:
        node, level, looping = stack.pop()
        if level > LIMITS["levels"]:
            _too_large(f"it is nested too deeply (more than {LIMITS['levels']} levels)", page,
                       node.lineno)
        if looping and isinstance(node, nodes.For):
            _too_large("it loops inside another loop", page, node.lineno)
        stack.extend((child, level + 1, looping or isinstance(node, nodes.For))
                     for child in node.iter_child_nodes())


def included(text: str) -> list[tuple[str, int]]:
    """The files `{% include %}` names in the page's template code, with their lines."""
    try:
        tree = Environment().parse(text)
    except (TemplateSyntaxError, RecursionError):
        return []
    return [(str(node.template.value), node.lineno) for node in tree.find_all(nodes.Include)
            if isinstance(node.template, nodes.Const)]


def _deepest_line(text: str) -> int | None:
    """The line where template code is nested deepest (or, flat, has most parts in a tag)."""
    try:
        tokens = [(depth, parts, line) for line, depth, parts, _, _ in _tokens(text)]
    except TemplateSyntaxError:
        tokens = []
    return max(tokens, key=lambda t: (t[0], t[1], -t[2]))[2] if tokens else None


def _too_large(detail: str, page: str, line: int | None) -> None:
    problem, hint = told("template-too-large", detail=detail, **LIMITS)
    raise BriefingError(problem, file=page, line=line, hint=hint) from None


def _transforms(detail: str, node: nodes.Node, page: str) -> None:
    problem, hint = told("template-transform", detail=detail)
    raise BriefingError(problem, file=page, line=node.lineno, hint=hint)


def _refuse(detail: str, node: nodes.Node, page: str) -> None:
    problem, hint = told("template-expression", detail=detail)
    raise BriefingError(problem, file=page, line=node.lineno, hint=hint)
