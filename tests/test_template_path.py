"""One template path under both generators: macros run in the generator's own Jinja pass, so
Jinja's rules hold (comments, conditions, trimming, raw), and template code in a code block or
a stray closing brace fails with the page's line and how to fix it."""

from __future__ import annotations

import html

import pytest

from conftest import build, build_zensical
from engine_data import line_of
from tools.pages import nav_url

KEY = "campaign.budget_cny"
JINJA_RULES = f"""
A comment {{# {{{{ fig("no.such_key") }}}} #}} hides a call.

{{% if false %}}{{{{ fig("no.such_key") }}}}{{% endif %}}

Shown as code: {{% raw %}}`{{{{ fig("{KEY}") }}}}`{{% endraw %}}.

{{% raw %}}
```text
{{{{ value("{KEY}") }}}}
```
{{% endraw %}}

Trimmed: ( {{{{- value("{KEY}") -}}}} ).
"""
GENERATORS = {"mkdocs": build, "zensical": build_zensical}


def append(project, markdown: str) -> str:
    path = project / "docs" / "about.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + markdown
    path.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("generator", GENERATORS)
def test_jinja_rules_hold_and_raw_shows_a_call(project_copy, generator):
    append(project_copy, JINJA_RULES)
    result = GENERATORS[generator](project_copy)
    assert result.returncode == 0, result.output
    page = html.unescape(result.page(nav_url("About")))
    assert "no.such_key" not in page
    assert f'<code>{{{{ fig("{KEY}") }}}}</code>' in page
    assert f'{{{{ value("{KEY}") }}}}' in page
    assert 'Trimmed: (<data value="3000000000">3 billion yuan</data>).' in page


@pytest.mark.parametrize("generator", GENERATORS)
@pytest.mark.parametrize(("markdown", "snippet", "problem", "hint"), [
    (f'As code: `{{{{ fig("{KEY}") }}}}`.\n', "As code", "{{: template code inside a code "
     "block would be run, not shown", "to show a macro call as code, wrap it in raw"),
    (f'A figure {{{{ fig("{KEY}") }}}} and braces }}}} that open nothing.\n', "open nothing",
     "}}: '}}' closes no macro call", "check the {{ }} / {% %} brackets on this line"),
])
def test_template_mistakes_name_the_line(project_copy, generator, markdown, snippet, problem,
                                         hint):
    text = append(project_copy, "Intro.\n\n" + markdown)
    result = GENERATORS[generator](project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    assert f"docs/about.md:{line_of(snippet, text)}: {problem}" in result.output, result.output
    assert f"How to fix: {hint}" in result.output
    assert result.output.count("How to fix:") == 1, result.output


def test_leftover_template_names_the_source_line():
    from macros.engine.errors import BriefingError
    from macros.engine.present.pages.templates import leftover_template

    source = "---\ntitle: X\n---\n\nIntro.\n\n{% raw %}{{ shown }}{% endraw %} in prose.\n"
    with pytest.raises(BriefingError) as caught:
        leftover_template("Intro.\n\n{{ shown }} in prose.\n", source, "docs/x.md")
    assert (caught.value.file, caught.value.line) == ("docs/x.md", 7)
    assert "code span inside {% raw %}" in caught.value.hint


def test_contributing_lists_exactly_the_macro_table():
    import re

    from conftest import ROOT
    from macros.engine.macro_table import macros

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Page macros"):text.index("## Error messages")]
    listed = re.findall(r"^\| `\{\{ ([a-z_]+)\(", section, re.M)
    assert sorted(listed) == sorted(macros.names())


FREE_NAME_CASES = [
    '{{ fig("a.b") }} and {{ figg("a.b") }}',
    '{% for row in rows %}{{ row }} {{ other }}{% endfor %}',
    '{% set y = fig("a.b") %}{{ y }}{{ z }}',
    '{% macro m(p, q=1) %}{{ p }}{{ q }}{{ r }}{% endmacro %}{{ m(1) }}',
    '{% if page.meta.x is defined %}{{ value("k") }}{% endif %}{# {{ hidden }} #}',
    '{% raw %}{{ shown_not_read }}{% endraw %}{{ cite("s", "c") | upper }}',
]


@pytest.mark.parametrize("case", range(len(FREE_NAME_CASES)))
def test_free_names_agree_with_jinjas_own_analysis(case):
    """The adapters' cheap walk finds the same unknown names as jinja2.meta."""
    import jinja2
    import jinja2.meta

    from macros.engine.present.pages.page_template import free_names

    tree = jinja2.Environment().parse(FREE_NAME_CASES[case])
    assert free_names(tree) == jinja2.meta.find_undeclared_variables(tree)
    assert free_names(tree)


def test_free_names_agree_on_every_page():
    import jinja2
    import jinja2.meta

    from macros.engine.present.pages.page_template import free_names
    from tools.project import ROOT

    environment = jinja2.Environment()
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= 10
    for page in pages:
        tree = environment.parse(page.read_text(encoding="utf-8"))
        assert free_names(tree) == jinja2.meta.find_undeclared_variables(tree), page
