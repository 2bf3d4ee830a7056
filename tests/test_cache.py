"""The checked-data cache (macros/engine/load/cache.py): keyed by content, never stale, and a
warm build does not import pydantic."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import build
from macros.engine.load.cache import CACHE_DIR, Record

DATA = "data/briefing.yml"
BUILD_TIME = re.compile(rb"\d\d:\d\d:\d\d(?: UTC|Z)")
LABEL = "Qwen Lunar New Year campaign budget"
ENGINE_EDIT = '''

_original_init = Briefing.__init__


def _edited_init(self, *args, **kwargs):  # appended by tests/test_cache.py
    import dataclasses

    _original_init(self, *args, **kwargs)
    self.figures = {k: dataclasses.replace(f, label=f.label + " by the edited engine")
                    for k, f in self.figures.items()}


Briefing.__init__ = _edited_init
'''


def _entries(project):
    return sorted((project / CACHE_DIR).glob("*.pickle"))


def _files(site):
    """Every file of a built site, without the build's time of day (the revision-date plugin
    falls back to it outside git; gzip headers hold it too)."""
    return {p.relative_to(site).as_posix(): BUILD_TIME.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def test_cache_never_serves_stale_figures(project_copy, tmp_path):
    first = build(project_copy, tmp_path / "one")
    assert first.returncode == 0, first.output
    assert len(_entries(project_copy)) == 1
    assert LABEL in first.page("campaign/")

    again = build(project_copy, tmp_path / "two")          # warm: same entry, same pages
    assert again.returncode == 0, again.output
    assert len(_entries(project_copy)) == 1
    assert _files(again.site) == _files(first.site), "a warm build differs from a cold one"

    data = project_copy / DATA
    data.write_text(data.read_text(encoding="utf-8").replace(
        f'label: "{LABEL}"', f'label: "{LABEL} as edited"', 1), encoding="utf-8")
    edited = build(project_copy, tmp_path / "three")
    assert edited.returncode == 0, edited.output
    assert f"{LABEL} as edited" in edited.page("campaign/")
    assert len(_entries(project_copy)) == 2

    engine = project_copy / "macros" / "engine" / "derive" / "briefing.py"
    engine.write_text(engine.read_text(encoding="utf-8") + ENGINE_EDIT, encoding="utf-8")
    changed = build(project_copy, tmp_path / "four")
    assert changed.returncode == 0, changed.output
    assert f"{LABEL} as edited by the edited engine" in changed.page("campaign/")
    assert len(_entries(project_copy)) == 3


def test_warm_build_imports_no_checking_code_and_a_damaged_entry_is_a_miss(project_copy):
    script = ("import sys; from pathlib import Path; from macros.engine.site import Site; "
              "from macros.engine.config import BriefingConfig; "
              "from macros.engine.pages.usage import PageInfo; "
              "pages = {p.name: PageInfo(p.name, p.stem + '/', p.stem) "
              "for p in Path('docs').glob('*.md')}; "
              "site = Site(Path('.'), Path('docs'), BriefingConfig(), pages); "
              "print(len(site.briefing.figures), sorted(m for m in sys.modules if "
              "m.startswith(('pydantic', 'macros.engine.validate.models', "
              "'macros.engine.validate.document', 'macros.engine.derive.formula'))))")

    def run():
        done = subprocess.run([sys.executable, "-c", script], cwd=project_copy,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        count, modules = done.stdout.split(" ", 1)
        return int(count), modules.strip()

    cold_count, cold_modules = run()
    assert "pydantic" in cold_modules
    warm_count, warm_modules = run()
    assert (warm_count, warm_modules) == (cold_count, "[]")
    [entry] = _entries(project_copy)
    entry.write_bytes(b"not a pickle")
    assert run() == (cold_count, cold_modules)


def test_cache_off_by_environment(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not _entries(project_copy)


def test_record_reads_like_the_model_it_replaces():
    record = Record("Source", {"publisher": "Reuters", "url": None})
    assert record.publisher == "Reuters" and record.url is None
    assert record == Record("Source", {"publisher": "Reuters", "url": None})
    assert record.model_dump() == {"publisher": "Reuters", "url": None}
    assert "Source(publisher='Reuters'" in repr(record)
