"""Every page's footer says when the page was last revised (the later of its own last commit and
the data file's, whose figures it shows) and how far its reporting goes; the JSON-LD's
dateModified is the same day."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess

import pytest

from conftest import build
from macros.engine.format.values import format_partial_date
from real_data import REAL

LINE = re.compile(r'Page last revised <time datetime="(\d{4}-\d\d-\d\d)">([^<]+)</time>'
                  r" · reporting as of ([^<]+)</span>")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def revision(html: str) -> tuple[str, str, str]:
    [found] = LINE.findall(html)
    return found


def date_modified(html: str) -> str:
    [script] = SCRIPT.findall(html.split("</head>")[0])
    return json.loads(script)["dateModified"]


def said(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def pages(site):
    return [p for p in site.rglob("index.html") if p.parent.name != "search"]


@pytest.mark.parametrize("generator", ["built_site", "built_zensical"])
def test_every_page_says_when_it_was_revised_and_how_far_its_reporting_goes(request, generator):
    reporting = format_partial_date(REAL.reporting_as_of)
    assert reporting == "early February 2026"
    for page in pages(request.getfixturevalue(generator).site):
        html = page.read_text(encoding="utf-8")
        iso, text, as_of = revision(html)
        assert (text, as_of) == (said(iso), reporting), page
        assert date_modified(html) == iso, page
        assert "Last updated" not in html, page


def commit(project, day: str, *paths: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00Z",
           "GIT_COMMITTER_DATE": f"{day}T12:00:00Z"}
    for args in (["add", *paths], ["-c", "user.name=T", "-c", "user.email=t@example.com",
                                   "commit", "-q", "-m", day]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_a_page_is_revised_when_its_data_file_changes_after_it(project_copy, tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=project_copy, check=True)
    commit(project_copy, "2026-11-26", ".")
    data = project_copy / "data" / "briefing.yml"
    data.write_text(data.read_text(encoding="utf-8") + "# a later change\n", encoding="utf-8")
    commit(project_copy, "2026-12-01", "data/briefing.yml")
    about = project_copy / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA later sentence.\n",
                     encoding="utf-8")
    commit(project_copy, "2026-12-03", "docs/about.md")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    figures = (result.site / "figures" / "index.html").read_text(encoding="utf-8")
    assert revision(figures)[:2] == ("2026-12-01", "1 December 2026")   # the data file's day
    assert date_modified(figures) == "2026-12-01"
    about_html = (result.site / "about" / "index.html").read_text(encoding="utf-8")
    assert revision(about_html)[:2] == ("2026-12-03", "3 December 2026")   # its own, later
    assert date_modified(about_html) == "2026-12-03"
