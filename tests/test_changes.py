"""Updates (new information, apart from corrections) where they are read: the What has changed
page lists them newest first, and each updated figure's panel and appendix entry say "Updated
<date>: ..." with a link to its row; with no updates the page says nothing has changed."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import ROOT
from engine_data import page_error, site_for
from tools.pages import nav_url

DATA = ROOT / "data" / "briefing.yml"


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


UPDATES = """updates:
  - date: "2026-12-03"
    says: "A fixture update: the earlier reading stands."
    figures: [shares.price_feb3]
    sources: [stocknews-feb3]
  - date: "2026-12-04"
    says: "A fixture update: a later article gives a newer reading."
    figures: [shares.price_feb6, shares.decline_week_feb6]
    sources: [stocknews-feb6]
"""


@pytest.fixture
def updated(project_copy):
    """The project with two updates recorded, oldest first, as CONTRIBUTING describes."""
    data = project_copy / "data" / "briefing.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("updates: []\n", UPDATES, 1),
                    encoding="utf-8")
    return project_copy


def test_the_page_lists_every_update_newest_first_with_figures_and_sources(updated):
    site = site_for(updated)
    briefing = site.briefing
    assert len(briefing.updates) == 2
    page = site.call("changes_list", "changes.md", [], {})
    rows = re.findall(r'<tr id="(update-\d+)">(.*?)</tr>', page, re.S)
    assert [row_id for row_id, _ in rows] == ["update-2", "update-1"]
    for update in briefing.updates:
        row = text(dict(rows)[update.anchor])
        assert update.says in row
        for key in update.figures:
            assert briefing.figure(key).label in row
        for sid in update.sources:
            assert briefing.source(sid).name in row


def test_the_table_stacks_into_labelled_rows_like_the_other_reference_tables(updated):
    page = site_for(updated).call("changes_list", "changes.md", [], {})
    table = re.search(r'<div class="stack-table changes"><table>(.*?)</table>', page, re.S)
    assert table, "the table sits in a stack-table wrapper"
    header = re.findall(r"<th>(.*?)</th>", table.group(1))
    rows = re.findall(r'<tr id="update-\d+">(.*?)</tr>', table.group(1), re.S)
    assert len(rows) == 2
    for row in rows:
        assert re.findall(r'<td data-label="([^"]+)">', row) == header


def test_updated_figures_say_so_in_their_panels_and_appendix_entries(updated):
    site = site_for(updated)
    changes = nav_url("What has changed")
    appendix = site.call("figures_appendix", "figures.md", [], {})
    for update in site.briefing.updates:
        said = f"Updated {update.date.start().day} {update.date.start():%B %Y}: {update.says}"
        for key in update.figures:
            entry = appendix.split(f'id="fig-{key.replace(".", "-")}"', 1)[1].split("</section>")[0]
            assert said in text(entry)
            assert f'href="../{changes}#{update.anchor}"' in entry
            panel = site.call("fig", "financial.md", [key], {})
            assert said in text(panel)


def test_without_updates_the_page_says_nothing_has_changed(project_copy):
    data = project_copy / "data" / "briefing.yml"
    text_ = data.read_text(encoding="utf-8")
    data.write_text(re.sub(r"(?ms)^updates:\n.*?\n\n", "", text_), encoding="utf-8")
    site = site_for(project_copy)
    assert not site.briefing.updates
    shown = site.call("changes_list", "changes.md", [], {})
    assert "No new information has been recorded since this site was first published" in shown
    assert "Updated " not in site.call("figures_appendix", "figures.md", [], {})


def test_updates_without_a_page_that_lists_them_are_refused(updated):
    project_copy = updated
    page = project_copy / "docs" / "changes.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ changes_list() }}", ""),
                    encoding="utf-8")
    error = page_error(project_copy)
    assert "updates are recorded, but no page lists them" in error.problem
    assert error.file == "data/briefing.yml" and error.key == "updates"
    data = (project_copy / "data" / "briefing.yml").read_text(encoding="utf-8")
    assert error.line == data.splitlines().index("updates:") + 2
