"""The engine's settings (`extra: briefing:` in mkdocs.yml): a typo is an error, and the pages
the engine links to are checked to exist, so renaming one either keeps links working or fails."""

from __future__ import annotations

import pytest

from conftest import build, build_zensical
from macros.engine.config import BriefingConfig
from macros.engine.errors import BriefingError
from tools.pages import nav_url


def test_a_mistyped_setting_is_an_error():
    with pytest.raises(BriefingError) as caught:
        BriefingConfig.from_extra({"briefing": {"sourcs": "sources.md"}})
    assert str(caught.value).startswith("mkdocs.yml: extra.briefing.sourcs: unknown setting "
                                        "'sourcs' (did you mean sources?)")
    assert caught.value.hint


@pytest.mark.parametrize(("written", "said"), [
    ("briefing: data/briefing.yml", "'data/briefing.yml'"),
    ("briefing: [data/briefing.yml]", "a list"),
    ("briefing: 3", "3"),
    ("briefing: yes", "true"),
])
def test_settings_that_are_not_a_group_say_what_was_written(written, said):
    import yaml

    text = f"site_name: x\nextra:\n  {written}\n"
    with pytest.raises(BriefingError) as caught:
        BriefingConfig.from_extra(yaml.safe_load(text)["extra"], text)
    assert str(caught.value).splitlines()[0] == (
        f"mkdocs.yml:3: extra.briefing: 'briefing:' holds {said}, not settings")
    assert "data: data/briefing.yml" in caught.value.hint


def test_no_settings_means_the_defaults():
    assert BriefingConfig.from_extra({}) == BriefingConfig()


def rename_sources_page(project, settings: bool) -> None:
    """docs/sources.md -> docs/references.md, nav and prose links updated (and the setting)."""
    docs = project / "docs"
    (docs / "sources.md").rename(docs / "references.md")
    for page in docs.glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("(sources.md", "(references.md"),
                        encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("Sources: sources.md", "Sources: references.md")
    if settings:
        text = text.replace("sources: sources.md", "sources: references.md")
    config.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("generator", [build, build_zensical], ids=["mkdocs", "zensical"])
def test_renaming_the_sources_page_without_the_setting_fails_clearly(project_copy, generator):
    rename_sources_page(project_copy, settings=False)
    result = generator(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    assert ("mkdocs.yml: extra.briefing.sources: page 'sources.md' is not a page of the site "
            "(did you mean" in result.output), result.output
    assert "references.md" in result.output
    assert "How to fix: set 'sources:' under 'extra: briefing:' in mkdocs.yml" in result.output


def test_renaming_the_sources_page_with_the_setting_moves_every_link(project_copy):
    rename_sources_page(project_copy, settings=True)
    result = build(project_copy)
    assert result.returncode == 0, result.output
    page = result.page(nav_url("Campaign"))
    assert 'href="../references/#source-' in page and 'href="../sources/' not in page
