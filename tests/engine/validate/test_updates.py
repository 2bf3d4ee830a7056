"""The `updates:` log (new information, apart from corrections), checked by validate/updates.py."""

from engine_data import VALID, error_for, load

FIGURE = next(line.strip()[:-1] for line in VALID.split("figures:\n", 1)[1].splitlines()
              if line.startswith("  ") and not line.startswith("   "))


def updates(figures: str, sources: str, date: str = "2026-02-19") -> str:
    return VALID + (f"updates:\n  - date: {date}\n    says: \"Results were reported.\"\n"
                    f"    figures: [{figures}]\n    sources: [{sources}]\n")


def test_an_update_naming_what_exists_loads():
    load(updates(FIGURE, "wire"))


def test_an_unknown_figure_is_refused_at_its_line():
    text = updates(FIGURE + "x", "wire")
    error = error_for(text)
    assert error.line == text[:text.rindex("    figures: [")].count("\n") + 1
    assert error.key == "updates.0"
    assert f"unknown figure '{FIGURE}x' (did you mean {FIGURE}" in error.problem


def test_an_unknown_source_and_an_undated_update_are_refused():
    assert "unknown source 'wir'" in error_for(updates(FIGURE, "wir")).problem
    assert "needs the date" in error_for(updates(FIGURE, "wire", "undated")).problem


def test_what_an_update_says_types_no_digits():
    error = error_for(updates(FIGURE, "wire").replace("Results were reported.",
                                                      "Results came on the 19th."))
    assert error.key == "updates.0"
    assert "says: no digits allowed, found '19'" in error.problem
