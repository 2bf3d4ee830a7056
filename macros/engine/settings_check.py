"""The settings in mkdocs.yml that name files, pages and addresses, checked before a generator
reads a file (both adapters, and `make build` before MkDocs starts) and by `make check`, with
one message each: the folders a build publishes from and the files it reads into pages are the
project's own (load.project_files), the nav lists pages of docs/, the theme's scripts, styles and
icons are files of docs/ (the site makes no third-party request), and each redirect leads from a
page that no longer exists to a page of the site."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from .catalogue import told
from .config import CONFIG_FILE, BriefingConfig, setting_line
from .errors import BriefingError, did_you_mean, shown
from .load.project_files import check_inside, check_own_files
from .present.pages.site_pages import check_nav, page_url

ADDRESS = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^\\\\")
# Options of Markdown extensions that name a file or folder the extension reads into pages.
PATH_OPTION = re.compile(r"(^|_)(paths?|dirs?|files?|append)$", re.I)
# Options that would let an extension read what the project does not hold.
UNSAFE_OPTIONS = {("pymdownx.snippets", "restrict_base_path"): False,
                  ("pymdownx.snippets", "url_download"): True}
# Extensions that read files from the folder the build runs in when no base_path is written.
READ_FROM_HERE = ("pymdownx.snippets", "pymdownx.b64")


class SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (such as !ENV for the site address) read as nothing,
    which the engine's settings never use."""


SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def written_settings(text: str) -> dict:
    """mkdocs.yml as written (no tag evaluated); {} when it is not a mapping."""
    conf = yaml.load(text, SettingsLoader) if text.strip() else {}
    return conf if isinstance(conf, dict) else {}


def check_config_file(project_dir: Path, name: str = CONFIG_FILE) -> None:
    """Every check below on the settings file `name` of the project, as written."""
    path = project_dir / name
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    conf = written_settings(text)
    theme = conf.get("theme") if isinstance(conf.get("theme"), Mapping) else {}
    check_settings(project_dir, {name: text}, conf,
                   BriefingConfig.from_extra(conf.get("extra"), text),
                   project_dir / str(conf.get("docs_dir", "docs") or ""), theme.get("custom_dir"))


def check_settings(project_dir: Path, texts: Mapping[str, str], conf: Mapping,
                   config: BriefingConfig, docs_dir: Path, custom_dir: str | None) -> None:
    """All the settings' checks, first mistake raised. `texts` maps each settings file's name
    to its text, the one read last first; `conf` is mkdocs.yml as written (written_settings)."""
    check_sources(project_dir, texts, conf, config, docs_dir, custom_dir)
    check_site_settings(texts, conf, docs_dir)


def check_sources(project_dir: Path, texts: Mapping[str, str], conf: Mapping,
                  config: BriefingConfig, docs_dir: Path, custom_dir: str | None) -> None:
    """What a generator reads files from and where it writes redirects, checked before it
    reads or writes any file."""
    file = _main_file(texts)
    written = conf.get("docs_dir")
    if not (isinstance(written, str) and (project_dir / written).resolve() == docs_dir.resolve()):
        written = str(docs_dir)
    check_docs_dir(project_dir, written, texts.get(file, ""), file)
    check_published(project_dir, texts, config, Path(written), custom_dir,
                    plugin_settings(conf, "macros"), [written_settings(t) for t in texts.values()])
    check_redirects(plugin_settings(conf, "redirects").get("redirect_maps"),
                    texts.get(file, ""), file, docs_dir,
                    conf.get("use_directory_urls", True) is not False)


def check_site_settings(texts: Mapping[str, str], conf: Mapping, docs_dir: Path) -> None:
    """The settings that name what every page shows, links to or loads, and the redirects."""
    file = _main_file(texts)
    text = texts.get(file, "")
    check_plain_settings(conf, text, file)
    check_nav(docs_dir, conf.get("nav"), text, file)
    check_assets(conf, text, file, docs_dir)


def _main_file(texts: Mapping[str, str]) -> str:
    return CONFIG_FILE if CONFIG_FILE in texts else next(iter(texts), CONFIG_FILE)


def check_docs_dir(project_dir: Path, docs_dir: str, text: str, file: str) -> None:
    """The pages are a folder of their own inside the project, never the project itself (it
    would publish the settings, the data and the code). `docs_dir` as written."""
    if (project_dir / docs_dir).resolve() == project_dir.resolve():
        problem, hint = told("docs-dir-project", written=shown(docs_dir))
        raise BriefingError(problem, file=file, line=setting_line(text, "docs_dir"),
                            key="docs_dir", hint=hint)


def plugin_settings(conf: Mapping, name: str) -> Mapping:
    """The settings of plugin `name` under `plugins:` (a list or a mapping), {} if none."""
    plugins = conf.get("plugins") or []
    entries = [plugins] if isinstance(plugins, Mapping) else plugins
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping) and name in entry:
            return entry[name] if isinstance(entry[name], Mapping) else {}
    return {}


def check_published(project_dir: Path, settings: Mapping[str, str], config: BriefingConfig,
                    docs_dir: Path, custom_dir: str | None,
                    macros_config: Mapping | None = None,
                    confs: Iterable[Mapping] = ()) -> None:
    """Before the generator reads a file: the folders it publishes from, the data file, the
    files the macros plugin reads into pages (`include_dir`, `include_yaml`) and those Markdown
    extensions read (`pymdownx.snippets`' base_path) are inside the project, and hold only plain
    files and folders (load.project_files). `settings` maps each settings file's name to its
    text, the one read last first; `confs` are those files as written."""
    named = [("docs_dir", "docs_dir", docs_dir), ("custom_dir", "theme.custom_dir", custom_dir),
             ("data", "extra.briefing.data", config.data),
             *[(name, f"plugins.macros.{name}", path)
               for name, path in _macros_plugin_paths(macros_config or {})],
             *[(option, f"markdown_extensions.{extension}.{option}", path)
               for conf in confs for extension, option, path in _extension_paths(conf)]]
    for setting, key, path in named:
        if path:
            file, line = _where(settings, setting, str(path))
            check_inside(project_dir, Path(path), key, file, line)
    for conf in confs:
        _check_extension_options(project_dir, docs_dir, conf, settings)
    check_own_files(project_dir, [project_dir / path for _, _, path in named if path]
                    + [project_dir / "data"])


def _where(settings: Mapping[str, str], setting: str, written: str) -> tuple[str, int | None]:
    """The settings file and line where `setting` names `written` (or of `setting` itself,
    written as a key or as a list item)."""
    for name, text in settings.items():
        rows = text.splitlines()
        start = setting_line(text, setting) or next(
            (n for n, row in enumerate(rows, 1) if re.search(
                rf"(^|[\s{{,-]){re.escape(setting)}(\s*:|\s*$)", row)), None)
        if start is not None:
            return name, next((start + n for n, row in enumerate(rows[start - 1:start + 20])
                               if written and written in row), start)
    return next(iter(settings), CONFIG_FILE), None


def _macros_plugin_paths(plugin: Mapping) -> list[tuple[str, str]]:
    """The files and folders the macros plugin reads into pages, as written."""
    found = [("include_dir", plugin.get("include_dir"))]
    yaml_files = plugin.get("include_yaml") or []
    for entry in yaml_files if isinstance(yaml_files, list) else [yaml_files]:
        values = entry.values() if isinstance(entry, Mapping) else [entry]
        found += [("include_yaml", value) for value in values]
    return [(name, str(path)) for name, path in found if path]


def _extensions(conf: Mapping) -> list[tuple[str, Mapping]]:
    """(name, options) of every Markdown extension listed in `conf`."""
    listed = conf.get("markdown_extensions") or []
    entries = [listed] if isinstance(listed, Mapping) else listed
    found = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping):
            found += [(str(name), options if isinstance(options, Mapping) else {})
                      for name, options in entry.items()]
        elif isinstance(entry, str):
            found.append((entry, {}))
    return found


def _extension_paths(conf: Mapping) -> list[tuple[str, str, str]]:
    """(extension, option, path) for every file or folder an extension's options name (a
    file of `auto_append` from each base folder it is read from)."""
    found = []
    for name, options in _extensions(conf):
        if name in READ_FROM_HERE:
            options = {"base_path": ".", **options}
        bases = _listed(options.get("base_path", "."))
        for option, value in options.items():
            if PATH_OPTION.search(str(option)) and option != "auto_append":
                found += [(name, str(option), path) for path in _listed(value)]
        found += [(name, "auto_append", posixpath.join(base, appended))
                  for appended in _listed(options.get("auto_append")) for base in bases]
    return found


def _listed(value) -> list[str]:
    """A setting that holds one path or a list of them, as a list of text."""
    return [str(v) for v in (value if isinstance(value, list) else [value])
            if isinstance(v, str) and v.strip()]


def _check_extension_options(project_dir: Path, docs_dir: Path, conf: Mapping,
                             settings: Mapping[str, str]) -> None:
    """An extension reads files into pages only from docs/ (or a folder inside it), which
    holds only what is published anyway: never the project's settings, data or code, never
    from another site."""
    published = (project_dir / docs_dir).resolve()
    refused = [(name, option, bad) for name, options in _extensions(conf)
               for (extension, option), bad in UNSAFE_OPTIONS.items()
               if extension == name and options.get(option) is bad]
    refused += [(name, option, path) for name, option, path in _extension_paths(conf)
                if not (project_dir / path).resolve().is_relative_to(published)]
    for name, option, value in refused[:1]:
        file, line = _where(settings, option, str(value) if option != "base_path" else "")
        if line is None:
            file, line = _where(settings, name, "")
        problem, hint = told("extension-reads-beyond", option=option, written=shown(value),
                             extension=name, docs=docs_dir.name)
        raise BriefingError(problem, file=file, line=line,
                            key=f"markdown_extensions.{name}.{option}", hint=hint)


def check_plain_settings(conf: Mapping, config_text: str, file: str) -> None:
    """Settings the theme shows on every page (site name and description, copyright, nav
    titles) are not rendered: template code there would reach every page as typed."""
    written = [(name, conf.get(name)) for name in ("site_name", "site_description", "copyright")]
    written += [("nav", title) for title in _nav_titles(conf.get("nav"))]
    for key, value in written:
        if isinstance(value, str) and re.search(r"\{[{%#]", value):
            first = value.strip().splitlines()[0]
            line = next((n for n, row in enumerate(config_text.splitlines(), 1) if first in row),
                        setting_line(config_text, key))
            problem, hint = told("setting-template")
            raise BriefingError(problem, file=file, line=line, key=key, hint=hint)


def _nav_titles(items) -> list[str]:
    """Every title written in a nav: pages' and sections', at any depth."""
    if isinstance(items, list):
        return [title for item in items for title in _nav_titles(item)]
    if isinstance(items, dict):
        return [title for name, value in items.items()
                for title in [str(name), *_nav_titles(value)]]
    return []


def _line_of(text: str, written: str, after: str) -> int | None:
    """The first line after the setting `after:` that holds `written`, else that setting's."""
    start = setting_line(text, after)
    rows = text.splitlines()
    for n in range((start or 1) - 1, len(rows)):
        if written and written in rows[n]:
            return n + 1
    return start


def check_assets(conf: Mapping, text: str, file: str, docs_dir: Path) -> None:
    """The scripts, style sheets and icons every page loads are files of docs/, and no theme
    feature loads from another site: an address of another site would make every reader's
    browser ask it (the site makes no third-party request), and a missing file a broken
    page."""
    scripts = conf.get("extra_javascript") or []
    theme = conf.get("theme") if isinstance(conf.get("theme"), Mapping) else {}
    named = [("extra_javascript", s.get("path") if isinstance(s, Mapping) else s)
             for s in (scripts if isinstance(scripts, list) else [scripts])]
    styles = conf.get("extra_css") or []
    named += [("extra_css", s) for s in (styles if isinstance(styles, list) else [styles])]
    named += [(f"theme.{name}", theme.get(name)) for name in ("favicon", "logo")
              if theme.get(name) is not None]
    for key, what in _theme_requests(conf, theme):
        problem, hint = told("third-party-asset", written=what)
        raise BriefingError(problem, file=file, line=setting_line(text, key.rpartition(".")[2]),
                            key=key, hint=hint)
    for key, value in named:
        written = str(value) if value is not None else ""
        line = _line_of(text, written, key.rpartition(".")[2])
        if ADDRESS.match(written.strip()):
            problem, hint = told("third-party-asset", written=shown(written))
        elif not written.strip() or _outside(written) or not (docs_dir / written).is_file():
            problem, hint = told("asset-not-in-docs", written=shown(value),
                                 docs=docs_dir.name)
        else:
            continue
        raise BriefingError(problem, file=file, line=line, key=key, hint=hint)


def _theme_requests(conf: Mapping, theme: Mapping) -> list[tuple[str, str]]:
    """(key, what it loads) for the theme's features that load from another site: Google
    Fonts, an analytics script, the repository's facts from its host's API."""
    found = []
    if theme.get("font") not in (None, False):
        found.append(("theme.font", "the theme's font (Google Fonts)"))
    extra = conf.get("extra") if isinstance(conf.get("extra"), Mapping) else {}
    if extra.get("analytics"):
        found.append(("extra.analytics", "an analytics script"))
    if conf.get("repo_url"):
        found.append(("repo_url", "the repository's star and fork counts (the theme asks "
                                  "its host's API)"))
    return found


def _outside(path: str) -> bool:
    """Whether a path written relative to docs/ is absolute or climbs out of it."""
    return path.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", path)


def check_redirects(maps, text: str, file: str, docs_dir: Path,
                    directory_urls: bool = True) -> None:
    """Each redirect (the redirects plugin's `redirect_maps`) leads from the old address of a
    page that is no longer in docs/ to a page of the site (with an optional #anchor): never
    from a page that exists or from outside the site folder, never to another site."""
    if not maps:
        return
    if not isinstance(maps, Mapping):
        problem, hint = told("redirect-from", written=shown(maps), why="not a mapping")
        raise BriefingError(problem, file=file, line=setting_line(text, "redirect_maps"),
                            key="plugins.redirects.redirect_maps", hint=hint)
    files = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*")
                   if p.is_file())
    pages = [f for f in files if f.endswith(".md")]
    # each file of docs/ and the address each page is written to, as a disk ignoring case has it
    written = {name.casefold(): f for f in files
               for name in (f, _address(f, directory_urls) if f.endswith(".md") else f)}
    for old, new in maps.items():
        why = _old_refused(old, files, written, directory_urls)
        if why:
            problem, hint = told("redirect-from", written=shown(old), why=why)
        else:
            why = _new_refused(new, pages)
            if not why:
                continue
            problem, hint = told("redirect-to", written=shown(new), old=shown(old), why=why)
        raise BriefingError(problem, file=file, line=_line_of(text, str(old), "redirect_maps"),
                            key="plugins.redirects.redirect_maps", hint=hint)


def _address(src: str, directory_urls: bool) -> str:
    """The file a page's address is written to (README.md stands for index.md, as in MkDocs)."""
    stem, _, name = src.rpartition("/")
    name = "index.md" if name in ("README.md", "readme.md") else name
    url = page_url(posixpath.join(stem, name), directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def _old_refused(old, files: list[str], written: Mapping[str, str],
                 directory_urls: bool) -> str:
    """Why `old` cannot be a redirect's old address ('' if it can): letters' case is ignored,
    as a disk that ignores it would (macOS, Windows), where 'Index.md' is index.md."""
    if not isinstance(old, str) or not old.strip():
        return "the old address must be a page's path under docs/"
    if ADDRESS.match(old) or _outside(old) or "\\" in old or "//" in old:
        return "it is not a path inside docs/ (no '..', no leading '/', no address)"
    if not old.endswith(".md"):
        return "the old address must be a Markdown file's path (ending in .md)"
    same = next((f for f in files if f.casefold() == old.casefold()), None)
    if same == old:
        return "that page exists: a redirect would replace it"
    if same:
        return f"it is {same} written with other capitals: a redirect would replace that page"
    address = _address(old, directory_urls).casefold()
    if address in written:
        return f"its address is that of {written[address]}, which a redirect would replace"
    parts = address.split("/")[:-1]
    if any("/".join(parts[:n]) in written for n in range(1, len(parts) + 1)):
        return "its address is inside a file of docs/"
    return ""


def _new_refused(new, pages: list[str]) -> str:
    """Why `new` cannot be a redirect's target ('' if it can)."""
    if not isinstance(new, str) or not new.strip():
        return "the new address must be a page of the site"
    if ADDRESS.match(new.strip()):
        return "it is an address of another site or a script: readers would be sent off the site"
    path = new.partition("#")[0]
    if path not in pages:
        return f"no such page under docs/{did_you_mean(path, pages)}"
    return ""


TEMPLATE_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*(?:/[\w-]+(?:\.[\w-]+)*)*\.html")


def check_page_template(meta: Mapping, text: str, display: str,
                        custom_dir: Path | None) -> None:
    """A page's `template:` (front matter) names an HTML template of the theme's overrides
    folder by its path from there: never a path that climbs out of it or starts at '/'."""
    if "template" not in meta:
        return
    written = meta["template"]
    if isinstance(written, str) and TEMPLATE_NAME.fullmatch(written) and (
            custom_dir is None or (custom_dir / written).is_file()):
        return
    problem, hint = told("page-template-unknown", written=shown(written))
    raise BriefingError(problem, file=display, key="template", hint=hint,
                        line=setting_line(text, "template"))
