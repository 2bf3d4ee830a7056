"""Check a macro's arguments against its annotations before calling it.

`cards("campaign.budget_cny")` would otherwise walk the text letter by letter ("unknown
figure key 'c'") and `cards(None)` would end in a TypeError traceback. The annotations the
macros already carry (`keys: list[str]`, `title: str`, `names: list[str] | None`) say what
each argument takes; a value of another type is told as the engine's own message.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from ...catalogue import told
from ...errors import BriefingError, did_you_mean, shown

KEY_PARAMS = {"key", "part", "whole", "share", "stated"}
KEY_LIST_PARAMS = {"keys", "changes", "between", "also", "multiples", "highlight"}
_SIMPLE = {"str": str, "int": int, "float": (int, float), "bool": bool, "dict": dict,
           "list": (list, tuple), "object": object}


def signature_text(name: str, function: Callable) -> str:
    """'fig(key)': the call as a contributor writes it."""
    params = inspect.signature(function).parameters.values()
    shown = [p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params]
    return f"{name}({', '.join(shown)})"


def _alternatives(annotation: object) -> list[str] | None:
    """'list[str] | None' -> ['list[str]', 'None']; None when the annotation is not simple."""
    if annotation is inspect.Parameter.empty:
        return None
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    parts = [part.strip() for part in text.replace("Optional[", "").rstrip("]").split("|")]
    for part in parts:
        base, _, inner = part.partition("[")
        if part != "None" and (base not in _SIMPLE or (inner and inner.rstrip("]") not in _SIMPLE)):
            return None
    return parts


def _fits(value: object, alternative: str) -> bool:
    if alternative == "None":
        return value is None
    base, _, inner = alternative.partition("[")
    if isinstance(value, bool) and base in {"int", "float"}:
        return False
    if not isinstance(value, _SIMPLE[base]):
        return False
    if inner and base == "list":
        wanted = _SIMPLE[inner.rstrip("]")]
        return all(isinstance(item, wanted) for item in value)
    return True


def _described(param: str, alternatives: list[str]) -> str:
    names = []
    for alternative in alternatives:
        if alternative == "None":
            continue
        base, _, inner = alternative.partition("[")
        inner = inner.rstrip("]")
        if base == "list":
            of = ("keys" if param in KEY_LIST_PARAMS or (inner == "str" and param.endswith("keys"))
                  else {"str": "texts", "dict": "mappings ({...})"}.get(inner, "values"))
            names.append(f"a list of {of}")
        elif base == "str":
            names.append("a figure key in quotes" if param in KEY_PARAMS else "a text in quotes")
        else:
            names.append({"int": "a whole number", "float": "a number", "bool": "true or false",
                          "dict": "a mapping ({...})"}.get(base, "a value"))
    return " or ".join(names) or "nothing"


def _what_was_given(value: object) -> str:
    if isinstance(value, list | tuple) and value:
        odd = next((item for item in value if not isinstance(item, str)), value[0])
        return f"a list holding {shown(odd)}"
    return f"the text {shown(value)}" if isinstance(value, str) else shown(value)


def check_names(name: str, function: Callable, kwargs: dict) -> None:
    """Raise BriefingError for a keyword argument the macro does not take, naming the
    closest ones it does (`fig(kye=...)`: did you mean key?)."""
    parameters = inspect.signature(function).parameters
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        return
    names = [p for p, param in parameters.items() if param.kind is not param.VAR_POSITIONAL]
    for argument in kwargs:
        if argument not in names:
            problem, hint = told("unknown-argument", macro=name, argument=argument,
                                 suggestion=did_you_mean(str(argument), names),
                                 call=signature_text(name, function))
            raise BriefingError(problem, key=name, hint=hint)


def check_arguments(name: str, function: Callable, args: list, kwargs: dict) -> None:
    """Raise BriefingError when an argument's name is not the macro's, the arguments do not fit
    its parameters, or an argument's type does not match the macro's annotation."""
    check_names(name, function, kwargs)
    signature = inspect.signature(function)
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        raise BriefingError(f"macro {name}() called with wrong arguments ({error})", key=name,
                            hint=f"call it as {signature_text(name, function)}") from None
    first = next(iter(signature.parameters), None)
    for param, value in bound.arguments.items():
        alternatives = _alternatives(signature.parameters[param].annotation)
        if alternatives is None or any(_fits(value, alt) for alt in alternatives):
            continue
        wanted = _described(param, alternatives)
        where = "" if param == first else f" for {param}="
        problem = f"{name}() takes {wanted}{where}, got {_what_was_given(value)}"
        if isinstance(value, str) and any(alt.startswith("list") for alt in alternatives):
            hint = (f'put the key in square brackets: {name}(["{value}"])' if param == first
                    else f'put it in square brackets: {param}=["{value}"]')
        else:
            hint = f"call it as {signature_text(name, function)}"
        raise BriefingError(problem, key=name, hint=hint)


def macro_failed(name: str, function: Callable, error: Exception) -> BriefingError:
    """Any other exception a macro raises, told as a message rather than a traceback."""
    return BriefingError(
        f"macro {name}() failed ({type(error).__name__}: {error})", key=name,
        hint=f"check the arguments (call it as {signature_text(name, function)}); if they are "
             "right, the engine has a bug: report this message")
