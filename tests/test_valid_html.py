"""The Nu Html Checker finds no error in the built site beyond known ones in Material's own markup."""

from __future__ import annotations

import json
import subprocess

from browser.support import MAKE_TEST_HINT, VNU, require, require_java

# Errors that Material's base.html produces on every page; matched by exact message and by the
# markup they point at, so the same message from the project's own content still fails.
THEME_ERRORS = {
    # base.html writes the drawer and search toggles as `<input class="md-toggle"
    # type="checkbox" autocomplete="off">`, and autocomplete is not allowed on checkboxes.
    # No template block wraps them, so a fix means copying base.html whole. Plan: keep the
    # theme's markup and drop this entry once the theme stops emitting the attribute.
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
     "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
     "“tel”, “text”, “time”, “url”, or “week”."): 'class="md-toggle"',
}


def is_theme_error(message: dict) -> bool:
    marker = THEME_ERRORS.get(message["message"])
    return marker is not None and marker in message.get("extract", "")


def vnu_errors(site) -> list[dict]:
    """Errors and warnings (not plain info) for every HTML file under `site`."""
    done = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--format", "json",
                           "--exit-zero-always", str(site)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return [m for m in json.loads(done.stderr)["messages"]
            if m["type"] != "info" or m.get("subType") == "warning"]


def test_built_site_is_valid_html_apart_from_known_theme_errors(built_site):
    require_java()
    require(VNU.exists(), f"vnu.jar not found at {VNU}: {MAKE_TEST_HINT}")
    errors = vnu_errors(built_site.site)
    assert errors, "no error at all: if the theme fixed its toggles, drop them from THEME_ERRORS"
    own = [f"{m['url'].split('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
           for m in errors if not is_theme_error(m)]
    assert own == []


def test_known_theme_errors_are_recognised_and_nothing_else():
    own = {"message": next(iter(THEME_ERRORS)),
           "extract": '<input type="checkbox" class="fig-toggle" autocomplete="off">'}
    theme = {**own, "extract": '<input class="md-toggle" type="checkbox" autocomplete="off">'}
    assert is_theme_error(theme)
    assert not is_theme_error(own)
    assert not is_theme_error({**theme, "message": "Element “div” not allowed here."})
