"""`make check` catches every mistake `make build` catches in the data file, the settings and the
pages: each case of the bad-input catalogue below is made in a copy of the project, then checked
(in-process, as `make check` runs) and built (a real strict build). Both must fail; where the
build names a file and line, `make check` names the same, and it always names the file.
The cases test_bad_inputs.py builds are checked there with `checked_as_built`."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build, copy_project
from macros.engine.check import main
from real_data import KEY, add, stated

OTHER = "campaign.md"


def append(project: Path, markdown: str, page: str = "index.md") -> None:
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + markdown + "\n", encoding="utf-8")


def replace(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(project: Path, name: str, text: str) -> None:
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_text(text, encoding="utf-8")


ORPHAN = "---\ntitle: Orphan\ndescription: A page that nobody added to the navigation yet.\n---\n\n# Orphan\n"
DATA = "data/briefing.yml"

CASES: dict[str, Callable[[Path], None]] = {
    "YAML syntax error": lambda p: replace(p, DATA, "figures:\n", "figures:\n  oops: [\n"),
    "digits in a label": lambda p: write(p, DATA, add("figures", stated(
        "test.label", "appendix_only: true").replace("label: Test figure", "label: Test 2026"))),
    "unknown macro": lambda p: append(p, f'See {{{{ fgi("{KEY}") }}}}.'),
    "wrong arguments": lambda p: append(p, f'See {{{{ fig("{KEY}", "extra") }}}}.'),
    "unclosed call": lambda p: append(p, f'See {{{{ fig("{KEY}")\n\nMore prose.'),
    "if without endif": lambda p: append(p, "{% if true %}\nShown sometimes."),
    "field that does not exist": lambda p: append(p, "Title: {{ page.no_such_field.title }}."),
    "front matter too short": lambda p: replace(
        p, f"docs/{OTHER}", "description: ", "description: Short.\nx: "),
    "digits in prose": lambda p: append(p, "Only one outlet reports 10 million downloads."),
    "number in words in prose": lambda p: append(p, "Results came four days into the holiday."),
    "code in a code block": lambda p: append(p, f'`{{{{ fig("{KEY}") }}}}`'),
}

PLACE = re.compile(r"((?:docs/[\w/.-]+\.md|mkdocs\.yml|data/briefing\.yml)(?::\d+)?)")


def build_places(output: str) -> list[str]:
    """The files (with line, where given) the build's messages name; MkDocs' own messages name
    a page by its path under docs/ ("Doc file 'index.md'", or a list of "  - orphan.md")."""
    lines = output.splitlines()
    places = []
    for n, row in enumerate(lines):
        if row.startswith(("ERROR", "WARNING")):
            places += PLACE.findall(row)
            places += [f"docs/{name}" for name in re.findall(r"Doc file '([^']+)'", row)]
            following = lines[n + 1:]
            for item in following[:next((i for i, r in enumerate(following)
                                          if not r.startswith("  - ")), len(following))]:
                places.append(f"docs/{item[4:].strip()}")
    return places


def checked_as_built(project: Path, built_output: str, case: str = "") -> None:
    """`make check` in `project` fails too, naming the place the failed build's messages name."""
    told = io.StringIO()
    with contextlib.redirect_stderr(told), contextlib.chdir(project):
        failed = main([]) == 1
    told = told.getvalue()
    assert failed, f"{case}: make check passed; the build said\n{built_output}"
    assert "Traceback" not in told
    checked = PLACE.findall(told)
    assert checked and re.match(r".+:\d+$", checked[0]), (case, told)
    built_at = build_places(built_output)
    assert built_at, (case, built_output)
    with_line = [place for place in built_at if re.search(r":\d+$", place)]
    if with_line:
        assert checked[0] == with_line[0], (case, told, built_output)
    else:
        assert checked[0].split(":")[0] == built_at[0], (case, told, built_output)


@pytest.mark.parametrize("case", CASES)
def test_check_fails_where_the_build_fails(case, tmp_path):
    project = copy_project(tmp_path / "project")
    CASES[case](project)
    built = build(project)
    assert built.returncode != 0, f"{case}: the build passed\n{built.output}"
    checked_as_built(project, built.output, case)


def test_the_names_check_reads_as_the_generators_are_the_builds(tmp_path, monkeypatch, capsys):
    """Every name `make check` lets a page read besides the macros is one the build defines, so
    a page that reads them all passes both."""
    from macros.engine.site_check import GENERATOR_NAMES

    project = copy_project(tmp_path / "project")
    append(project, "{% if not (" + " and ".join(f"{name} is defined" for name in GENERATOR_NAMES)
           + ") %}{% if page.no_such_field.title %}shown{% endif %}{% endif %}")
    built = build(project)
    assert built.returncode == 0, built.output
    monkeypatch.chdir(project)
    assert main([]) == 0, capsys.readouterr().err
