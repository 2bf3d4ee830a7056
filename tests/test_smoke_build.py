"""The real project builds strictly and writes every page in the navigation."""

import yaml

from conftest import ROOT


def nav_pages():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return [next(iter(item.values())) for item in config["nav"]]


def test_every_nav_page_is_built(built_site):
    for src in nav_pages():
        url = "" if src == "index.md" else src[:-3] + "/"
        html = built_site.page(url)
        assert "<h1" in html, src
