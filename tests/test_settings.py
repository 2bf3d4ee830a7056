"""The engine's settings (`extra: briefing:` in mkdocs.yml): a typo is an error, and the pages
the engine links to are checked to exist, so renaming one either keeps links working or fails."""

from __future__ import annotations

import html

import pytest

from conftest import ROOT, build, build_zensical
from macros.engine.config import BriefingConfig
from macros.engine.errors import BriefingError
from macros.engine.site import Site
from tools.pages import nav_url, site_pages, site_sources


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


def rename_page(project, settings: bool, old: str = "sources", new: str = "references",
                title: str = "Sources") -> None:
    """docs/<old>.md -> docs/<new>.md, nav and prose links updated (and the setting)."""
    docs = project / "docs"
    (docs / f"{old}.md").rename(docs / f"{new}.md")
    for page in docs.glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(f"({old}.md", f"({new}.md"),
                        encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(f"{title}: {old}.md", f"{title}: {new}.md")
    if settings:
        setting = "sources" if old == "sources" else "appendix"
        text = text.replace(f"{setting}: {old}.md", f"{setting}: {new}.md")
    config.write_text(text, encoding="utf-8")


def rename_sources_page(project, settings: bool) -> None:
    rename_page(project, settings)


@pytest.mark.parametrize("generator", [build, build_zensical], ids=["mkdocs", "zensical"])
def test_renaming_the_sources_page_without_the_setting_fails_clearly(project_copy, generator):
    rename_sources_page(project_copy, settings=False)
    result = generator(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    config = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    line = config[:config.index("sources: sources.md")].count("\n") + 1
    assert (f"mkdocs.yml:{line}: extra.briefing.sources: page 'sources.md' is not a page of the "
            "site (did you mean" in result.output), result.output
    assert "references.md" in result.output
    assert "How to fix: set 'sources:' under 'extra: briefing:' in mkdocs.yml" in result.output


def test_renaming_the_sources_page_with_the_setting_moves_every_link(project_copy):
    rename_sources_page(project_copy, settings=True)
    result = build(project_copy)
    assert result.returncode == 0, result.output
    page = result.page(nav_url("Campaign"))
    assert 'href="../references/#source-' in page and 'href="../sources/' not in page


def test_renaming_the_appendix_moves_every_link_and_download(project_copy):
    rename_page(project_copy, settings=True, old="figures", new="appendix", title="Figures")
    result = build(project_copy)
    assert result.returncode == 0, result.output
    assert 'href="../appendix/#fig-' in result.page("campaign/")
    appendix = html.unescape(result.page("appendix/"))  # citation lines
    assert " appendix/#fig-" in appendix and "figures/#" not in appendix  # site-relative
    assert 'href="../appendix/"' in result.page("data/")
    for table in ("figures.csv", "data/figures.csv", "data/figures.json"):
        text = (result.site / table).read_text(encoding="utf-8")
        assert "appendix/#fig-" in text and "figures/#" not in text, table


@pytest.mark.parametrize(("setting", "page", "macro"), [
    ("appendix", "about.md", "figures_appendix"),
    ("sources", "glossary.md", "sources_list"),
])
def test_a_page_setting_must_name_the_page_with_its_section(setting, page, macro):
    text = f"extra:\n  briefing:\n    {setting}: {page}\n"
    config = BriefingConfig.from_extra({"briefing": {setting: page}}, text)
    with pytest.raises(BriefingError) as caught:
        Site(ROOT, ROOT / "docs", config, site_pages(ROOT), site_sources(ROOT))
    holder = "figures.md" if setting == "appendix" else "sources.md"
    assert str(caught.value) == (
        f"mkdocs.yml:3: extra.briefing.{setting}: page '{page}' does not show the section every "
        f"link to it expects: it calls no {macro}() ({holder} does)\n"
        f"  How to fix: set '{setting}:' under 'extra: briefing:' in mkdocs.yml to the page that "
        f"calls {{{{ {macro}() }}}}, or add that call to docs/{page}")
