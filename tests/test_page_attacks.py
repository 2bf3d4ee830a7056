"""Template code that would change a figure, or take `make check` down where the build stops at
once: each is refused before rendering with one message naming the page and line, the same from
`make check` as from the build."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from conftest import build, copy_project
from engine_data import BriefingError
from macros.engine.load.page_source import parse_page
from macros.engine.macro_table import macros
from macros.engine.present.pages.checker import PageChecker
from macros.engine.present.pages.page_template import parse_body
from macros.engine.site_check import GENERATOR_NAMES, check_site

FRONT = "---\ntitle: Page\ndescription: A page long enough to pass the description rule.\n---\n\n"
LINE = 8   # the line of the markdown below in the page


def refused(markdown: str) -> BriefingError:
    """The error the checks before rendering raise for `markdown` in a page, in-process."""
    page = parse_page(FRONT + "Some prose.\n\n" + markdown + "\n", "docs/page.md")
    with pytest.raises(BriefingError) as caught:
        PageChecker({"page.md": page}, ["page.md"], ("H200",)).before("page.md")
    return caught.value


@pytest.mark.parametrize(("markdown", "detail"), [
    ('{{ fig("a.b") | replace("billion", "trillion") }}', "it applies the filter 'replace'"),
    ('{{ fig("a.b") | striptags | upper }}', "it applies the filter 'upper'"),
    ('{{ fig("a.b") | safe }}', "it applies the filter 'safe'"),
    ('{{ fig("a.b") | e }}', "it applies the filter 'e'"),
    ("{{ fig('a.b') ~ '<b>x</b>' }}", "it joins texts to the value ('~')"),
    ('{{ fig("a.b").upper() }}', "it reads '.upper' of a value"),
    ('{{ fig("a.b")["x"] }}', "it takes a part of a value ('[...]')"),
    ('{{ fig("a.b") == "x" }}', "it compares values ('==')"),
    ('{{ fig("a.b") if true else "" }}', "it chooses between values ('if ... else')"),
    ('{{ fig("a.b") is string }}', "it tests the value ('is string')"),
    ('{{ [fig("a.b")] }}', "it prints a list or a mapping, not a macro's value"),
    ('{{ fig(*["a.b"]) }}', "it unpacks arguments with '*' or '**'"),
    ('{{ fig(fig("a.b") | safe) }}', "it applies the filter 'safe'"),
    ('{{ bar_chart(["a.b"], title="A " ~ short("a.b") | upper) }}',
     "it applies the filter 'upper'"),
    ('{% if fig("a.b") == "x" %}a{% endif %}', "it uses fig() inside other template code"),
    ('{% set x = fig("a.b") %}', "it uses fig() inside other template code"),
    ('{% filter upper %}{{ fig("a.b") }}{% endfilter %}',
     "the filter block 'upper' changes the text inside it"),
    ('{{ publisher.name | upper }}', "it applies the filter 'upper'"),
])
def test_a_macro_value_is_shown_as_the_macro_gives_it(markdown, detail):
    error = refused(markdown)
    assert error.problem == f"this template expression does more than show a macro's value: {detail}"
    assert (error.file, error.line) == ("docs/page.md", LINE)
    assert error.hint.startswith("print a macro's value as it is, alone between the braces")


@pytest.mark.parametrize("markdown", ["{{ now() }}", "{{ macros_info() }}", "{{ context() }}",
                                      "{{ fix_url('x') }}", '{{ fig(now()) }}'])
def test_only_the_site_macros_are_called(markdown):
    """The generator's own functions (the date, every variable) print what no data file says."""
    page = parse_page(FRONT + "Some prose.\n\n" + markdown + "\n", "docs/page.md")
    known = [*macros.names(), *GENERATOR_NAMES]
    with pytest.raises(BriefingError) as caught:
        parse_body(page, jinja2.Environment(), known, macros.names())
    name = markdown.split("(")[-2].split()[-1]
    assert caught.value.problem == ("this template expression could not be shown: it calls "
                                    f"'{name}', which is not one of the site's macros")
    assert (caught.value.file, caught.value.line) == ("docs/page.md", LINE)


@pytest.mark.parametrize(("markdown", "detail"), [
    ("{{ " + "fig(" * 200 + '"a.b"' + ")" * 200 + " }}",
     "it is nested too deeply (more than 20 brackets or blocks open at once)"),
    ("{% if true %}" * 30 + "x" + "{% endif %}" * 30,
     "it is nested too deeply (more than 20 brackets or blocks open at once)"),
    ("{% if " + "not " * 395 + "true %}x{% endif %}", "it is nested too deeply (more than 50 levels)"),
    ('{{ fig("a.b")' + " | e" * 300 + " }}", "it is too long (more than 400 parts in one {{ }} or {% %})"),
    ('{{ fig("' + "a" * 5000 + '") }}', "a quoted text of 5000 characters (more than 1000)"),
    ('{% for a in "' + "x" * 999 + '" %}{% for b in "xy" %}z{% endfor %}{% endfor %}',
     "it loops inside another loop"),
])
def test_template_code_too_large_to_check_is_told_with_its_line(markdown, detail):
    error = refused(markdown)
    assert error.problem == f"this template code is too large to check: {detail}"
    assert (error.file, error.line) == ("docs/page.md", LINE)
    assert error.hint.startswith("keep each {{ }} and {% %} short and flat")


@pytest.mark.parametrize("markdown", [
    '{{ fig("a.b") }}', '{{ fig(key="a.b") }}', "{{ publisher.name }}", '{{ "text" }}',
    '{{ bar_chart(["a.b"], title="Budgets and " ~ short("a.b") ~ " more") }}',
    '{{ timeline_chart(["a.b"], spans=[{"start": "x.v4", "length": "y.d2", "name": "H200"}]) }}',
    '{% if true %}{{ fig("a.b") }}{% endif %}',
    "{% if " + "not " * 40 + "true %}x{% endif %}",
])
def test_macro_calls_with_literal_arguments_pass(markdown):
    page = parse_page(FRONT + markdown + "\n", "docs/page.md")
    PageChecker({"page.md": page}, ["page.md"], ("H200",)).before("page.md")


def append(project: Path, markdown: str) -> int:
    path = project / "docs" / "index.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + markdown + "\n", encoding="utf-8")
    return text.count("\n") + 1


RED_TEAM = {
    "filter": '{{ fig("campaign.budget_cny") | replace("billion", "trillion") }}',
    "joined": "{{ fig('campaign.budget_cny') ~ '<b>x</b>' }}",
    "huge key": '{{ fig("campaign.budget_cny" * 10000000) }}',
    "nested calls": "{{ " + "fig(" * 200 + '"campaign.budget_cny"' + ")" * 200 + " }}",
}


@pytest.mark.parametrize("case", RED_TEAM)
def test_check_tells_what_the_build_tells_and_stops(case, tmp_path):
    """One message, the same from `make check` (in-process, without rendering the page) as
    from the strict build, with the page and line."""
    project = copy_project(tmp_path / "project")
    line = append(project, "Budget: " + RED_TEAM[case])
    _, errors = check_site(project)
    assert len(errors) == 1, errors
    assert str(errors[0]).startswith(f"docs/index.md:{line}: this template ")
    built = build(project)
    assert built.returncode == 1 and "Traceback" not in built.output
    assert built.output.count("How to fix:") == 1
    assert f"ERROR   -  {errors[0]}\n" in built.output, built.output


def include_error(pages: dict[str, str]) -> BriefingError:
    sources = {name: parse_page(FRONT + text + "\n", f"docs/{name}") for name, text in pages.items()}
    with pytest.raises(BriefingError) as caught:
        PageChecker(sources, list(sources)).before("a.md")
    return caught.value


@pytest.mark.parametrize(("pages", "detail"), [
    ({"a.md": '{% include "a.md" %}'}, "it includes itself (a.md -> a.md)"),
    ({"a.md": '{% include "b.md" %}', "b.md": '{% include "a.md" %}'},
     "it includes itself (a.md -> b.md -> a.md)"),
    ({"a.md": '{% include "javascripts/extra.txt" %}'},
     "it includes 'javascripts/extra.txt', which is not a page of the site"),
    ({"a.md": "{% include page.meta.other %}"}, "it includes a file its template code names"),
])
def test_a_page_includes_only_other_pages_and_never_itself(pages, detail):
    error = include_error(pages)
    assert error.problem == f"this template expression does more than show a macro's value: {detail}"
    assert (error.file, error.line) == ("docs/a.md", 6)


def test_check_renders_an_included_page_as_the_build_does(tmp_path):
    project = copy_project(tmp_path / "project")
    append(project, '{% include "about.md" %}')
    assert check_site(project)[1] == []
    assert build(project).returncode == 0
