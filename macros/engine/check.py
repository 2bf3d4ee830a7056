"""Check the data file without building the site.

    python -m macros.engine.check [data/briefing.yml]

Prints "<file>: ok (...)" and exits 0, or prints the error and exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .derive.briefing import Briefing
from .errors import BriefingError
from .site import DEFAULT_DATA_FILE


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    name = args[0] if args else DEFAULT_DATA_FILE
    try:
        briefing = Briefing.load(Path(name), display=name)
    except BriefingError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{name}: ok ({len(briefing.figures)} figures, {len(briefing.sources)} sources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
