"""Links between pages, checked before rendering with file and line."""

from __future__ import annotations

import pytest

from macros.engine.errors import BriefingError
from macros.engine.present.pages.links import check_links

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


def test_a_link_in_a_fenced_block_inside_a_list_item_is_code():
    check_links("- Write a link like this:\n\n    ```markdown\n    [x](nowhere.md)\n    ```\n",
                "docs/index.md", PAGES)


def test_a_footnote_is_not_a_link_but_a_reference_definition_is():
    text = "A claim.[^a]\n\n[^a]: A note on the claim.\n[b]: campaing.md\n"
    with pytest.raises(BriefingError) as caught:
        check_links(text, "docs/index.md", PAGES, files={"logo.svg"})
    assert str(caught.value).startswith("docs/index.md:4: campaing.md: ")
    check_links(text.replace("campaing", "campaign"), "docs/index.md", PAGES, files={"logo.svg"})
