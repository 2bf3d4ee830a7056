"""The site's settings for the engine, `extra: briefing:` in mkdocs.yml, typed and checked."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from .catalogue import told
from .errors import BriefingError, did_you_mean, shown

CONFIG_FILE = "mkdocs.yml"
_WHERE = "extra.briefing"
SETTINGS = ("data", "appendix", "sources", "articles")
# The page settings and the macro that makes the section they name (every figure's and source's
# link goes to that page, so the page must show it).
SECTIONS = {"appendix": "figures_appendix", "sources": "sources_list"}


@dataclass(frozen=True)
class BriefingConfig:
    """Where the data lives and which pages the engine links to (paths under docs/)."""

    data: str = "data/briefing.yml"
    appendix: str = "figures.md"
    sources: str = "sources.md"
    articles: str = "../shared/sources"   # the folder of article texts, from the project root
    # Where each setting is written in mkdocs.yml, for messages (not a setting itself).
    lines: Mapping[str, int | None] = field(default_factory=dict, compare=False, repr=False)

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
        names = list(SETTINGS)
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
        return cls(**{name: value.strip() for name, value in raw.items()},
                   lines={name: _line(config_text, name) for name in SETTINGS})

    def check_pages(self, pages: Collection[str]) -> None:
        """The appendix and sources pages must be pages of the site (renamed? update here)."""
        for name in SECTIONS:
            page = getattr(self, name)
            if page not in pages:
                raise BriefingError(
                    f"page '{page}' is not a page of the site{did_you_mean(page, pages)}",
                    file=CONFIG_FILE, key=f"{_WHERE}.{name}", line=self.lines.get(name),
                    hint=f"set '{name}:' under 'extra: briefing:' in {CONFIG_FILE} to the "
                         f"page's path under docs/, or restore the page")

    def check_sections(self, calls: Mapping[str, Collection[str]]) -> None:
        """The appendix and sources pages show what every link to them expects: the page named
        by each setting calls its section's macro (`calls`: the macros each page calls)."""
        for name, macro in SECTIONS.items():
            page = getattr(self, name)
            if macro not in calls.get(page, ()):
                holders = sorted(src for src, called in calls.items() if macro in called)
                elsewhere = f" ({', '.join(holders)} does)" if holders else ""
                problem, hint = told("setting-page-section", page=page, macro=macro,
                                     elsewhere=elsewhere, setting=name)
                raise BriefingError(problem, file=CONFIG_FILE, line=self.lines.get(name),
                                    key=f"{_WHERE}.{name}", hint=hint)


def _line(config_text: str, name: str) -> int | None:
    """The line of `name:` inside the `briefing:` block of mkdocs.yml, if it can be found."""
    block = re.search(r"^\s+briefing\s*:.*$", config_text, re.M)
    if name == "briefing" or not block:
        return config_text.count("\n", 0, block.start()) + 1 if block else None
    match = re.compile(rf"^\s+{re.escape(name)}\s*:", re.M).search(config_text, block.end())
    return config_text.count("\n", 0, match.start()) + 1 if match else None


def _hint() -> str:
    shown = ", ".join(f"{name}: {getattr(BriefingConfig, name)}" for name in SETTINGS)
    return f"write the settings under 'extra: briefing:' in {CONFIG_FILE} as {{{shown}}}"


def setting_line(config_text: str, name: str) -> int | None:
    """The line of the first `name:` in a settings file (top-level or nested), if any."""
    match = re.compile(rf"^\s*{re.escape(name)}\s*:", re.M).search(config_text)
    return config_text.count("\n", 0, match.start()) + 1 if match else None
