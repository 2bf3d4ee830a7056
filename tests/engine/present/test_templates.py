"""The engine's templates: one escaper for data text, and the data model's enumerations."""

from __future__ import annotations

from typing import get_args

import pytest
from jinja2 import UndefinedError

from macros.engine.present.markup import render
from macros.engine.validate.models import Confidence, ConflictType


def test_data_text_is_escaped_for_html_and_markdown():
    html = render("conflict_explanation.html", explanation="<b>*a_b* & 'c' \"d\" [e](f) `g` #h")
    assert html == ('<p class="conflict-explanation">&#60;b&#62;&#42;a&#95;b&#42; &#38; '
                    "&#39;c&#39; &#34;d&#34; &#91;e&#93;(f) &#96;g&#96; &#35;h</p>")


@pytest.mark.parametrize("conflict_type", get_args(ConflictType))
def test_every_conflict_type_of_the_model_has_a_heading(conflict_type):
    html = render("conflict.html", type=conflict_type, rows=[], verdict=None, confidence=None,
                  disagrees=True)
    assert html.startswith('<p class="conflict-type">')
    assert '</p><div class="stack-table"><table data-search-exclude>' in html


@pytest.mark.parametrize("confidence", get_args(Confidence))
def test_every_confidence_of_the_model_is_told_in_words(confidence):
    html = render("conflict.html", type="same-quantity", rows=[], verdict="Both hold.",
                  confidence=confidence, disagrees=False)
    assert html.startswith('<p class="conflict-verdict"><strong>Verdict:</strong> Both hold.')
    assert f'How sure: {confidence.capitalize()} (' in html
    assert "<details" in html


def test_a_conflict_type_without_a_heading_fails_the_build():
    with pytest.raises(UndefinedError):
        render("conflict.html", type="not-a-type", rows=[], verdict=None, confidence=None,
               disagrees=True)
