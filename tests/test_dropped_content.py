"""Nothing in the data or the pages is silently dropped: every conflict, glossary entry, open
question and correction reaches some page or the build says where to show it; a figure counts
as shown only where the rendered page shows it; an included page's front matter and template
code in front matter never reach the published page as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build, build_zensical
from engine_data import page_error
from macros.engine.pipeline import load_briefing


def edit(project: Path, page: str, old: str, new: str) -> None:
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def data_line(project: Path, *path: str) -> int | None:
    return load_briefing(project / "data" / "briefing.yml").line_of(*path)


@pytest.mark.parametrize(("page", "call", "section", "what"), [
    ("glossary.md", "{{ glossary() }}", "glossary", "the glossary"),
    ("questions.md", "{{ open_questions() }}", "open_questions", "the open questions"),
])
def test_a_section_no_page_shows_is_an_error(project_copy, page, call, section, what):
    edit(project_copy, page, call, "")
    first = next(iter(getattr(load_briefing(project_copy / "data" / "briefing.yml"), section)))
    assert str(page_error(project_copy)) == (
        f"data/briefing.yml:{data_line(project_copy, section, first)}: {section}: no page shows "
        f"{what}\n  How to fix: add {call} to the page meant for it (a page listed under nav: "
        "in mkdocs.yml)")


def test_a_conflict_no_page_shows_is_an_error(project_copy):
    edit(project_copy, "conflicts.md", '{{ conflict("budget-dollars") }}', "")
    assert str(page_error(project_copy)) == (
        f"data/briefing.yml:{data_line(project_copy, 'conflicts', 'budget-dollars')}: "
        "conflicts.budget-dollars: no page shows this conflict\n"
        '  How to fix: add {{ conflict("budget-dollars") }} with its verdict to docs/conflicts.md, '
        "where the other disagreements are, or {{ conflicts_list() }} to show every one")


@pytest.mark.parametrize("hidden", [
    '{# {{ fig("cainiao.mexico_coverage") }} #}',
    '<!-- {{ fig("cainiao.mexico_coverage") }} -->',
    '{% raw %}{{ fig("cainiao.mexico_coverage") }}{% endraw %}',
    '{#- {{ fig("cainiao.mexico_coverage") }}\n -#}',
])
def test_a_figure_only_in_a_comment_is_not_shown(project_copy, hidden):
    edit(project_copy, "infrastructure.md", '{{ fig("cainiao.mexico_coverage") }}', hidden)
    error = page_error(project_copy)
    assert error.key == "figures.cainiao.mexico_coverage"
    assert error.problem == "no page shows this figure"


@pytest.mark.parametrize("field", ["title", "description"])
def test_template_code_in_front_matter_is_an_error(project_copy, field):
    old = "title: Glossary" if field == "title" else "description: The names"
    new = ('title: Glossary of {{ fig("campaign.budget_cny") }}' if field == "title"
           else "description: The names {% if true %}")
    edit(project_copy, "glossary.md", old, new)
    assert str(page_error(project_copy)) == (
        f"docs/glossary.md:{2 if field == 'title' else 3}: {field}: template code in the front "
        "matter, which is not rendered (the page would show it as typed)\n"
        "  How to fix: write the value as plain text: a title or description cannot show a "
        "figure")


def test_an_included_page_shows_without_its_front_matter(project_copy):
    edit(project_copy, "about.md", "\n# ", '\n{% include "glossary.md" %}\n\n# ')
    result = build(project_copy)
    assert result.returncode == 0, result.output
    about = result.page("about/")
    assert 'class="glossary"' in about
    assert "title: Glossary" not in about and "description: The names" not in about


def test_a_figure_in_a_branch_not_taken_is_an_error(project_copy):
    edit(project_copy, "infrastructure.md", '{{ fig("cainiao.mexico_coverage") }}',
         '{% if false %}{{ fig("cainiao.mexico_coverage") }}{% endif %}')
    result = build(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.output, result.output
    line = next(n for n, row in enumerate(
        (project_copy / "docs" / "infrastructure.md").read_text().splitlines(), 1)
        if "cainiao.mexico_coverage" in row)
    assert (f"docs/infrastructure.md:{line}: cainiao.mexico_coverage: the page names this "
            "figure, but the rendered page does not show it") in result.output


@pytest.mark.parametrize(("added", "told"), [
    ("hide: 5", "docs/glossary.md:4: hide: 'hide' holds 5, but the theme reads it as a list of "
     "names, e.g. [toc, navigation]"),
    ("search: 5", "docs/glossary.md:4: search: unknown front-matter field 'search'"),
    ("titel: Terms", "docs/glossary.md:4: titel: unknown front-matter field 'titel' (did you "
     "mean title, subtitle?)"),
    ("template: [main.html]", "docs/glossary.md:4: template: 'template' holds a list, but the "
     "theme reads it as text"),
])
def test_front_matter_the_theme_cannot_read_is_an_error(project_copy, added, told):
    edit(project_copy, "glossary.md", "\n---\n", f"\n{added}\n---\n")
    assert str(page_error(project_copy)).splitlines()[0] == told


@pytest.mark.parametrize(("text", "told"), [
    ("site_name: \"{{ fig('campaign.budget_cny') }}\"\n", "mkdocs.yml:1: site_name:"),
    ("site_name: x\nnav:\n  - Home: index.md\n  - \"{% if true %}Facts\":\n"
     "      - Campaign: campaign.md\n", "mkdocs.yml:4: nav:"),
    ("site_name: x\ncopyright: >-\n  Compiled {# here #}\n", "mkdocs.yml:3: copyright:"),
])
def test_template_code_in_settings_every_page_shows_is_an_error(text, told):
    import yaml

    from macros.engine.errors import BriefingError
    from macros.engine.settings_check import check_plain_settings

    with pytest.raises(BriefingError) as caught:
        check_plain_settings(yaml.safe_load(text), text, "mkdocs.yml")
    assert str(caught.value) == (
        f"{told} template code in a setting, which is not rendered (every page would show it "
        "as typed)\n  How to fix: write the setting as plain text: only pages under docs/ run "
        "macros")


@pytest.mark.parametrize(("page", "call", "key", "generator"), [
    ("sources.md", "{{ sources_list() }}", "sources_list", build),
    ("sources.md", "{{ sources_list() }}", "sources_list", build_zensical),
    ("conflicts.md", '{{ conflict("budget-dollars") }}', "conflict", build),
])
def test_a_section_in_a_branch_not_taken_is_an_error(project_copy, page, call, key, generator):
    edit(project_copy, page, call, "{% if false %}" + call + "{% endif %}")
    result = generator(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.output, result.output
    shown = call.removeprefix("{{ ").removesuffix(" }}")
    assert (f": {key}: the page calls {shown}, but the rendered page does not show it"
            in result.output), result.output
