"""Links between pages, and MkDocs' own link and nav warnings retold with line and fix."""

from __future__ import annotations

import pytest

from macros.engine.errors import BriefingError
from macros.engine.pages.links import check_links, explain_warning

PAGES = {"index.md", "campaign.md", "guide/setup.md", "guide/first steps.md"}


def test_links_to_existing_pages_pass():
    check_links("[a](campaign.md) [b](campaign.md#budget) [c](guide/setup.md \"Setup\")\n"
                "[d](https://example.org/x.md) [e](#top)", "docs/index.md", PAGES)
    check_links("[back](../index.md) [next](first%20steps.md)", "docs/guide/setup.md", PAGES)


def test_link_to_a_missing_page_names_line_and_suggests():
    with pytest.raises(BriefingError) as caught:
        check_links("Intro.\n\nSee [it](campaing.md#budget).\n", "docs/index.md", PAGES)
    assert str(caught.value).startswith(
        "docs/index.md:3: campaing.md: link to 'campaing.md': no such page "
        "(did you mean campaign.md?)\n  How to fix: ")


def test_links_inside_code_are_not_checked():
    check_links("```md\n[x](nowhere.md)\n```\nand `[y](gone.md)`\n", "docs/index.md", PAGES)


def test_relative_links_resolve_from_the_page_folder():
    with pytest.raises(BriefingError) as caught:
        check_links("[x](campaign.md)", "docs/guide/setup.md", PAGES)
    assert "did you mean campaign.md" in str(caught.value)


def test_missing_anchor_warning_gets_line_key_and_fix(tmp_path):
    (tmp_path / "index.md").write_text("# Home\n\nSee [it](campaign.md#nope).\n")
    told = explain_warning("Doc file 'index.md' contains a link 'campaign.md#nope', but the doc "
                           "'campaign.md' does not contain an anchor '#nope'.", tmp_path)
    assert told.startswith(f"{tmp_path.name}/index.md:3: campaign.md#nope: the page campaign.md "
                           "has no anchor '#nope'\n  How to fix: link to a heading that exists")


def test_nav_warning_names_every_page(tmp_path):
    told = explain_warning('The following pages exist in the docs directory, but are not included '
                           'in the "nav" configuration:\n  - a.md\n  - b/c.md', tmp_path)
    assert told.startswith(f"{tmp_path.name}/a.md, {tmp_path.name}/b/c.md: not in the navigation")
    assert "How to fix: add it under 'nav:' in mkdocs.yml" in told


def test_other_messages_are_left_alone(tmp_path):
    assert explain_warning("Documentation built in 0.65 seconds", tmp_path) is None
