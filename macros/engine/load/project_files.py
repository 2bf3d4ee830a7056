"""Only the project's own files are published: the folders a build copies from (docs/, the
theme's overrides, data/) hold plain files and folders, no link (symbolic or hard) and no
special file, and the settings that name them stay inside the project. Checked before the
generator reads a file; links are never followed, so a link to a parent folder costs nothing."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..catalogue import told
from ..errors import BriefingError


def check_inside(project_dir: Path, path: Path, setting: str, file: str,
                 line: int | None) -> None:
    """`path`, named by `setting` in `file`, is inside the project folder (links resolved)."""
    root = project_dir.resolve()
    if not (project_dir / path).resolve().is_relative_to(root):
        problem, hint = told("setting-outside-project", written=str(path))
        raise BriefingError(problem, file=file, line=line, key=setting, hint=hint)


def check_own_files(project_dir: Path, folders: Iterable[Path]) -> None:
    """Every entry under each of `folders` (those that exist) is a plain file or folder."""
    for folder in folders:
        if not os.path.lexists(folder):
            continue
        _check_entry(project_dir, folder)
        if not folder.is_dir():
            continue
        for parent, dirs, files in os.walk(folder, followlinks=False):
            dirs.sort()
            for name in [*dirs, *sorted(files)]:
                _check_entry(project_dir, Path(parent) / name)


def _check_entry(project_dir: Path, path: Path) -> None:
    status = os.lstat(path)
    mode = status.st_mode
    if stat.S_ISDIR(mode) or (stat.S_ISREG(mode) and status.st_nlink == 1):
        return
    shown = _shown(project_dir, path)
    if stat.S_ISREG(mode):  # a hard link: the same file as a name elsewhere, maybe outside
        problem, hint = told("published-hard-link", names=status.st_nlink)
    elif stat.S_ISLNK(mode):
        problem, hint = told("published-link", target=os.readlink(path))
    else:
        problem, hint = told("published-special", what=_kind(mode))
    raise BriefingError(problem, file=shown, hint=hint)


def _shown(project_dir: Path, path: Path) -> str:
    """The path as messages name it, from the project folder when it is inside."""
    try:
        return path.absolute().relative_to(project_dir.absolute()).as_posix()
    except ValueError:
        return str(path)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a plain file"
