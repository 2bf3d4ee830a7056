"""The word-for-word check on a copy of the project: a retyped passage fails `make check` with
the passage's line, the check passes without the articles folder (saying so in one line), and a
fixture article (tests/fixtures/articles/, written for these tests) added as a new source with
a figure and a claim taken from `make find` passes."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from macros.engine.check import main
from macros.engine.config import BriefingConfig
from macros.engine.find import main as find

ARTICLES = Path(os.environ.get("BRIEFING_SOURCES_DIR") or ROOT / BriefingConfig.articles)
FIXTURE = ROOT / "tests" / "fixtures" / "articles" / "900_fixture_tea.txt"
NOTICE = "articles folder {} not found: passages not checked against the articles\n"


def project(tmp_path: Path, articles: Path | None) -> Path:
    """A copy of the project whose `articles:` setting names `articles` (None: a missing one)."""
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
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
    for article in [*ARTICLES.glob("*.txt"), FIXTURE]:
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


def test_without_the_folder_the_check_passes_and_says_so(tmp_path, monkeypatch, capsys):
    root = project(tmp_path, None)
    edit(root, "Alibaba’s cloud business", "Alibaba's cloud business")
    code, out, err = check(root, monkeypatch, capsys)
    assert code == 0 and out.startswith("data/briefing.yml: ok (")
    assert err == NOTICE.format("../no-such-articles")


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
