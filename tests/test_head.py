"""What a reader copies from a page or its <head>: no local address when the published one is
not known, and every value in <head> escaped."""

from __future__ import annotations

import os

import pytest

LOCAL = "127.0.0.1"
# Material's own source map quotes a comment about local hostnames; it is the theme's file,
# not an address the site gives.
THEME_SOURCE_MAPS = ".min.js.map"


def local_addresses(site) -> list[str]:
    return [str(p.relative_to(site)) for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.endswith(THEME_SOURCE_MAPS)
            and LOCAL.encode() in p.read_bytes()]


needs_no_site_url = pytest.mark.skipif(bool(os.environ.get("SITE_URL")),
                                       reason="SITE_URL is set: the build knows its address")


@needs_no_site_url
def test_a_build_without_site_url_writes_no_local_address(built_site):
    assert local_addresses(built_site.site) == []
    assert 'rel="canonical"' not in built_site.page("about/")
    notices = [line for line in built_site.output.splitlines() if line.startswith("SITE_URL")]
    assert len(notices) == 1 and "relative to the site's root" in notices[0]


@needs_no_site_url
def test_zensical_without_site_url_writes_no_local_address(built_zensical):
    assert local_addresses(built_zensical.site) == []
