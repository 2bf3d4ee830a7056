"""Mistakes that only a real strict build finds, each failing it with one clear message.

One build per way a mistake reaches the contributor: a setting in mkdocs.yml, a page (its
Markdown, links and macro calls), data and pages together, and data shown in the built pages.
A page's front matter, encoding and prose are checked before rendering, in-process; the data
file's own mistakes in test_bad_data.py.
"""

from __future__ import annotations

import csv
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_check_parity import checked_as_built

from conftest import ROOT, build
from engine_data import DATA, BriefingError, macro_error, page_error, site_for
from real_data import KEY, SOURCE, add, line, stated
from tools.pages import nav_url, site_pages

OTHER_PAGE = next(p for p in sorted(site_pages()) if p != "index.md")


def append_to_page(project: Path, markdown: str, page: str = "index.md") -> int:
    """Append a paragraph to a page of the copy; return the line it starts on."""
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + markdown + "\n", encoding="utf-8")
    return text.count("\n") + 1


def told(error: BriefingError, place: str, problem: str, hint: str) -> None:
    """A page mistake the engine finds before rendering, checked in-process: one message
    '<place>: <problem>' with its hint, as the build prints it."""
    assert str(error).startswith(f"{place}: {problem}"), str(error)
    assert str(error).count("How to fix:") == 1 and f"\n  How to fix: {hint}" in str(error)


def fails(project: Path, place: str, problem: str, hint: str) -> str:
    """Build; expect exit != 0 and exactly one message '<place>: <problem>' + its hint, and
    `make check` to fail at the same place."""
    result = build(project)
    output = result.output
    assert result.returncode != 0, output
    assert "Traceback" not in output
    messages = [m for m in output.splitlines() if m.startswith(("ERROR", "WARNING"))]
    assert len(messages) == 1, output
    assert output.count("How to fix:") == 1, output
    assert f"-  {place}: {problem}" in messages[0], output
    assert f"\n  How to fix: {hint}" in output, output
    checked_as_built(project, output)
    return output


# ---------------------------------------------------------------- settings, data with pages

def test_briefing_data_left_empty(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("    data: data/briefing.yml",
                                                      "    data:")
    config.write_text(text, encoding="utf-8")
    fails(project_copy, f"mkdocs.yml:{line(text, '    data:')}: extra.briefing.data",
          "the setting is empty: it must name the data file",
          "write 'data: data/briefing.yml' under 'extra: briefing:' in mkdocs.yml")


def test_figure_used_nowhere(project_copy):
    """Data and pages together: a figure no page shows."""
    text = add("figures", stated("test.unused"))
    (project_copy / DATA).write_text(text, encoding="utf-8")
    fails(project_copy, f"{DATA}:{line(text, '  test.unused:')}: figures.test.unused",
          "no page shows this figure",
          'show it on a page with {{ fig("test.unused") }}, or add appendix_only: true')


# ---------------------------------------------------------------- pages

def test_unknown_key_in_a_page(project_copy):
    typo = KEY[:-1] + "q"
    at = append_to_page(project_copy, f'See {{{{ fig("{typo}") }}}}.')
    fails(project_copy, f"docs/index.md:{at}: {typo}",
          f"unknown figure key '{typo}' (did you mean {KEY}",
          f"use a key defined under 'figures:' in {DATA}")


@pytest.fixture(scope="module")
def site():
    return site_for(ROOT)


def test_macro_called_with_wrong_arguments(site):
    """Told in-process; the build places a macro's mistake at its page and line as in
    test_unknown_key_in_a_page."""
    error = macro_error(site, "fig", KEY, "extra")
    assert (error.key, error.problem, error.hint) == (
        "fig", "macro fig() called with wrong arguments (too many positional arguments)",
        "call it as fig(key)")


def test_jinja_syntax_error(project_copy):
    at = append_to_page(project_copy, f'See {{{{ fig("{KEY}") }}.')
    fails(project_copy, f"docs/index.md:{at}", "template syntax error: unexpected '}'",
          "check the {{ }} / {% %} brackets and quotes on this line")


@pytest.mark.parametrize(("expression", "problem"), [
    ("{{ 1/0 }}", "it computes ('/') in the page"),
    ("{{ 7**999999999 }}", "it computes ('**') in the page"),
    ("{% if page.no_such_field.title %}shown{% endif %}", "'no_such_field' does not exist there"),
])
def test_an_expression_that_fails_is_a_page_mistake(project_copy, expression, problem):
    at = append_to_page(project_copy, f"Worked out: {expression}.")
    fails(project_copy, f"docs/index.md:{at}",
          f"this template expression could not be shown: {problem}",
          "a page computes nothing itself: show a value with a macro such as")


def test_broken_internal_link(project_copy):
    typo = OTHER_PAGE[:-4] + "x.md"
    at = append_to_page(project_copy, f"[More]({typo}).")
    fails(project_copy, f"docs/index.md:{at}: {typo}",
          f"link to '{typo}': no such page (did you mean {OTHER_PAGE}",
          "link to a Markdown file under docs/ by its path from this page")


def fails_in_mkdocs_words(project: Path, message: str) -> str:
    """MkDocs' own checks keep MkDocs' words (CONTRIBUTING explains each): one warning, and
    `make check` fails at the same page."""
    result = build(project)
    output = result.output
    assert result.returncode != 0, output
    assert "Traceback" not in output
    messages = [m for m in output.splitlines() if m.startswith(("ERROR", "WARNING"))]
    assert len(messages) == 1 and message in messages[0], output
    checked_as_built(project, output)
    return messages[0]


CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_broken_anchor(project_copy):
    append_to_page(project_copy, f"[More]({OTHER_PAGE}#no-such-heading).")
    fails_in_mkdocs_words(project_copy, f"Doc file 'index.md' contains a link "
                          f"'{OTHER_PAGE}#no-such-heading', but the doc '{OTHER_PAGE}' does not "
                          "contain an anchor '#no-such-heading'")
    assert "does not contain an anchor" in CONTRIBUTING


def test_page_missing_from_the_navigation(project_copy):
    (project_copy / "docs" / "orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: A page that nobody added to the navigation yet.\n---\n\n# Orphan\n")
    fails_in_mkdocs_words(project_copy, "The following pages exist in the docs directory, but "
                          'are not included in the "nav" configuration')
    assert 'are not included in the "nav" configuration' in CONTRIBUTING


def test_nav_entry_for_a_missing_file(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "\nnav:\n", "\nnav:\n  - Preview notes: notes/previw.md\n", 1)
    config.write_text(text, encoding="utf-8")
    fails(project_copy, f"mkdocs.yml:{line(text, 'notes/previw.md')}: nav",
          "the nav entry 'Preview notes' names docs/notes/previw.md, which does not exist",
          "create docs/notes/previw.md, or correct the file name after 'Preview notes:' in nav:")


def test_nav_typo_suggests_the_page(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = next(row for row in text.splitlines() if row.endswith(f": {OTHER_PAGE}"))
    config.write_text(text.replace(entry, entry.replace(".md", "s.md")), encoding="utf-8")
    title = entry.strip().removeprefix("- ").split(":")[0]
    fails(project_copy, f"mkdocs.yml:{text.splitlines().index(entry) + 1}: nav",
          f"the nav entry '{title}' names docs/{OTHER_PAGE[:-3]}s.md, which does not exist "
          f"(did you mean {OTHER_PAGE}", "create docs/")


def test_byte_order_mark_keeps_the_lines(project_copy):
    """A page saved with a byte-order mark (MkDocs drops it) still counts its front matter."""
    page = project_copy / "docs" / OTHER_PAGE
    page.write_text("\ufeff" + page.read_text(encoding="utf-8"), encoding="utf-8")
    typo = KEY[:-1] + "q"
    at = append_to_page(project_copy, f'See {{{{ fig("{typo}") }}}}.', OTHER_PAGE)
    fails(project_copy, f"docs/{OTHER_PAGE}:{at}: {typo}", f"unknown figure key '{typo}'",
          f"use a key defined under 'figures:' in {DATA}")


def test_invalid_front_matter(project_copy):
    page = project_copy / "docs" / OTHER_PAGE
    text = page.read_text(encoding="utf-8")
    title = next(t for t in text.splitlines() if t.startswith("title:"))
    page.write_text(text.replace(title, "title: About: the site", 1), encoding="utf-8")
    error = page_error(project_copy)
    told(error, f"docs/{OTHER_PAGE}:{text.splitlines().index(title) + 1}",
         "front matter: YAML syntax error: mapping values are not allowed in this context",
         "quote a value that contains a colon followed by a space")


def test_page_not_utf8(project_copy):
    page = project_copy / "docs" / OTHER_PAGE
    data = page.read_bytes() + b"\nCaf\xe9 in Latin-1.\n"
    page.write_bytes(data)
    at = data.count(b"\n")  # the last line holds the Latin-1 byte
    error = page_error(project_copy)
    told(error, f"docs/{OTHER_PAGE}:{at}",
         "page is not UTF-8 text (invalid continuation byte", "save the page as UTF-8")


def test_page_unreadable(project_copy):
    (project_copy / "docs" / "broken.md").symlink_to(project_copy / "docs" / "broken.md")
    error = page_error(project_copy)
    told(error, "docs/broken.md", "cannot read the page (Too many levels of symbolic links)",
         "check that the file exists and that you may read it")


def test_page_description_too_short(project_copy):
    page = project_copy / "docs" / OTHER_PAGE
    text = page.read_text(encoding="utf-8")
    description = next(t for t in text.splitlines() if t.startswith("description:"))
    page.write_text(text.replace(description, "description: Short.", 1), encoding="utf-8")
    error = page_error(project_copy)
    told(error, f"docs/{OTHER_PAGE}:{text.splitlines().index(description) + 1}: description",
         "too short (6 characters; a description needs at least 40)",
         "write one full sentence saying what the page covers")


def test_digits_typed_into_page_prose(project_copy):
    at = append_to_page(project_copy, "Only one outlet reports 10 million downloads.")
    error = page_error(project_copy)
    told(error, f"docs/index.md:{at}",
         "a number typed into the prose ('10' in 'Only one outlet reports 10 million downloads.')",
         "show numbers with a figure macro")


@pytest.mark.parametrize(("prose", "word"), [
    ("Alibaba set aside three hundred million yuan for red envelopes.", "three"),
    ("Results came four days into the holiday.", "four"),
    ("The campaign doubled its budget.", "doubled"),
])
def test_numbers_written_in_words_into_page_prose(project_copy, prose, word):
    at = append_to_page(project_copy, "One of the articles adds a detail. " + prose)
    error = page_error(project_copy)
    told(error, f"docs/index.md:{at}", f"a number written in words in the prose ('{word}' in ",
         "show the number with a figure macro such as {{ fig(\"group.key\") }}, or reword; an "
         "idiom such as \"one of\" goes in 'number_words_allowed:'")


def test_idioms_with_number_words_are_allowed_through_the_data_file(project_copy):
    append_to_page(project_copy, "It is one of the first reports; the fourth estate agrees.")
    assert "'fourth' in 'It is one of the first" in page_error(project_copy).problem
    data = project_copy / "data" / "briefing.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("number_words_allowed: [", "number_words_allowed: [Fourth Estate, "),
                    encoding="utf-8")
    site_for(project_copy)


@pytest.mark.parametrize(("argument", "problem", "hint"), [
    (None, "cards() takes a list of keys, got nothing", "call it as cards(keys)"),
    (5, "cards() takes a list of keys, got 5", "call it as cards(keys)"),
    (KEY, f"cards() takes a list of keys, got the text '{KEY}'",
     f'put the key in square brackets: cards(["{KEY}"])'),
])
def test_macro_given_an_argument_of_the_wrong_type(site, argument, problem, hint):
    error = macro_error(site, "cards", argument)
    assert error.key == "cards" and error.problem == problem and error.hint.startswith(hint)


# ---------------------------------------------------------------- markup in data

class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_markup_in_data_is_shown_as_text_never_run(project_copy):
    """Data is text: HTML in it is shown, never run, and a spreadsheet formula in a label is
    defused in the CSV download (one build checks both)."""
    label = "Budget <script>alert('label')</script> & <img src=x onerror=alert(document.domain)>"
    formula = "=HYPERLINK(\"https://example.com\", \"Click\")"
    note = "Says <b onmouseover=alert(document.cookie)>hi</b>"
    text = add("sources", f"  test-markup:\n    name: Markup\n    publisher: Markup Press\n"
               f"    title: Markup\n    date: 2026\n    reliability: low\n    note: \"{note}\"\n")
    text = add("figures", stated("test.markup", "appendix_only: true")
               .replace("label: Test figure", f'label: "{label}"').replace(f"{{{SOURCE}:", "{test-markup:")
               + stated("test.formula", "appendix_only: true")
               .replace("label: Test figure", f"label: '{formula}'"), text)
    (project_copy / DATA).write_text(text, encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 0, result.output
    appendix, sources = result.page(nav_url("Figures")), result.page(nav_url("Sources"))
    for page, shown in ((appendix, label), (sources, note)):
        parsed = _Elements()
        parsed.feed(page)
        assert not any("alert" in script for script in parsed.scripts)
        assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
        assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in parsed.tags)
        assert shown in html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "&#60;script&#62;alert(&#39;label&#39;)&#60;/script&#62;" in appendix
    rows = {row["key"]: row for row in csv.DictReader(
        (result.site / "figures.csv").read_text(encoding="utf-8").splitlines())}
    assert rows["test.formula"]["label"] == "'" + formula
    assert all(not row["label"].startswith(("=", "+", "-", "@")) for row in rows.values())


@pytest.mark.parametrize(("written", "key", "problem"), [
    ('title: "Campaign\\u202e"', "title", "a control or invisible character in 'Campaign\\u202e': "
     "U+202E RIGHT-TO-LEFT OVERRIDE at character 9"),
    ('title: "Camp\\x1b[2Jaign"', "title", "a control or invisible character in "
     "'Camp\\x1b[2Jaign': U+001B ESCAPE at character 5"),
    ("title: |\n  Campaign\n  - injected", "title",
     "a line break in a one-line field ('Campaign\\n- injected'): U+000A LINE FEED at character 9"),
    ('tags: ["a\\u2066b"]', "tags.0", "a control or invisible character in 'a\\u2066b': "
     "U+2066 LEFT-TO-RIGHT ISOLATE at character 2"),
])
def test_front_matter_text_holds_no_hidden_character(project_copy, written, key, problem):
    page = project_copy / "docs" / OTHER_PAGE
    text = page.read_text(encoding="utf-8")
    title = next(t for t in text.splitlines() if t.startswith("title:"))
    page.write_text(text.replace(title, written, 1), encoding="utf-8")
    told(page_error(project_copy), f"docs/{OTHER_PAGE}:{text.splitlines().index(title) + 1}: {key}",
         problem, "delete it" if "invisible" in problem else "write it on one line")


# ---------------------------------------------------------------- template code computes and types nothing

NAMES = ("H200", "Qwen3-Max")


def checked(markdown: str) -> None:
    """The checks a page's template text gets before rendering, in-process."""
    from macros.engine.load.page_source import parse_page
    from macros.engine.present.pages.checker import PageChecker

    text = "---\ntitle: Page\ndescription: A page long enough to pass the description rule.\n---\n\n"
    PageChecker({"page.md": parse_page(text + markdown, "docs/page.md")}, ["page.md"],
                NAMES).before("page.md")


@pytest.mark.parametrize(("markdown", "detail"), [
    ("{{ 7**999999999 }}", "it computes ('**') in the page"),
    ('{{ "x" * 10**9 }}', "it computes ('*') in the page"),
    ("{{ 431 + 1 }}", "it computes ('+') in the page"),
    ("{% set n = 9**9**9 %}{{ n }}", "it computes ('**') in the page"),
    ("{% for i in range(10**9) %}x{% endfor %}", "it counts ('range') in the page"),
    ('{{ fig("a.b", decimals=2*3) }}', "it computes ('*') in the page"),
    ("{{ 431 }}", "it types the number 431 into the page"),
    ("{{ 4.5 }}", "it types the number 4.5 into the page"),
    ("{{ '431' }}", "it types digits into the page ('431')"),
    ("{{ '&#52;&#51;&#49;' }}", "it types digits into the page ('&#52;&#51;&#49;')"),
    ("{{ '\uff14\uff13\uff11' }}", "it types digits into the page ('\uff14\uff13\uff11')"),
    ("{{ ['4', '3']|join }}", "it types digits into the page ('4')"),
    ('{{ fig("a.b")|replace("a", "4") }}', "it types digits into the page ('4')"),
    ('{{ bar_chart(["a.b"], title="Budgets in 2026") }}',
     "its title types digits ('Budgets in 2026')"),
    ('{{ bar_chart(["a.b"], title="Budget " ~ "&#52;") }}', "its title types digits ('&#52;')"),
    ('{{ bar_chart(["a.b"], names=["Alibaba", "Top 3"]) }}', "its names types digits ('Top 3')"),
    ('{{ timeline_chart(["a.b"], spans=[{"start": "a.b", "name": "Day \uff19"}]) }}',
     "its name types digits ('Day \uff19')"),
    ("{{ 'x\u00b2' }}", "it types digits into the page ('x\u00b2')"),
    ('{{ "abcd"|length }}', "it counts ('length') in the page"),
    ('{{ fig("a.b")|wordcount }}', "it counts ('wordcount') in the page"),
    ('{% for x in "abc" %}{{ loop.index }}{% endfor %}', "it counts ('loop') in the page"),
    ('{{ "%s"|format(fig("a.b")) }}', "it counts ('format') in the page"),
    ("{{ page.meta.count }}", "it prints the variable 'page', not a macro's value"),
    ("{{ config.extra.total }}", "it prints the variable 'config', not a macro's value"),
    ('{% set n = fig("a.b") %}{{ n }}', "it prints the variable 'n', not a macro's value"),
])
def test_template_code_computes_and_types_no_number(markdown, detail):
    with pytest.raises(BriefingError) as caught:
        checked("Some prose.\n\n" + markdown + "\n")
    error = caught.value
    assert error.problem == f"this template expression could not be shown: {detail}", str(error)
    assert (error.file, error.line) == ("docs/page.md", 8)
    assert error.hint.startswith("a page computes nothing itself")


@pytest.mark.parametrize("markdown", [
    '{{ fig("a.b") }}', '{{ source("stocknews-feb3") }}', '{{ fig("deepseek.v4_window") }}',
    '{{ bar_chart(["a.b"], title="H200 sales and " ~ short("a.b")) }}',
    '{{ timeline_chart(["a.b"], spans=[{"start": "x.v4", "length": "y.d2", "name": "Qwen3-Max"}]) }}',
    "{% raw %}`{{ 7**9 }}`{% endraw %}",
])
def test_template_code_that_only_calls_macros_passes(markdown):
    checked(markdown + "\n")


def test_template_code_nested_too_deeply_is_a_page_mistake():
    with pytest.raises(BriefingError) as caught:
        checked("Prose.\n\n{{ " + "(" * 3000 + 'fig("a.b")' + ")" * 3000 + " }}\n")
    error = caught.value
    assert error.problem == ("this template code is too large to check: it is nested too deeply "
                             "(more than 20 brackets or blocks open at once)")
    assert (error.file, error.line) == ("docs/page.md", 8)


@pytest.mark.parametrize(("markdown", "number"), [
    ("Worth &#52;&#51;&#49; million.", "4"), ("Worth &#x34;31 million.", "4"),
    ("Worth \uff14\uff13\uff11 million.", "\uff14\uff13\uff11"),
    ("In \u0662\u0660\u0662\u0666.", "\u0662\u0660\u0662\u0666"),
    ("Worth \u2074\u00b3\u00b9 million.", "\u2074\u00b3\u00b9"),
    ("The \u2462 rivals.", "\u2462"), ("Chapter \u2163.", "\u2163"),
    ("Worth &#x2074;&#179; million.", "\u2074"),
    ('A <abbr title="431 million">budget</abbr>.', "431"),
    ("A chart <img alt='Top 3 budgets' src='chart.png'>.", "3"),
    ('A <span aria-label="nine, 9">budget</span>.', "9"),
    ('See [the list](a.md "Top 3 budgets").', "3"), ('![chart](c.png "Figure 2")', "2"),
])
def test_digits_in_prose_in_any_form_are_refused(tmp_path, markdown, number):
    from macros.engine.load.page_source import read_pages
    from macros.engine.present.pages.rules import check_prose

    (tmp_path / "page.md").write_text(f"---\ntitle: Page\n---\n\nIntro.\n\n{markdown}\n",
                                      encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        check_prose(read_pages(tmp_path, ["page.md"]), NAMES)
    assert caught.value.line == 7
    assert caught.value.problem.startswith(f"a number typed into the prose ('{number}'")


@pytest.mark.parametrize(("field", "value", "number"), [
    ("title", "Budgets in 2026", "2026"), ("title", "Top \uff13", "\uff13"),
    ("description", "The three budgets of 2026, side by side, with their sources.", "2026"),
])
def test_digits_in_front_matter_titles_are_refused(tmp_path, field, value, number):
    from macros.engine.load.page_source import read_pages
    from macros.engine.present.pages.rules import check_front_matter

    meta = {"title": "Page", "description": "A page long enough to pass the description rule.",
            field: value}
    (tmp_path / "page.md").write_text("---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items())
                                      + "---\n\n# Page\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        check_front_matter(read_pages(tmp_path, ["page.md"]), NAMES)
    error = caught.value
    assert (error.key, error.line) == (field, 2 if field == "title" else 3)
    assert error.problem.startswith(f"a number typed into the front matter ('{number}'")


def test_names_with_digits_may_be_in_a_title(tmp_path):
    from macros.engine.load.page_source import read_pages
    from macros.engine.present.pages.rules import check_front_matter

    (tmp_path / "page.md").write_text("---\ntitle: The H200 chips\ndescription: A page long "
                                      "enough to pass the description rule.\n---\n")
    check_front_matter(read_pages(tmp_path, ["page.md"]), NAMES)


# ---------------------------------------------------------------- messages that point at the fix

def _misspelt(name: str) -> str:
    """The parameter name with two letters swapped (key -> kye), or one doubled."""
    return name[0] + name[2] + name[1] + name[3:] if len(name) > 2 else name + name[-1]


def _macro_parameters():
    import inspect

    from macros.engine.macro_table import macros

    bound = macros.bind(site_for(ROOT).page_context("index.md"))
    return [(name, param) for name in macros.names()
            for param in list(inspect.signature(bound[name]).parameters)[:3]
            if _misspelt(param) != param]


@pytest.mark.parametrize(("name", "param"), _macro_parameters())
def test_every_macro_suggests_the_argument_meant(site, name, param):
    typo = _misspelt(param)
    error = macro_error(site, name, **{typo: "x"})
    assert error.key == name, str(error)
    assert error.problem.startswith(f"{name}() has no argument '{typo}' (did you mean {param}"), \
        str(error)
    assert error.hint.startswith(f"write one of the names it takes: {name}(")


def test_an_argument_nothing_resembles_gets_the_signature(site):
    error = macro_error(site, "fig", KEY, colour="red")
    assert (error.problem, error.hint) == ("fig() has no argument 'colour'",
                                           "write one of the names it takes: fig(key)")


MONEY_ZERO = ("figures", "  test.tiny:\n    label: Test figure\n    value: 0.001\n    kind: money\n"
              "    currency: CNY\n    as_of: 2026-02-03\n"
              f"    sources: {{{SOURCE}: \"0.001 yuan\"}}\n    appendix_only: true\n")


def test_a_money_value_shown_as_zero_is_not_told_to_set_decimals():
    from engine_data import error_for

    text = add(*MONEY_ZERO)
    error = error_for(text)
    assert error.problem == "0.001 would be shown as '0 yuan'", str(error)
    assert "set 'decimals:'" not in error.hint
    assert error.hint == ("check the number and its currency: a money figure is shown without "
                          "the decimals that would show this value ('decimals:' does not apply "
                          "to money)")


@pytest.mark.parametrize(("kind", "extra", "value", "hint"), [
    ("count", "unit: units", "0.3", "set 'decimals:' high enough to show it (e.g. decimals: 1)"),
    ("percent", "", "0.0004", "set 'decimals:' high enough to show it (e.g. decimals: 4)"),
    ("count", "unit: units", "0.00000001", "check the number and its unit: even decimals: 6"),
])
def test_the_hint_for_a_value_shown_as_zero_fits_the_kind(kind, extra, value, hint):
    from engine_data import error_for

    text = add("figures", stated("test.tiny", *([extra] if extra else []), "appendix_only: true",
                                 value=value, kind=kind,
                                 passage=f"{value}%" if kind == "percent" else value))
    error = error_for(text)
    assert error.key == "figures.test.tiny" and error.hint.startswith(hint), str(error)


@pytest.mark.parametrize(("written", "got"), [
    ("title: !!binary aGk=", "binary data"), ("title: [a, b]", "a list"), ("title: 5", "5"),
    ("title: {a: b}", "a mapping"),
])
def test_a_front_matter_title_that_is_not_text_says_so(tmp_path, written, got):
    from macros.engine.load.page_source import read_pages
    from macros.engine.present.pages.rules import check_front_matter

    (tmp_path / "page.md").write_text(f"---\n{written}\ndescription: A page long enough to pass "
                                      "the description rule.\n---\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        check_front_matter(read_pages(tmp_path, ["page.md"]))
    assert (caught.value.key, caught.value.line) == ("title", 2)
    assert caught.value.problem == f"'title' holds {got}, but the theme reads it as text"
