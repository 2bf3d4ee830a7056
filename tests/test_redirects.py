"""A renamed page keeps its old address: mkdocs-redirects (`redirects:` in mkdocs.yml) writes a
page at the old address that forwards to the new one, in both generators' builds."""

from __future__ import annotations

import re

import pytest

from conftest import build, build_zensical
from tools.pages import nav_url, site_pages


def rename(project, old: str, new: str) -> None:
    """Rename docs/<old> to docs/<new> as CONTRIBUTING's checklist says: the file, the nav, the
    links, and a redirect from the old file to the new one."""
    (project / "docs" / old).rename(project / "docs" / new)
    for page in [project / "mkdocs.yml", *(project / "docs").glob("*.md")]:
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(rf"\b{re.escape(old)}\b", new, text), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text
    config.write_text(text.replace("redirect_maps: {}", f"redirect_maps: {{'{old}': '{new}'}}"),
                      encoding="utf-8")


def forwards_to(html: str) -> str:
    return re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)


def test_a_renamed_page_keeps_its_old_address_in_both_builds(project_copy):
    old = next(src for src, info in site_pages(project_copy).items()
               if info.title == "Financial context")
    rename(project_copy, old, "money.md")
    assert nav_url("Financial context", project_copy) == "money/"
    result = build(project_copy)
    assert result.returncode == 0, result.output
    assert forwards_to(result.page("financial/")) == "../money/"
    assert "<h1" in result.page("money/")
    zensical = build_zensical(project_copy)
    assert zensical.returncode == 0, zensical.output
    assert forwards_to(zensical.page("financial/")) == "../money/"


def test_a_title_not_in_the_nav_is_named_with_the_titles_there():
    with pytest.raises(LookupError, match=r"no page titled 'Finance'.*'Financial context'"):
        nav_url("Finance")
