"""Read mkdocs.yml for the benchmark's generated projects, resolving MkDocs' `!ENV` tag."""

from __future__ import annotations

import os

import yaml


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """`!ENV [NAME, default]` or `!ENV NAME`, as MkDocs reads it."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [
        loader.construct_scalar(node)]
    *candidates, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in candidates if name in os.environ), default)


_Loader.add_constructor("!ENV", _env)


def read_mkdocs_yml(text: str) -> dict:
    return yaml.load(text, Loader=_Loader)
