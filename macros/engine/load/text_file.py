"""Read a text file of the project (data file or page); every failure is a BriefingError.

Only a regular file of at most MAX_BYTES is read: a device (/dev/zero), a pipe or a socket
would never end or never answer, and a file far larger than any page or data file is a
mistake (a log, a dump) that would only slow the build down.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import BriefingError

MAX_BYTES = 2 * 1024 * 1024


def read_utf8(path: Path, display: str, what: str) -> str:
    """The file's text; one that is not UTF-8 or cannot be read says so, naming `what` it is."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(mode):
            raise BriefingError(
                f"the {what} is not a regular file (it is a device, pipe or socket)",
                file=display, hint=f"point at the {what} itself, a plain text file in the "
                                   "project")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise BriefingError(f"cannot read the {what} ({error.strerror or error})", file=display,
                            hint="check that the file exists and that you may read it "
                                 "(ls -l shows its permissions)") from None
    if len(data) > MAX_BYTES:
        raise BriefingError(
            f"the {what} is larger than {MAX_BYTES // (1024 * 1024)} MB", file=display,
            hint=f"check that this is the {what} (not a log or a dump); split a long page, or "
                 "keep the data file to the figures the site shows")
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        line = error.object.count(b"\n", 0, error.start) + 1
        raise BriefingError(f"{what} is not UTF-8 text ({error.reason} at byte {error.start})",
                            file=display, line=line,
                            hint=f"save the {what} as UTF-8 (in most editors: Save with "
                                 "encoding, UTF-8)") from None
