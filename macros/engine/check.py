"""Check the data file without building the site.

    python -m macros.engine.check [data/briefing.yml]

Prints "<file>: ok (...)" and exits 0, or prints the error and exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from .config import CONFIG_FILE, BriefingConfig
from .errors import BriefingError
from .pipeline import load_briefing
from .site import DEFAULT_DATA_FILE
from .validate.articles import check_data_file

USAGE = f"""\
usage: python -m macros.engine.check [DATA_FILE]

Check the data file without building the site (the data checks `make build` runs).
DATA_FILE defaults to {DEFAULT_DATA_FILE}. Prints "<file>: ok (...)" and exits 0, or prints
one message (file:line: key: problem, then How to fix) and exits 1.

options:
  -h, --help  show this help and exit
"""


class SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (such as !ENV for the site address) read as nothing,
    which the engine's settings never use."""


SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def settings() -> BriefingConfig:
    """The engine's settings from mkdocs.yml in the current folder (the defaults without it)."""
    path = Path(CONFIG_FILE)
    if not path.is_file():
        return BriefingConfig()
    text = path.read_text(encoding="utf-8")
    return BriefingConfig.from_extra((yaml.load(text, SettingsLoader) or {}).get("extra"), text)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(arg in {"-h", "--help"} for arg in args):
        print(USAGE, end="")
        return 0
    options = [arg for arg in args if arg.startswith("-") and arg != "-"]
    if options or len(args) > 1:
        wrong = options[0] if options else " ".join(args[1:])
        print(f"{USAGE}\nerror: unexpected argument '{wrong}' (give at most one data file)",
              file=sys.stderr)
        return 2
    name = args[0] if args else DEFAULT_DATA_FILE
    try:
        briefing = load_briefing(Path(name), display=name)
        articles = settings().articles
        check_data_file(Path(name), name, Path(articles), articles)
    except BriefingError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{name}: ok ({len(briefing.figures)} figures, {len(briefing.sources)} sources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
