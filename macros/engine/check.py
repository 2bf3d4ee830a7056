"""Check the data file, its passages and every page without building the site.

    python -m macros.engine.check [data/briefing.yml]

Prints "<file>: ok (...)" and exits 0, or prints the errors and exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .config import CONFIG_FILE, BriefingConfig
from .derive.overdue import overdue
from .errors import BriefingError
from .pipeline import load_briefing
from .site_check import check_site, read_settings

DEFAULT_DATA_FILE = BriefingConfig.data
USAGE = f"""\
usage: python -m macros.engine.check [DATA_FILE]

Check without building the site what `make build` checks: in a folder with {CONFIG_FILE}, the
data file, its passages against the articles, the nav and every page (template syntax, keys,
arguments, expressions, links and anchors, rules, figures no page shows); given DATA_FILE
(default {DEFAULT_DATA_FILE} where there is no {CONFIG_FILE}), the data file and its passages
only. Prints "<file>: ok (...)" and exits 0, or prints each message (file:line: key: problem,
then How to fix) and exits 1.

options:
  -h, --help  show this help and exit
"""


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
    try:
        if not args and Path(CONFIG_FILE).is_file():   # the whole site in the current folder
            site, errors = check_site(Path.cwd())
            briefing, name = site.briefing, site.config.data
            pages = f", {len(site.usage.pages)} pages"
        else:
            name = args[0] if args else DEFAULT_DATA_FILE
            articles = read_settings(Path.cwd()).config.articles
            briefing = load_briefing(Path(name), display=name, articles=(Path(articles), articles))
            errors, pages = [], ""
    except BriefingError as error:
        errors = [error]
    if errors:
        print("\n".join(map(str, errors)), file=sys.stderr)
        return 1
    for line in overdue(briefing):   # reported, not refused
        print(line, file=sys.stderr)
    print(f"{name}: ok ({len(briefing.figures)} figures, {len(briefing.sources)} sources{pages})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
