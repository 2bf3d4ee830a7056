"""Front matter a page may not carry, told at its line."""

import pytest

from macros.engine.errors import BriefingError
from macros.engine.load.page_source import parse_page
from macros.engine.present.pages.rules import check_front_matter

DESCRIPTION = "A description long enough for search results and link previews."


@pytest.mark.parametrize("field", ["a(b", "x[", "c+d"])
def test_an_unknown_field_with_pattern_characters_is_told_at_its_line(field):
    page = parse_page(f'---\ntitle: T\ndescription: {DESCRIPTION}\n{field}: 1\n---\n\nBody\n',
                      "docs/p.md")
    with pytest.raises(BriefingError) as caught:
        check_front_matter({"p.md": page})
    assert str(caught.value).startswith(
        f"docs/p.md:4: {field}: unknown front-matter field '{field}'")
