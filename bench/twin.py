"""The plain twin of a project: each page's macros rendered to Markdown once, then built as plain
Material with the macros plugin removed. Its build time is the floor the real build is measured
against. The twin keeps everything else: navigation, theme, other plugins (the revision-date
plugin too, so both are git repositories), Markdown extensions.

    python -m bench.twin PROJECT OUT     (run from the repository root)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from bench.mkdocs_config import read_mkdocs_yml
from bench.projects import git_commit

ROOT = Path(__file__).resolve().parents[1]
KEEP = ("overrides",)


SENTINELS = ("<!-- briefing:html -->", "<!-- /briefing:html -->")  # macros/engine/present/html.py


def make_twin(project: Path, out: Path) -> Path:
    """Write the twin of `project` into `out` (in a subprocess, so the build state stays apart)."""
    done = subprocess.run([sys.executable, "-m", "bench.twin", str(project), str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"twin of {project} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return git_commit(out)


def with_bare_macros_plugin(twin: Path, out: Path) -> Path:
    """A copy of a twin that also runs mkdocs-macros with no project module: what the plugin
    alone costs (its imports and a Jinja pass over every page)."""
    shutil.copytree(twin, out)
    config = read_mkdocs_yml((out / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append("macros")
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return git_commit(out)


def plain_config(text: str) -> dict:
    """mkdocs.yml without the macros plugin, the engine's hooks and the watch paths the twin does
    not have."""
    config = read_mkdocs_yml(text)
    config["plugins"] = [p for p in config.get("plugins", [])
                         if not (isinstance(p, dict) and "macros" in p) and p != "macros"]
    config.pop("watch", None)
    hooks = [h for h in config.pop("hooks", []) or [] if not str(h).startswith("macros/")]
    if hooks:      # the engine's own hooks (macros/adapters/preview.py) go with the engine
        config["hooks"] = hooks
    return config


def rendered_pages(project: Path) -> dict[str, tuple[dict, str]]:
    """Every page's front matter and its Markdown after the macros ran, from a real build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    pages: dict[str, tuple[dict, str]] = {}

    class Capture(BasePlugin):
        @event_priority(-100)
        def on_page_markdown(self, markdown, page, config, files):
            pages[page.file.src_path] = (dict(page.meta), markdown)
            return markdown

    with tempfile.TemporaryDirectory() as site:
        config = load_config(str(project / "mkdocs.yml"), site_dir=site, strict=True)
        config.plugins["bench-capture"] = Capture()
        build(config)
    return pages


def _typed(markdown: str) -> str:
    """The page as an author would type it: without the engine's sentinel lines around its
    HTML blocks (which only the site's own Markdown extension reads), so plain Material parses
    that HTML as it would any typed-in HTML."""
    lines = markdown.split("\n")
    return "\n".join(line for line in lines if line not in SENTINELS)


def write_twin(project: Path, out: Path) -> None:
    pages = rendered_pages(project)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(project / "docs", out / "docs", ignore=shutil.ignore_patterns("*.md"))
    for part in KEEP:
        if (project / part).is_dir():
            shutil.copytree(project / part, out / part)
    for src, (meta, markdown) in pages.items():
        target = out / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
        target.write_text(front + _typed(markdown), encoding="utf-8")
    config = plain_config((project / "mkdocs.yml").read_text(encoding="utf-8"))
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")


if __name__ == "__main__":
    write_twin(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
