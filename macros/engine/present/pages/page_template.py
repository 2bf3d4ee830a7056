"""A page as a Jinja template, as both generators and `make check` read it: its syntax and the
names it reads (told with page and line before anything renders), the line of the page being
rendered, and a failed expression in a contributor's words."""

from __future__ import annotations

import re
import traceback
from collections.abc import Collection

import jinja2
from jinja2 import nodes

from ...catalogue import told
from ...errors import BriefingError, did_you_mean
from ...load.page_source import PageSource


def free_names(tree: nodes.Template) -> set[str]:
    """Names a page reads but never sets (loop variables, `set`, macros and their parameters):
    a walk of the parsed page, a tenth of the cost of jinja2.meta.find_undeclared_variables,
    which compiles the page to find them (tests/test_template_path.py compares the two)."""
    read, written = set(), {macro.name for macro in tree.find_all(nodes.Macro)}
    for name in tree.find_all(nodes.Name):
        (read if name.ctx == "load" else written).add(name.name)
    return read - written


def parse_body(page: PageSource, environment: jinja2.Environment, known: Collection[str],
               macro_names: Collection[str] | None = None) -> nodes.Template:
    """The page's body parsed; a syntax error (an unclosed {{ or {% if %}, a brace missing),
    a name that is neither a macro nor a variable, or a call of a name the generator gives
    that is not one of `macro_names` (`now()`, `context()`) is told with the page's line."""
    offset = page.body_line
    body = page.text.splitlines(keepends=True)[offset:]
    try:
        tree = environment.parse("".join(body))
    except jinja2.TemplateSyntaxError as error:
        problem, hint = told("template-syntax", detail=error.message)
        line = unclosed_block_line("".join(body)) if "end of template" in str(error) else None
        raise BriefingError(problem, file=page.display, line=(line or error.lineno) + offset,
                            hint=hint) from None
    for name in sorted(free_names(tree) - set(known)):
        word = re.compile(rf"\b{re.escape(name)}\b")
        line = next((n for n, row in enumerate(body, offset + 1) if word.search(row)), None)
        problem, hint = told("template-unknown-name", name=name,
                             suggestion=did_you_mean(name, known))
        raise BriefingError(problem, file=page.display, line=line, key=name, hint=hint)
    for call in tree.find_all(nodes.Call) if macro_names is not None else ():
        if isinstance(call.node, nodes.Name) and call.node.name not in macro_names:
            problem, hint = told("template-expression", detail=f"it calls '{call.node.name}', "
                                 "which is not one of the site's macros")
            raise BriefingError(problem, file=page.display, line=call.lineno + offset, hint=hint)
    return tree


BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape"})


def unclosed_block_line(body: str) -> int | None:
    """The line of the innermost block left open ({% if %} without {% endif %}): Jinja tells
    it at the end of the page, where nothing is wrong."""
    opened: list[int] = []
    tag_next = False
    try:
        for line, kind, value in jinja2.Environment().lex(body):
            if kind == "block_begin":
                tag_next = True
            elif tag_next and kind == "name":
                if value in BLOCK_TAGS:
                    opened.append(line)
                elif value.startswith("end") and opened:
                    opened.pop()
                tag_next = False
    except jinja2.TemplateSyntaxError:
        pass
    return opened[-1] if opened else None


def template_line() -> int | None:
    """The line of the page body being rendered: the innermost calling frame of a compiled
    Jinja template, read as Jinja reads its own tracebacks (`__jinja_template__`)."""
    for frame, line in traceback.walk_stack(None):
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(line)
    return None


def what_failed(error: Exception) -> str:
    """The failure in a contributor's words: Jinja's "'mkdocs.structure.pages.Page object' has
    no attribute 'x'" names a Python class, not what was written."""
    missing = re.search(r"has no attribute '([^']+)'", str(error))
    if isinstance(error, jinja2.UndefinedError) and missing:
        return f"'{missing.group(1)}' does not exist there"
    return str(error) or type(error).__name__
