"""The site's settings for the engine, `extra: briefing:` in mkdocs.yml, typed and checked."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields

from .errors import BriefingError, did_you_mean

CONFIG_FILE = "mkdocs.yml"
_WHERE = "extra.briefing"


@dataclass(frozen=True)
class BriefingConfig:
    """Where the data lives and which pages the engine links to (paths under docs/)."""

    data: str = "data/briefing.yml"
    appendix: str = "figures.md"
    sources: str = "sources.md"

    @classmethod
    def from_extra(cls, extra: Mapping | None) -> BriefingConfig:
        """Read `extra: briefing:`; an unknown or mistyped setting is an error, not a default."""
        raw = (extra or {}).get("briefing")
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            raise BriefingError(f"expected settings, got {raw!r}", file=CONFIG_FILE, key=_WHERE,
                                hint=_hint())
        names = [f.name for f in fields(cls)]
        for name, value in raw.items():
            if name not in names:
                raise BriefingError(f"unknown setting '{name}'{did_you_mean(str(name), names)}",
                                    file=CONFIG_FILE, key=f"{_WHERE}.{name}", hint=_hint())
            if not isinstance(value, str) or not value.strip():
                raise BriefingError(f"expected a path, got {value!r}", file=CONFIG_FILE,
                                    key=f"{_WHERE}.{name}", hint=_hint())
        return cls(**raw)

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


def _hint() -> str:
    shown = ", ".join(f"{f.name}: {f.default}" for f in fields(BriefingConfig))
    return f"write the settings under 'extra: briefing:' in {CONFIG_FILE} as {{{shown}}}"
