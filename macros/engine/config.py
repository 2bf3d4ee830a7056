"""The site's settings for the engine, `extra: briefing:` in mkdocs.yml, typed and checked."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields

from .errors import BriefingError, did_you_mean, shown

CONFIG_FILE = "mkdocs.yml"
_WHERE = "extra.briefing"


@dataclass(frozen=True)
class BriefingConfig:
    """Where the data lives and which pages the engine links to (paths under docs/)."""

    data: str = "data/briefing.yml"
    appendix: str = "figures.md"
    sources: str = "sources.md"
    articles: str = "../shared/sources"   # the folder of article texts, from the project root

    @classmethod
    def from_extra(cls, extra: Mapping | None, config_text: str = "") -> BriefingConfig:
        """Read `extra: briefing:`; an unknown or mistyped setting is an error, not a default.
        `config_text` (mkdocs.yml) lets a message name the setting's line."""
        raw = (extra or {}).get("briefing")
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            raise BriefingError(f"'briefing:' holds {shown(raw)}, not settings",
                                file=CONFIG_FILE, key=_WHERE,
                                line=_line(config_text, "briefing"), hint=_hint())
        names = [f.name for f in fields(cls)]
        for name, value in raw.items():
            if name not in names:
                raise BriefingError(f"unknown setting '{name}'{did_you_mean(str(name), names)}",
                                    file=CONFIG_FILE, line=_line(config_text, str(name)),
                                    key=f"{_WHERE}.{name}", hint=_hint())
            if not isinstance(value, str) or not value.strip():
                written = "empty" if value is None or value == "" or str(value).isspace() \
                    else f"a {type(value).__name__}"
                what = {"data": "the data file", "articles": "the articles folder"}.get(
                    name, f"the {name} page")
                raise BriefingError(
                    f"the setting is {written}: it must name {what}", file=CONFIG_FILE,
                    line=_line(config_text, name), key=f"{_WHERE}.{name}",
                    hint=f"write '{name}: {getattr(cls, name)}' under 'extra: briefing:' in "
                         f"{CONFIG_FILE}, or delete the line to use that default")
        return cls(**{name: value.strip() for name, value in raw.items()})

    def check_pages(self, pages: Collection[str]) -> None:
        """The appendix and sources pages must be pages of the site (renamed? update here)."""
        for name in ("appendix", "sources"):
            page = getattr(self, name)
            if page not in pages:
                raise BriefingError(
                    f"page '{page}' is not a page of the site{did_you_mean(page, pages)}",
                    file=CONFIG_FILE, key=f"{_WHERE}.{name}",
                    hint=f"set '{name}:' under 'extra: briefing:' in {CONFIG_FILE} to the "
                         f"page's path under docs/, or restore the page")


def _line(config_text: str, name: str) -> int | None:
    """The line of `name:` inside the `briefing:` block of mkdocs.yml, if it can be found."""
    block = re.search(r"^\s+briefing\s*:.*$", config_text, re.M)
    if name == "briefing" or not block:
        return config_text.count("\n", 0, block.start()) + 1 if block else None
    match = re.compile(rf"^\s+{re.escape(name)}\s*:", re.M).search(config_text, block.end())
    return config_text.count("\n", 0, match.start()) + 1 if match else None


def _hint() -> str:
    shown = ", ".join(f"{f.name}: {f.default}" for f in fields(BriefingConfig))
    return f"write the settings under 'extra: briefing:' in {CONFIG_FILE} as {{{shown}}}"


def setting_line(config_text: str, name: str) -> int | None:
    """The line of the first `name:` in a settings file (top-level or nested), if any."""
    match = re.compile(rf"^\s*{re.escape(name)}\s*:", re.M).search(config_text)
    return config_text.count("\n", 0, match.start()) + 1 if match else None
