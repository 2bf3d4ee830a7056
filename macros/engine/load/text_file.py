"""Read a text file of the project (data file or page); every failure is a BriefingError."""

from __future__ import annotations

from pathlib import Path

from ..errors import BriefingError


def read_utf8(path: Path, display: str, what: str) -> str:
    """The file's text; one that is not UTF-8 or cannot be read says so, naming `what` it is."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = error.object.count(b"\n", 0, error.start) + 1
        raise BriefingError(f"{what} is not UTF-8 text ({error.reason} at byte {error.start})",
                            file=display, line=line,
                            hint=f"save the {what} as UTF-8 (in most editors: Save with "
                                 "encoding, UTF-8)") from None
    except OSError as error:
        raise BriefingError(f"cannot read the {what} ({error.strerror or error})", file=display,
                            hint="check that the file exists and that you may read it "
                                 "(ls -l shows its permissions)") from None
