"""Under `mkdocs serve`, a rebuild after a link or special file appeared in docs/ shows the
message on every page instead of failing: a failed rebuild leaves every page request of the
live-reload server waiting. MkDocs must still read nothing the check refused (it follows links
to folders while listing docs/, and reading a named pipe never ends), so the rebuild lists a
stand-in folder instead: an empty file for each page of docs/ that is a plain file, each
rendered as the error page. The next rebuild, once the file is fixed, reads docs/ again."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import weakref
from pathlib import Path


def stand_in_pages(docs_dir: Path, config) -> Path:
    """The stand-in folder for `docs_dir`, removed once `config` (this rebuild's) is gone.
    Links are never followed; only plain Markdown files are stood in for."""
    stand_in = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
    weakref.finalize(config, shutil.rmtree, stand_in, True)
    for parent, _dirs, files in os.walk(docs_dir):
        for name in files:
            path = Path(parent) / name
            if name.endswith(".md") and stat.S_ISREG(os.lstat(path).st_mode):
                page = stand_in / path.relative_to(docs_dir)
                page.parent.mkdir(parents=True, exist_ok=True)
                page.touch()
    return stand_in
