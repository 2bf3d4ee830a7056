"""The plain twin of a project: each page's macros rendered to Markdown once, then built as plain
Material with the macros plugin removed. Its build time is the floor the real build is measured
against. The twin keeps everything else: navigation, theme, other plugins (the revision-date
plugin too, so both are git repositories), Markdown extensions.

    python -m bench.twin PROJECT OUT     (run from the repository root)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.mkdocs_config import read_mkdocs_yml
from bench.projects import git_commit

ROOT = Path(__file__).resolve().parents[1]
KEEP = ("overrides",)


SENTINELS = ("<!-- briefing:html -->", "<!-- /briefing:html -->")  # macros/engine/present/html.py


def make_twin(project: Path, out: Path, replay: Path | None = None) -> Path:
    """Write the twin of `project` into `out`, and with `replay` the replayed-macros project
    there (in a subprocess, so the build state stays apart)."""
    extra = [str(replay)] if replay else []
    done = subprocess.run([sys.executable, "-m", "bench.twin", str(project), str(out), *extra],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"twin of {project} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    if replay:
        git_commit(replay)
    return git_commit(out)


def with_bare_macros_plugin(twin: Path, out: Path) -> Path:
    """A copy of a twin that also runs mkdocs-macros with no project module: what the plugin
    alone costs (its imports and a Jinja pass over every page)."""
    shutil.copytree(twin, out)
    config = read_mkdocs_yml((out / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append("macros")
    write_config(out, config)
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


@dataclass
class Recording:
    """What a real build's template pass saw and answered, page by page: each page's front
    matter and Markdown after the macros ran, the template source mkdocs-macros compiled (after
    the site's Jinja extension framed it), and every macro call's answer in call order."""

    pages: dict[str, tuple[dict, str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    answers: dict[str, list[str]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)


def record(project: Path) -> Recording:
    """Build `project` once in this process, recording its template pass."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    seen = Recording()

    class Capture(BasePlugin):
        @event_priority(-100)   # after mkdocs-macros registered the project's macros
        def on_config(self, config):
            plugin = config.plugins["macros"]
            environment = plugin.env
            preprocess = environment.preprocess

            def framed(source, name=None, filename=None):
                out = preprocess(source, name, filename)
                if name is None:
                    seen.sources[plugin.page.file.src_path] = out
                return out

            def answering(function):
                def call(*args, **kwargs):
                    answer = function(*args, **kwargs)
                    seen.answers.setdefault(plugin.page.file.src_path, []).append(answer)
                    return answer
                return call

            environment.preprocess = framed
            seen.names[:] = sorted(plugin.macros)
            for name in plugin.macros:
                environment.globals[name] = answering(environment.globals[name])
            return config

        @event_priority(-100)
        def on_page_markdown(self, markdown, page, config, files):
            seen.pages[page.file.src_path] = (dict(page.meta), markdown)
            return markdown

    with tempfile.TemporaryDirectory() as site:
        config = load_config(str(project / "mkdocs.yml"), site_dir=site, strict=True)
        config.plugins["bench-capture"] = Capture()
        build(config)
    return seen


def _typed(markdown: str) -> str:
    """The page as an author would type it: without the engine's sentinel lines around its
    HTML blocks (which only the site's own Markdown extension reads), so plain Material parses
    that HTML as it would any typed-in HTML."""
    lines = markdown.split("\n")
    return "\n".join(line for line in lines if line not in SENTINELS)


REPLAY_MODULE = '''"""The macros of a recorded build, answered from replay.json (bench/twin.py): mkdocs-macros
and its template pass without the engine."""
import json
from pathlib import Path

ANSWERS = json.loads((Path(__file__).parent / "replay.json").read_text(encoding="utf-8"))
NAMES = ANSWERS.pop("")


def define_env(env):
    pending = {}

    def answer(*args, **kwargs):
        src = env.page.file.src_path
        return next(pending.setdefault(src, iter(ANSWERS[src])))

    for name in NAMES:
        env.macro(answer, name)
'''


def write_config(project: Path, config: dict) -> None:
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True,
                                                       sort_keys=False), encoding="utf-8")


def copy_frame(project: Path, out: Path) -> None:
    """Into an empty `out`: `project`'s docs/ without its pages, and its theme overrides."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(project / "docs", out / "docs", ignore=shutil.ignore_patterns("*.md"))
    for part in KEEP:
        if (project / part).is_dir():
            shutil.copytree(project / part, out / part)


def write_page(target: Path, meta: dict, body: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
    target.write_text(front + body, encoding="utf-8")


def write_twin(project: Path, out: Path, replay: Path | None = None) -> None:
    """The twin in `out`; with `replay`, also the twin with mkdocs-macros answering the real
    pages' macro calls from the recording (`write_replay`)."""
    seen = record(project)
    copy_frame(project, out)
    for src, (meta, markdown) in seen.pages.items():
        write_page(out / "docs" / src, meta, _typed(markdown))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    write_config(out, plain_config(text))
    if replay is not None:
        write_replay(seen, out, read_mkdocs_yml(text), replay)


def write_replay(seen: Recording, twin: Path, real_config: dict, out: Path) -> None:
    """The floor of any engine behind mkdocs-macros: the twin, with the real pages' template
    sources and mkdocs-macros (same settings, same Jinja pass) whose macros answer from a table
    recorded in a real build. Its answers are the twin's HTML (no sentinel lines)."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(twin, out, ignore=shutil.ignore_patterns(".git"))
    for src, (meta, _) in seen.pages.items():
        write_page(out / "docs" / src, meta, seen.sources[src])
    answers = {src: [_typed(a) for a in calls] for src, calls in seen.answers.items()}
    (out / "replay.json").write_text(json.dumps({"": seen.names, **answers}), encoding="utf-8")
    (out / "replay.py").write_text(REPLAY_MODULE, encoding="utf-8")
    settings = next(p["macros"] for p in real_config["plugins"] if isinstance(p, dict)
                    and "macros" in p)
    settings = {k: v for k, v in settings.items() if k not in ("module_name", "j2_extensions")}
    config = read_mkdocs_yml((twin / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append({"macros": {"module_name": "replay", **settings}})
    write_config(out, config)


def empty_twin(project: Path, out: Path) -> Path:
    """The weight floor: `project`'s theme, assets, navigation and search, with every page
    holding only its title (no macros, no revision dates). What a page of this site weighs
    before its content."""
    copy_frame(project, out)
    config = plain_config((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p == "search" or "search" in p]
    for page in (project / "docs").rglob("*.md"):
        title = page.stem.replace("-", " ").capitalize() if page.stem != "index" else "Home"
        write_page(out / "docs" / page.relative_to(project / "docs"), {}, f"# {title}\n")
    write_config(out, config)
    return out


if __name__ == "__main__":
    write_twin(*(Path(a).resolve() for a in sys.argv[1:4]))
