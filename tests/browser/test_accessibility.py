"""axe-core finds no violation of any impact on any page, in either colour scheme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import ROOT, page_id, site_pages
from .test_search import search

SCHEMES = ("light", "dark")


def axe_violations(page, axe_script: str) -> list[str]:
    """One line per violation: rule, impact and the first offending elements (checked once CSS
    transitions have finished, so colours are measured as they settle)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=axe_script)
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
            v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
    }""")
    return violations


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", site_pages(), ids=page_id)
def test_no_axe_violations(open_page, axe_script, path, scheme):
    page = open_page(path, scheme, wait_until="load").page
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page, axe_script) == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_with_search_results_open(open_page, axe_script, scheme,
                                                    material_search):
    page = open_page("", scheme).page
    search(page, "Qwen")
    assert axe_violations(page, axe_script) == []


def test_search_override_differs_from_the_theme_only_by_the_dialog_label():
    """overrides/partials/search.html is Material's partial plus one aria-label; a theme
    upgrade that changes the partial makes this fail, so the copy gets refreshed."""
    import material

    def body(path: Path) -> str:
        return re.sub(r"\A\{#-.*?-#\}\n", "", path.read_text(encoding="utf-8"), flags=re.S)

    ours = body(ROOT / "overrides" / "partials" / "search.html")
    theirs = body(Path(material.__file__).parent / "templates" / "partials" / "search.html")
    labelled = 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'
    assert ours.count(labelled) == 1
    assert ours.replace(labelled, 'role="dialog">') == theirs
