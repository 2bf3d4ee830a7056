"""Check the data file, the passages and every page without building the site.

The settings come from mkdocs.yml; the pages are every Markdown file under its docs folder.
Making the `Site` checks the data, the passages against the articles, the pages' front matter,
prose rules and the figures no page shows; then each page's links and template code are checked
(Site.check_page), and each macro call written with plain values (`{{ fig("key") }}`) is run
through the engine as the build runs it, so a wrong key or argument is told at its line. A call
whose arguments are template expressions is left to the build.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from .config import CONFIG_FILE, BriefingConfig
from .errors import BriefingError, did_you_mean, placed
from .load.page_source import read_pages
from .macro_table import macros
from .present.pages.site_pages import site_pages
from .site import Site

EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)


class SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (such as !ENV for the site address) read as nothing,
    which the engine's settings never use."""


SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_settings(project_dir: Path) -> tuple[BriefingConfig, Path, list]:
    """The engine's settings, the docs folder and the nav, from mkdocs.yml (the defaults
    without it)."""
    path = project_dir / CONFIG_FILE
    if not path.is_file():
        return BriefingConfig(), project_dir / "docs", []
    text = path.read_text(encoding="utf-8")
    conf = yaml.load(text, SettingsLoader) or {}
    return (BriefingConfig.from_extra(conf.get("extra"), text),
            project_dir / conf.get("docs_dir", "docs"), conf.get("nav") or [])


def literal_calls(text: str) -> Iterator[tuple[int, str, list, dict]]:
    """(line, macro name, args, kwargs) for every macro call in a {{ }} whose arguments are
    plain values, outside {% raw %}."""
    blanked = RAW.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for match in EXPRESSION.finditer(blanked):
        try:
            tree = ast.parse(match.group(1).strip(), mode="eval")
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            try:
                args = [ast.literal_eval(arg) for arg in node.args]
                kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords}
            except ValueError:
                continue
            yield text.count("\n", 0, match.start()) + 1, node.func.id, args, kwargs


def page_errors(site: Site, src: str) -> list[BriefingError]:
    """Every mistake in one page: links and template code first, then each macro call."""
    found = []
    try:
        site.checker.before(src)
    except BriefingError as error:
        found.append(error)
    names = macros.names()
    text = site.page_source(src).text
    for line, name, args, kwargs in literal_calls(text):
        if name not in names:
            found.append(BriefingError(
                f"unknown macro '{name}'{did_you_mean(name, names)}", file=site.page_file(src),
                line=line, key=name, hint="use one of the macros listed in CONTRIBUTING.md"))
            continue
        try:
            site.call(name, src, args, kwargs)
        except BriefingError as error:
            found.append(placed(error, site.page_file(src), line))
    return found


def check_site(project_dir: Path) -> tuple[Site, list[BriefingError]]:
    """The checked site and the mistakes in its pages; a mistake in the data or the settings
    raises (nothing else can be checked without them)."""
    config, docs_dir, nav = site_settings(project_dir)
    pages = site_pages(docs_dir, nav)
    site = Site(project_dir, docs_dir, config, pages, read_pages(docs_dir, pages))
    return site, [error for src in site.usage.pages for error in page_errors(site, src)]
