"""The README's layout names every module of macros/ (empty package files aside)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "macros").rglob("*.py"))
               if path.read_text(encoding="utf-8").strip()
               and f"`{path.relative_to(ROOT).as_posix()}`" not in readme]
    assert not missing, f"add these to README.md's module table: {missing}"
