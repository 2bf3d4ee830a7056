"""Settings that would publish, load or send readers to what is not the site's own: each stops
`make check` and both builds with one message naming mkdocs.yml's line and key, before a file
is read or written (macros/engine/settings_check.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, build, build_zensical
from macros.engine.check import main
from macros.engine.errors import BriefingError
from macros.engine.settings_check import check_config_file


def edit(project: Path, old: str, new: str, name: str = "mkdocs.yml") -> int:
    """Replace `old` by `new` in the project's file; the line number of `new`."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def refused(project: Path) -> str:
    with pytest.raises(BriefingError) as caught:
        check_config_file(project)
    return str(caught.value)


def checked(project: Path, monkeypatch, capsys) -> str:
    """What `make check` prints in the project (it must fail)."""
    monkeypatch.chdir(project)
    assert main([]) == 1
    told = capsys.readouterr().err
    assert "Traceback" not in told
    return told


def redirect(project: Path, maps: str) -> int:
    return edit(project, "redirect_maps: {}", f"redirect_maps: {{{maps}}}")


REDIRECT_FROM = ("How to fix: write the old page's path under docs/ (the file that was renamed, "
                 "e.g. 'money.md'), never a page that exists")
REDIRECT_TO = "How to fix: write the new page's path under docs/, e.g. 'financial.md'"


@pytest.mark.parametrize(("maps", "problem", "fix"), [
    ("'../../pwn.md': 'campaign.md'", "redirect from '../../pwn.md': it is not a path inside "
     "docs/", REDIRECT_FROM),
    ("'/tmp/pwn.md': 'campaign.md'", "redirect from '/tmp/pwn.md': it is not a path inside",
     REDIRECT_FROM),
    ("'campaign.md': 'financial.md'", "redirect from 'campaign.md': that page exists: a "
     "redirect would replace it", REDIRECT_FROM),
    ("'campaign/index.md': 'financial.md'", "redirect from 'campaign/index.md': its address is "
     "that of campaign.md", REDIRECT_FROM),
    ("'old': 'financial.md'", "redirect from 'old': the old address must be a Markdown file",
     REDIRECT_FROM),
    ("'old.md': 'https://evil.example/x'", "redirect from 'old.md' to "
     "'https://evil.example/x': it is an address of another site", REDIRECT_TO),
    ("'old.md': 'javascript:alert(1)'", "redirect from 'old.md' to 'javascript:alert(1)': it "
     "is an address of another site or a script", REDIRECT_TO),
    ("'old.md': 'financal.md'", "redirect from 'old.md' to 'financal.md': no such page under "
     "docs/ (did you mean financial.md", REDIRECT_TO),
])
def test_a_redirect_leads_from_a_gone_page_to_a_page_of_the_site(project_copy, maps, problem,
                                                                 fix):
    line = redirect(project_copy, maps)
    told = refused(project_copy)
    assert told.startswith(f"mkdocs.yml:{line}: plugins.redirects.redirect_maps: {problem}"), told
    assert fix in told


def test_a_redirect_to_a_heading_of_a_page_is_accepted(project_copy):
    redirect(project_copy, "'money.md': 'financial.md#anchor', 'old/deep.md': 'index.md'")
    check_config_file(project_copy)


@pytest.mark.parametrize("generator", [build, build_zensical], ids=["mkdocs", "zensical"])
def test_a_redirect_out_of_the_site_folder_writes_nothing(tmp_path, generator, monkeypatch,
                                                          capsys):
    from conftest import copy_project

    project = copy_project(tmp_path / "a" / "b" / "project")
    redirect(project, "'../../../escaped.md': 'campaign.md'")
    told = checked(project, monkeypatch, capsys)
    result = generator(project)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert told.strip() in result.output, result.output
    assert not list(tmp_path.rglob("escaped*"))


def nav_entry(project: Path, entry: str) -> int:
    return edit(project, "  - Home: index.md\n", f"  - Home: index.md\n  - {entry}\n") + 1


@pytest.mark.parametrize(("entry", "written"), [
    ("Evil: https://evil.example/", "'https://evil.example/'"),
    ("Readme: ../README.md", "'../README.md'"),
    ("Root: /etc/passwd.md", "'/etc/passwd.md'"),
    ("Mail: mailto:x@example.org", "'mailto:x@example.org'"),
    ("Section: [{Deep: ../../mkdocs.yml}]", "'../../mkdocs.yml'"),
    ("Folder: assets/", "'assets/'"),
])
def test_a_nav_entry_is_a_page_of_docs(project_copy, entry, written):
    line = nav_entry(project_copy, entry)
    told = refused(project_copy)
    title = entry.split(":")[0] if "{" not in entry else "Deep"
    assert told.startswith(f"mkdocs.yml:{line}: nav: the nav entry '{title}' names {written}, "
                           "which is not a page under docs/"), told
    assert "How to fix: list the site's pages by their path from docs/" in told


THIRD_PARTY = "loaded from another site, so every page would make readers' browsers ask it"


@pytest.mark.parametrize(("old", "new", "key", "problem"), [
    ("  - stylesheets/site.css", "  - https://evil.example/x.css", "extra_css",
     f"'https://evil.example/x.css': {THIRD_PARTY}"),
    ("  - path: javascripts/figures.js", "  - path: //evil.example/x.js", "extra_javascript",
     f"'//evil.example/x.js': {THIRD_PARTY}"),
    ("  - stylesheets/site.css", "  - HTTP://evil.example/x.css", "extra_css",
     f"'HTTP://evil.example/x.css': {THIRD_PARTY}"),
    ("  favicon: assets/favicon.svg", "  favicon: https://evil.example/f.ico", "theme.favicon",
     f"'https://evil.example/f.ico': {THIRD_PARTY}"),
    ("  favicon: assets/favicon.svg", "  favicon: assets/favicon.svg\n  logo: ../logo.svg",
     "theme.logo", "'../logo.svg' is not a file under docs/"),
    ("  - stylesheets/site.css", "  - stylesheets/missing.css", "extra_css",
     "'stylesheets/missing.css' is not a file under docs/"),
    ("  font: false", "  font:\n    text: Roboto", "theme.font",
     f"the theme's font (Google Fonts): {THIRD_PARTY}"),
    ("strict: true", "strict: true\nrepo_url: https://github.com/x/y", "repo_url",
     "the repository's star and fork counts"),
    ("  generator: false", "  generator: false\n  analytics:\n    provider: google", "extra.analytics",
     f"an analytics script: {THIRD_PARTY}"),
])
def test_every_page_loads_only_files_of_docs(project_copy, old, new, key, problem):
    line = edit(project_copy, old, new)
    told = refused(project_copy)
    assert told.startswith((f"mkdocs.yml:{line}: {key}: {problem}",
                            f"mkdocs.yml:{line + 1}: {key}: {problem}")), told
    assert "How to fix: " in told


@pytest.mark.parametrize("written", [".", "./", "docs/..", ""])
def test_the_pages_are_a_folder_of_their_own(project_copy, written):
    line = edit(project_copy, "strict: true\n", f"strict: true\ndocs_dir: '{written}'\n") + 1
    told = refused(project_copy)
    assert told.startswith(f"mkdocs.yml:{line}: docs_dir: docs_dir is '{written}', the project "
                           "folder itself"), told
    assert "How to fix: keep the pages in a folder of their own" in told


def test_a_docs_folder_outside_the_project_is_refused(project_copy):
    line = edit(project_copy, "strict: true\n", "strict: true\ndocs_dir: ../elsewhere\n") + 1
    assert refused(project_copy).startswith(
        f"mkdocs.yml:{line}: docs_dir: '../elsewhere' is outside the project folder")


def test_make_build_tells_the_docs_folder_as_make_check_does(project_copy, monkeypatch,
                                                             capsys):
    from macros.adapters.publish import main as make_build

    edit(project_copy, "strict: true\n", "strict: true\ndocs_dir: .\n")
    told = checked(project_copy, monkeypatch, capsys)
    assert make_build("site") == 1
    assert capsys.readouterr().err == told
    assert not (project_copy / "site").exists()


SNIPPETS = "  - pymdownx.details\n"


@pytest.mark.parametrize(("options", "key", "problem"), [
    ("  - pymdownx.snippets: {base_path: ['/'], check_paths: true}",
     "pymdownx.snippets.base_path", "'/' is outside the project folder"),
    ("  - pymdownx.snippets", "pymdownx.snippets.base_path",
     "pymdownx.snippets's base_path is '.': the extension could read into pages files that are "
     "not published"),
    ("  - pymdownx.snippets:\n      base_path: [snippets, ..]", "pymdownx.snippets.base_path",
     "'..' is outside the project folder"),
    ("  - pymdownx.snippets:\n      base_path: docs\n      auto_append: [../../etc/hostname]",
     "pymdownx.snippets.auto_append", "'docs/../../etc/hostname' is outside the project"),
    ("  - pymdownx.snippets:\n      base_path: docs\n      restrict_base_path: false",
     "pymdownx.snippets.restrict_base_path", "pymdownx.snippets's restrict_base_path is false"),
    ("  - pymdownx.snippets:\n      base_path: docs\n      url_download: true",
     "pymdownx.snippets.url_download", "pymdownx.snippets's url_download is true"),
    ("  - pymdownx.b64:\n      base_path: /etc", "pymdownx.b64.base_path",
     "'/etc' is outside the project folder"),
])
def test_extensions_read_files_from_one_folder_of_the_project(project_copy, options, key,
                                                              problem):
    edit(project_copy, SNIPPETS, f"{SNIPPETS}{options}\n")
    told = refused(project_copy)
    assert re.match(rf"mkdocs\.yml:\d+: markdown_extensions\.{re.escape(key)}: "
                    rf"{re.escape(problem)}", told), told


def test_a_link_in_the_snippets_folder_is_refused(project_copy):
    (project_copy / "docs" / "snippets").mkdir()
    (project_copy / "docs" / "snippets" / "host.txt").symlink_to("/etc/hostname")
    edit(project_copy, SNIPPETS,
         f"{SNIPPETS}  - pymdownx.snippets:\n      base_path: docs/snippets\n")
    assert refused(project_copy).startswith("docs/snippets/host.txt: a link (to /etc/hostname)")


PAGES = ["index.md", "campaign.md", "guide/setup.md"]
FILES = ["assets/favicon.svg", "guide/diagram.png"]


@pytest.mark.parametrize(("markdown", "problem"), [
    ("[the config](../mkdocs.yml)", "link to '../mkdocs.yml': it is outside docs/"),
    ("[data](../data/briefing.yml)", "link to '../data/briefing.yml': it is outside docs/"),
    ("[x](guide/../../README.md)", "link to 'guide/../../README.md': it is outside docs/"),
    ("[x]: ../mkdocs.yml", "link to '../mkdocs.yml': it is outside docs/"),
    ("![x](file:///etc/passwd)", "link to 'file:///etc/passwd': a file: address"),
    ("[x](javascript:alert(1))", "link to 'javascript:alert(1)': a javascript: address"),
    ("[x](<JavaScript:alert(1)>)", "link to 'JavaScript:alert(1)': a javascript: address"),
    ("[x](data:text/html,hi)", "link to 'data:text/html,hi': a data: address"),
    ("![x](https://evil.example/t.png)", "loaded from another site"),
    ("![x](//evil.example/t.png)", "loaded from another site"),
    ("[logo]: https://evil.example/t.png\n\n![x][logo]", "loaded from another site"),
    ('<img alt="x" src="file:///etc/passwd">', "link to 'file:///etc/passwd': a file: address"),
    ('<script src="https://evil.example/x.js"></script>', "loaded from another site"),
    ('<a href="javascript:alert(1)">x</a>', "a javascript: address"),
    ("[x](/etc/passwd)", "link to '/etc/passwd': a path from the server's root"),
    ("[x](.secret.txt)", "MkDocs does not publish a file whose name starts with a dot"),
    ("[x](templates/x.html)", "nor templates/"),
    ("[x](assets/favicon.sgv)", "no such file under docs/ (did you mean assets/favicon.svg?)"),
])
def test_a_link_to_what_the_site_does_not_publish_is_a_page_mistake(markdown, problem):
    from macros.engine.present.pages.links import check_links

    with pytest.raises(BriefingError) as caught:
        check_links(f"Intro.\n\n{markdown}\n", "docs/index.md", PAGES, FILES)
    assert str(caught.value).startswith("docs/index.md:3: "), caught.value
    assert problem in str(caught.value)
    assert "How to fix: link to a page or file under docs/" in str(caught.value)


def test_links_to_pages_files_and_other_sites_pass():
    from macros.engine.present.pages.links import check_links

    check_links("[a](../campaign.md#x) [b](../assets/favicon.svg) ![c](diagram.png) "
                "[d](https://example.org/) [e](mailto:a@example.org) [f](#top) "
                "[g]({{ publisher.repository }}/issues) [h][r] <a href=\"../figures.csv\">i</a>\n\n"
                "[r]: https://example.org/\n", "docs/guide/setup.md", PAGES, FILES)


@pytest.mark.parametrize("written", ["../../../../etc/passwd", "/etc/passwd", "nope.html",
                                     "main.html/../../mkdocs.yml", "[main.html]"])
def test_a_page_template_is_a_file_of_the_overrides(written):
    from macros.engine.settings_check import check_page_template

    text = f"---\ntitle: T\ntemplate: {written}\n---\n"
    with pytest.raises(BriefingError) as caught:
        check_page_template({"template": written}, text, "docs/about.md", ROOT / "overrides")
    assert str(caught.value).startswith("docs/about.md:3: template: the theme has no page "
                                        "template"), caught.value
    check_page_template({"template": "main.html"}, text, "docs/about.md", ROOT / "overrides")


def page_line(project: Path, markdown: str, page: str = "about.md") -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{markdown}\n",
                    encoding="utf-8")


def front_matter(project: Path, line: str) -> None:
    edit(project, "---\n", f"---\n{line}\n", "docs/about.md")


# One of each class: `make check` says what the build says, at the same file and line.
SAME_MESSAGE = {
    "redirect to another site": lambda p: redirect(p, "'old.md': 'https://evil.example/x'"),
    "redirect over a page": lambda p: redirect(p, "'campaign.md': 'financial.md'"),
    "nav entry to another site": lambda p: nav_entry(p, "Evil: https://evil.example/"),
    "nav entry outside docs": lambda p: nav_entry(p, "Readme: ../README.md"),
    "script from another site": lambda p: edit(
        p, "  - stylesheets/site.css", "  - https://evil.example/x.css"),
    "snippets from the root": lambda p: edit(
        p, SNIPPETS, f"{SNIPPETS}  - pymdownx.snippets: {{base_path: ['/'], check_paths: true}}\n"),
    "link to the settings": lambda p: page_line(p, "[the config](../mkdocs.yml)"),
    "file: image": lambda p: page_line(p, "![x](file:///etc/passwd)"),
    "template outside the theme": lambda p: front_matter(p, "template: ../../../../etc/passwd"),
    "theme folder outside": lambda p: edit(p, "  custom_dir: overrides", "  custom_dir: /etc"),
    "link in the overrides": lambda p: (p / "overrides" / "partials" / "etc").symlink_to("/etc"),
    "page that is a link": lambda p: (p / "docs" / "passwd.md").symlink_to("/etc/passwd"),
}


# Zensical reads the theme from overrides-zensical/ (mkdocs.zensical.yml), not overrides/.
MKDOCS_THEME = ("theme folder outside", "link in the overrides")


@pytest.mark.parametrize(("case", "generator"), [
    pytest.param(case, generator, id=f"{case}-{name}") for case in SAME_MESSAGE
    for name, generator in (("mkdocs", build), ("zensical", build_zensical))
    if not (name == "zensical" and case in MKDOCS_THEME)])
def test_make_check_says_what_the_build_says(case, generator, project_copy, monkeypatch,
                                             capsys):
    SAME_MESSAGE[case](project_copy)
    told = checked(project_copy, monkeypatch, capsys)
    message = told[re.search(r"^(docs|mkdocs\.yml|overrides)\b", told, re.M).start():].strip()
    result = generator(project_copy)
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output, result.output
    assert message in result.output, (told, result.output)
