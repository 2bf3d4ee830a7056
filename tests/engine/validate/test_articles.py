"""The word-for-word check of passages against their articles (validate/articles.py), on
fixture articles written for these tests (tests/fixtures/articles/)."""

from pathlib import Path

import pytest

from macros.engine.errors import BriefingError
from macros.engine.load.yaml_source import parse_yaml
from macros.engine.validate.articles import check_articles

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "articles"

DATA = """\
sources:
  tea-weekly:
    publisher: Tea Garden Weekly
    article: 900_fixture_tea.txt
  agrinews:
    publisher: Agrinews
    as_reported_by: Tea Garden Weekly
    article: 900_fixture_tea.txt
  harbour:
    publisher: Harbour Notes
    article: 901_fixture_other.txt
figures:
  tea.harvest:
    sources:
      tea-weekly: "The co-operative’s harvest reached 431 tonnes this spring"
claims:
  tea.shed:
    sources:
      agrinews: "According to Agrinews, the co-operative plans to open a second drying shed"
"""
PASSAGE_LINE = 15


def check(text: str, folder: Path = FOLDER) -> None:
    check_articles(parse_yaml(text, "data/briefing.yml"), folder, "../shared/sources")


def refusal(text: str) -> str:
    with pytest.raises(BriefingError) as caught:
        check(text)
    return str(caught.value)


def test_the_fixture_data_passes(capsys):
    check(DATA)
    assert capsys.readouterr().err == ""


def test_one_changed_word_is_refused_with_where_it_stops():
    message = refusal(DATA.replace("reached 431", "reached 432"))
    assert message.startswith(f"data/briefing.yml:{PASSAGE_LINE}: figures.tea.harvest: ")
    assert 'it matches up to "…operative’s harvest reached 43", then the passage has ' \
           '"2 tonnes' in message
    assert 'where the article has "1 tonnes' in message


def test_a_straight_apostrophe_is_named():
    message = refusal(DATA.replace("co-operative’s", "co-operative's"))
    assert message.startswith(f"data/briefing.yml:{PASSAGE_LINE}: figures.tea.harvest: ")
    assert "the passage has the straight ', the article the curly ’" in message


def test_a_passage_credited_to_the_wrong_article_is_refused():
    message = refusal(DATA.replace("      tea-weekly: \"The", "      harbour: \"The"))
    assert message.startswith(f"data/briefing.yml:{PASSAGE_LINE}: figures.tea.harvest: ")
    assert ("not word for word in its article 901_fixture_other.txt: it is word for word in "
            "900_fixture_tea.txt, the article of agrinews, tea-weekly") in message


def test_a_relayed_passage_must_name_the_agency():
    message = refusal(DATA.replace("According to Agrinews, the", "the"))
    assert "does not name Agrinews" in message


def test_an_unknown_article_file_names_the_close_one():
    message = refusal(DATA.replace("article: 901_fixture_other.txt", "article: 901_fixture.txt"))
    assert "(did you mean 901_fixture_other.txt" in message


def test_without_the_folder_one_line_says_so_and_nothing_is_refused(tmp_path, capsys):
    check(DATA.replace("reached 431", "reached 432"), tmp_path / "missing")
    assert capsys.readouterr().err == ("articles folder ../shared/sources not found: passages "
                                       "not checked against the articles\n")
