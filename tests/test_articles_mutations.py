"""The word-for-word check on a copy of the project: a retyped passage fails `make check` and
`make build` with the passage's line, both pass without the articles folder (saying so in one
line), and a fixture article (tests/fixtures/articles/, invented for these tests and marked so
in its text) goes from `make find` to a published figure: its source, a figure, a claim and an
update recorded from what `make find` proposes, and a page line, pass `make check` and
`make build`, and the update shows on the What has changed page and in the figure's panel."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build, copy_project
from macros.engine.check import main
from macros.engine.config import BriefingConfig
from macros.engine.find import main as find
from tools.pages import nav_url

ARTICLES = Path(os.environ.get("BRIEFING_SOURCES_DIR") or ROOT / BriefingConfig.articles)
FIXTURE = ROOT / "tests" / "fixtures" / "articles" / "900_fixture_tea.txt"
ORCHARD = ROOT / "tests" / "fixtures" / "articles" / "902_fixture_orchard.txt"
NOTICE = "articles folder {} not found: passages not checked against the articles\n"


def project(tmp_path: Path, articles: Path | None) -> Path:
    """A copy of the project whose `articles:` setting names `articles` (None: a missing one)."""
    copy_project(tmp_path)
    folder = str(articles) if articles else "../no-such-articles"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^(\s+articles:) \S+", rf"\1 {folder}", config)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def with_articles(tmp_path: Path) -> Path:
    if not ARTICLES.is_dir():
        pytest.skip(NOTICE.format(ARTICLES).strip() + " (set BRIEFING_SOURCES_DIR)")
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in [*ARTICLES.glob("*.txt"), FIXTURE, ORCHARD]:
        shutil.copy(article, folder)
    return project(tmp_path / "site", folder)


def edit(root: Path, old: str, new: str) -> int:
    """Replace the first `old` in the copy's data file; the line it is on."""
    data = root / "data" / "briefing.yml"
    text = data.read_text(encoding="utf-8")
    assert old in text, old
    data.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, text.index(old)) + 1


def check(root: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main([])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("old", "new", "told"), [
    ("Alibaba has allocated 3 billion yuan (approximately $431 million USD) to promote its "
     "Qwen application.", "Alibaba has allocated 3 billion yuan (approximately $431 million "
     "USD) to advertise its Qwen application.", 'then the passage has "advertise its Qwen'),
    ("Alibaba’s cloud business", "Alibaba's cloud business",
     "the passage has the straight ', the article the curly ’"),
    ('      stocknews-feb3: "The company has reportedly shipped more than 100,000 units',
     '      stocknews-feb6: "The company has reportedly shipped more than 100,000 units',
     "not word for word in its article 003_2af6a26f2fbbd95f.txt: it is word for word in "
     "002_1f396d49f509e587.txt, the article of bloomberg, reuters, stocknews-feb3"),
], ids=["changed-word", "straight-apostrophe", "wrong-article"])
def test_a_retyped_passage_fails_with_its_line(tmp_path, monkeypatch, capsys, old, new, told):
    root = with_articles(tmp_path)
    line = edit(root, old, new)
    code, _, err = check(root, monkeypatch, capsys)
    assert code == 1
    assert err.startswith(f"data/briefing.yml:{line}: figures.") and told in err, err
    built = build(root)
    assert built.returncode != 0
    assert f"data/briefing.yml:{line}: figures." in built.output and told in built.output


def test_without_the_folder_check_and_build_pass_and_say_so(tmp_path, monkeypatch, capsys):
    root = project(tmp_path, None)
    edit(root, "Alibaba’s cloud business", "Alibaba's cloud business")
    code, out, err = check(root, monkeypatch, capsys)
    assert code == 0 and out.startswith("data/briefing.yml: ok (")
    assert err == NOTICE.format("../no-such-articles")
    built = build(root)
    assert built.returncode == 0, built.output
    assert built.output.count(NOTICE.format("../no-such-articles")) == 1, built.output


SOURCE = """\
  tea-weekly:
    name: "Tea Garden Weekly, spring"
    publisher: "Tea Garden Weekly"
    title: "Fixture article written for the tests"
    date: "2026-04"
    article: 900_fixture_tea.txt
    reliability: medium
    note: "A fixture for the tests, not one of the project's sources."

"""


def test_a_new_article_added_from_make_find_passes(tmp_path, monkeypatch, capsys):
    root = with_articles(tmp_path)
    monkeypatch.chdir(root)
    assert find([str(FIXTURE), "--q", "431"]) == 0
    proposed = capsys.readouterr().out
    block = proposed[proposed.index("  group.new_key_1:"):proposed.index("  # [1] a new figure: 12%")]
    figure = (block.replace("group.new_key_1:            # choose the key", "tea.harvest:")
              .replace('label: "..."', 'label: "Co-operative harvest"')
              .replace('unit: "..."', 'unit: "tonnes"')
              .replace('as_of: "..."', 'as_of: "2026-04"')
              .replace("new-source-id:", "tea-weekly:")
              + "    appendix_only: true\n")
    edit(root, "figures:\n", SOURCE + "figures:\n")
    edit(root, "  campaign.budget_cny:\n", figure + "  campaign.budget_cny:\n")
    sentence = re.search(r'tea-weekly: (".*")', figure).group(1)
    claim = (f'  tea.harvest_claim:\n    says: "Tea Garden Weekly reports the harvest"\n'
             f"    sources:\n      tea-weekly: {sentence}\n")
    edit(root, "claims:\n", "claims:\n" + claim)
    code, out, err = check(root, monkeypatch, capsys)
    assert code == 0, err
    assert "10 sources" in out


def test_find_lists_what_the_reader_reads_and_narrows_to_q(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert find([str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "[1] line 3: The co-operative’s harvest reached 431 tonnes this spring" in out
    assert "    reads 12% (from '12%')" in out
    assert "  campaign.budget_cny: the article says nothing of it" in out
    assert '      new-source-id: "According to Agrinews, the co-operative' in out
    assert find([str(FIXTURE), "--q", "2027"]) == 0
    narrowed = capsys.readouterr().out
    assert "1 sentence states a quantity and contains '2027'" in narrowed and "431" not in narrowed


def between(text: str, start: str, end: str | None = None) -> str:
    """The part of `text` from the line starting with `start` up to the line starting with
    `end` (or the end)."""
    begin = text.index(start)
    return text[begin:text.index(end, begin) if end else len(text)]


def test_a_new_article_from_make_find_to_the_published_figure(tmp_path, monkeypatch, capsys):
    """CONTRIBUTING's "Add a new article", step by step, from what `make find` proposes."""
    root = with_articles(tmp_path)
    monkeypatch.chdir(root)
    assert find([str(ORCHARD), "--q", "2,400"]) == 0
    proposed = capsys.readouterr().out.split("YAML to paste:\n", 1)[1]
    source = (between(proposed, "  new-source-id:", "  # [")
              .replace("new-source-id:", "orchard-gazette:")
              .replace('name: "..."', 'name: "Orchard Valley Gazette, 10 Apr"')
              .replace('publisher: "..."', 'publisher: "Orchard Valley Gazette"')
              .replace('title: "..."', 'title: "Cider co-operative pressing (invented fixture)"')
              .replace('note: "..."', 'note: "An invented fixture for the tests, not real news."'))
    figure = (between(proposed, "  group.new_key_1:", "  # if it is news")
              .replace("group.new_key_1:", "orchard.pressed:")
              .replace('label: "..."', 'label: "Apples pressed by the cider co-operative"')
              .replace('unit: "..."', 'unit: "tonnes"')
              .replace('as_of: "..."', 'as_of: "2026-04-10"')
              .replace("new-source-id:", "orchard-gazette:"))
    passage = re.search(r'orchard-gazette: (".*")', figure).group(1)
    claim = ('  orchard.pressing:\n    says: "The growers reported the season\'s pressing"\n'
             f"    sources:\n      orchard-gazette: {passage}\n")
    update = (between(proposed, "  - date:")
              .replace('says: "..."', 'says: "An invented fixture article reports the pressing."')
              .replace("group.new_key_1", "orchard.pressed")
              .replace("new-source-id", "orchard-gazette"))
    edit(root, "\nfigures:\n", "\n" + source + "\nfigures:\n")
    edit(root, "\nconflicts:\n", "\n" + figure + "\nconflicts:\n")
    edit(root, "\nclaims:\n", "\nclaims:\n" + claim)
    edit(root, "\nupdates: []\n", "\nupdates:\n" + update.rstrip("\n") + "\n")  # the first entry
    page = root / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nA fixture reports '
                    '{{ fig("orchard.pressed") }} pressed{{ cite("orchard.pressing") }}.\n',
                    encoding="utf-8")
    code, out, err = check(root, monkeypatch, capsys)
    assert code == 0, err
    assert "10 sources" in out
    built = build(root)
    assert built.returncode == 0, built.output
    changes = built.page(nav_url("What has changed", root))
    assert "An invented fixture article reports the pressing." in changes
    assert "Apples pressed by the cider co-operative" in changes
    panel = re.search(r'id="fp-orchard-pressed".*?</fig-panel>', built.page(""), re.S).group(0)
    assert "Updated 10 April 2026: An invented fixture article reports the pressing." in panel


def test_find_proposes_no_passage_that_shares_only_the_value(monkeypatch, capsys):
    """An advertising line 'analysis from February 6' has the campaign start's date but is not
    about the campaign: told, not proposed as a passage."""
    article = ARTICLES / "003_2af6a26f2fbbd95f.txt"
    if not article.is_file():
        pytest.skip(NOTICE.format(ARTICLES).strip() + " (set BRIEFING_SOURCES_DIR)")
    monkeypatch.chdir(ROOT)
    assert find([str(article)]) == 0
    out = capsys.readouterr().out
    assert "campaign.start (6 February 2026): supported by [8], [9] (the value only: no word of " \
           "its label; check before citing)" in out
    assert "a new passage for campaign.start" not in out
