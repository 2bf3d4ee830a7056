"""The checked data, kept between builds: a pickle of the resolved Briefing.

A build reads the data file and checks it (YAML, pydantic models, formulas, formatting); that
is most of a small site's fixed cost, and pydantic's import alone is about 0.1 s. The result
depends only on the data file's bytes, the engine's own source files and the libraries that
format it, so it is stored under a hash of exactly those (content, never timestamps) in an
ignored folder, `.cache/briefing/` in the project. A change to any of them gives a new key:
the cache can miss, never serve stale figures.

On a hit nothing of the checking stage is imported (no pydantic, no load.schema, no
load.validate, no derive.formula): pydantic models in the Briefing (sources, conflicts) are
stored as plain `Record`s with the same fields. The formatted date texts are stored too, so a
warm build does not load Babel's calendar data either.

`BRIEFING_CACHE=off` in the environment turns the cache off (the benchmark's cold builds).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..derive.briefing import Briefing

ENGINE_DIR = Path(__file__).resolve().parents[1]   # macros/engine: every file keys the cache
CACHE_DIR = Path(".cache") / "briefing"            # under the project directory (git-ignored)
FORMAT = b"briefing-cache 1"
KEEP = 8                                           # newest entries kept (one per data file)
LIBRARIES = ("babel", "pyyaml", "pydantic", "pydantic-core")


class Record:
    """A checked model (a Source, a Conflict...) as plain, frozen attributes."""

    __slots__ = ("_fields",)

    def __init__(self, kind: str, fields: dict) -> None:
        object.__setattr__(self, "_fields", {"__kind__": kind, **fields})

    def __getattr__(self, name: str):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"{self._fields['__kind__']} is frozen")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._fields == other._fields

    def __hash__(self) -> int:
        return hash(tuple(self._fields.items()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._fields.items() if k != "__kind__")
        return f"{self._fields['__kind__']}({fields})"

    def __reduce__(self):
        return (Record, (self._fields["__kind__"], {k: v for k, v in self._fields.items()
                                                    if k != "__kind__"}))

    def model_dump(self) -> dict:
        return {k: v.model_dump() if isinstance(v, Record) else v
                for k, v in self._fields.items() if k != "__kind__"}


def enabled() -> bool:
    return os.environ.get("BRIEFING_CACHE", "on").lower() not in {"off", "0", "no", "false"}


def cache_key(data_path: Path, display: str) -> str:
    """Hash of everything the checked data depends on: the data file and every other file in
    its folder (should the engine come to read them), the engine's sources, the libraries'
    versions and Python's."""
    digest = hashlib.sha256(FORMAT)
    for part in (sys.version.encode(), display.encode(), _library_versions()):
        digest.update(len(part).to_bytes(8, "little") + part)
    for folder, files in ((data_path.parent, sorted(data_path.parent.rglob("*"))),
                          (ENGINE_DIR, sorted(ENGINE_DIR.rglob("*.py")))):
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _library_versions() -> bytes:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found).encode()


def load_briefing(path: Path, display: str, project_dir: Path) -> Briefing:
    """The Briefing of the data file at `path` (named `display` in messages), from the cache
    in `project_dir` when its key matches."""
    if enabled() and path.is_file():
        folder = project_dir / CACHE_DIR
        entry = folder / f"{cache_key(path, display)}.pickle"
        cached = _read(entry)
        if cached is not None:
            return cached
    from .. import pipeline  # checks the data, importing pydantic: only on a miss

    briefing = pipeline.load_briefing(path, display=display)   # raises the usual errors
    if enabled() and path.is_file():
        _write(folder, entry, briefing)
    return briefing


def _read(entry: Path) -> Briefing | None:
    from ..format.values import DATE_TEXTS

    try:
        with entry.open("rb") as stream:
            briefing, date_texts = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged entry is a miss, and is replaced  # noqa: BLE001
        return None
    for key, text in date_texts.items():
        DATE_TEXTS.setdefault(key, text)
    return briefing


class _Pickler(pickle.Pickler):
    """Stores pydantic models as Records, so that loading them does not import pydantic."""

    def __init__(self, *args, **kwargs) -> None:
        from pydantic import BaseModel

        super().__init__(*args, **kwargs)
        self._model = BaseModel

    def reducer_override(self, obj):
        if isinstance(obj, self._model):
            fields = {name: getattr(obj, name) for name in type(obj).model_fields}
            return Record, (type(obj).__name__, fields)
        return NotImplemented


def _write(folder: Path, entry: Path, briefing: Briefing) -> None:
    from ..format.values import DATE_TEXTS

    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((briefing, dict(DATE_TEXTS)))
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
            out.write(buffer.getvalue())
        os.replace(out.name, entry)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return   # a read-only checkout, or data that cannot be pickled: build without a cache
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
