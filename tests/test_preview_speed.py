"""What makes `make serve` quick keeps it correct: the faster watcher watches every path MkDocs
asked for, and the kept list of theme files still sees a file added to overrides/."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files

from macros.adapters import preview, template_cache


def test_watcher_polls_faster_and_watches_the_same_paths(tmp_path):
    for folder in ("docs", "data"):
        (tmp_path / folder).mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    for path in ("docs", "mkdocs.yml", "docs"):
        server.watch(str(tmp_path / path))
    before = dict(server._watched_paths)
    assert server.observer.timeout == 0.5  # MkDocs' own

    served = preview.on_serve(server, config=None, builder=None)

    assert served is server
    assert served.observer.timeout == preview.POLL_SECONDS == 0.1
    assert served.build_delay == preview.SETTLE_SECONDS < 0.1
    assert served._watched_paths == before
    assert len(served.observer.emitters) == 2
    served.watch(str(tmp_path / "data"))  # mkdocs.yml's `watch:` paths come after on_serve
    assert len(served.observer.emitters) == 3


def theme_files(config) -> set[str]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return {f.src_uri for f in files}


def test_kept_theme_file_list_sees_a_new_override(project_copy):
    config = load_config(str(project_copy / "mkdocs.yml"))
    template_cache.attach(config.theme)
    first = theme_files(config)
    assert any(name.startswith("assets/stylesheets/main.") for name in first)
    assert theme_files(config) == first  # the second rebuild is served from the kept list

    added = project_copy / "overrides" / "assets" / "extra.txt"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text("new", encoding="utf-8")
    assert theme_files(config) == first | {"assets/extra.txt"}
