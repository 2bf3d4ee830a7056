"""Plain wording for the pydantic errors whose own wording is below the message standard.

validate._explain asks `plain_wording` first; None means its general wording is fine.
"""

from __future__ import annotations

from ..errors import shown

SECTIONS = {"sources": "sources", "figures": "figures", "conflicts": "conflicts"}
SECTION_HINTS = {
    "sources": "add the sources under it, indented by two spaces, or fix the indentation",
    "figures": "add the figures under it, indented by two spaces, or fix the indentation",
    "conflicts": "delete the empty 'conflicts:' line, or add conflicts under it, indented by two "
                 "spaces",
}


def plain_wording(first: dict, loc: tuple, allowed: list[str] | None = None
                  ) -> tuple[str, str] | None:
    """(problem, hint) for errors pydantic words badly, else None."""
    kind, value = first["type"], first.get("input")
    if kind in {"dict_type", "model_type", "list_type"} and value is None:
        if len(loc) == 1 and loc[0] in SECTION_HINTS:
            return f"'{loc[0]}:' is empty", SECTION_HINTS[loc[0]]
        if len(loc) == 2:
            return (f"the entry '{loc[1]}' is empty",
                    f"indent its fields under '{loc[1]}:' by two more spaces, or delete the line")
        field = loc[-1]
        return (f"'{field}:' has nothing after it",
                f"write its value after '{field}:', or delete the line")
    if kind == "string_type" and value is not None and not isinstance(value, dict | list):
        if isinstance(value, bool):
            return (f"{loc[-1]}: expected text, got {shown(value)}",
                    "put the text in quotes: YAML reads unquoted yes, no, on and off as true "
                    "or false")
        return (f"{loc[-1]}: expected text, got {shown(value)}",
                f"put the text in quotes, e.g. {loc[-1]}: \"{shown(value).strip(chr(39))}\"")
    if kind == "too_short" and loc[:1] == ("conflicts",) and loc[-1] == "figures":
        found = first.get("ctx", {}).get("actual_length", len(value or []))
        return (f"a conflict needs at least two figures, got {found or 'none'}",
                "list every figure that disagrees, e.g. figures: [first.key, second.key]; a "
                "single figure with a caveat belongs in its 'note'")
    if kind == "too_short":
        needed = first.get("ctx", {}).get("min_length", 1)
        return (f"'{loc[-1]}' needs at least {needed} item{'s' if needed != 1 else ''}",
                f"list {needed} or more items in square brackets")
    if kind == "extra_forbidden" and not allowed:
        return (f"unknown field '{loc[-1]}'",
                "remove it (check its indentation: it may belong to the entry above)")
    return None


def plain_pydantic(msg: str) -> str:
    """pydantic's sentence in the engine's words: 'Input should be a valid list' -> 'expected
    a list', 'Input should be greater than 0' -> 'must be greater than 0'."""
    for old, new in (("Input should be a valid ", "expected a "), ("Input should be ", "must be "),
                     ("String should have at least 1 character", "is empty"),
                     ("String should ", "the text must "), ("List should ", "the list must "),
                     ("Dictionary should ", "the entries must "), ("Value should ", "must ")):
        if msg.startswith(old):
            msg = new + msg[len(old):]
            break
    return msg.replace("a a", "an a").replace("expected a integer", "expected a whole number")
