"""The data package in the built site: valid Frictionless, complete, typed, safe to open in a
spreadsheet, documented on the Data page, and every figure citable with its own row files."""

from __future__ import annotations

import csv
import datetime as dt
import html as html_text
import json
import re
import subprocess
from decimal import Decimal
from types import SimpleNamespace

import pytest
import yaml

from conftest import ROOT
from engine_data import load_file
from macros.engine.build_info import build_time, commit_id
from macros.engine.export.data_page import FILES, dataset_jsonld
from macros.engine.export.package import descriptor
from macros.engine.export.tables import TABLES, Column, csv_cell, passage_rows, table_csv
from macros.engine.present.citation import citation
from tools.pages import nav_url

DATA = ROOT / "data" / "briefing.yml"
frictionless = pytest.importorskip("frictionless", reason="pip install -r requirements.txt")


@pytest.fixture(scope="module")
def package_dir(built_site):
    return built_site.site / "data"


def test_frictionless_validates_the_built_package(package_dir):
    report = frictionless.validate(str(package_dir / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == len(TABLES)


def test_every_figure_of_the_data_file_is_in_the_package_with_the_same_value(package_dir):
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))["figures"]
    briefing = load_file(DATA)
    package = frictionless.Package(str(package_dir / "datapackage.json"))
    rows = {row["key"]: row for row in package.get_resource("figures").read_rows()}
    assert list(rows) == list(raw)
    for key, entry in raw.items():
        row, fig = rows[key], briefing.figure(key)
        if fig.kind == "date":
            assert row["value_date"] == str(entry.get("value", fig.value)) and row["value"] is None
        elif fig.kind == "text":
            assert row["value_text"] == entry["value"] and row["value"] is None
        else:
            stated = entry.get("value", fig.value)      # derived figures: the computed value
            assert row["value"] == Decimal(repr(stated)), key
        assert row["display"] == fig.text
        assert row["as_of"] == str(entry.get("as_of", fig.as_of))
        # an editorial figure cites no source: its empty cell is read back as missing
        assert (row["sources"] or "") == ";".join(fig.sources)
        assert (row["note"] or None) == fig.note


def test_numbers_are_typed_consistently(package_dir):
    records = json.loads((package_dir / "figures.json").read_text())
    durations = [r for r in records if r["kind"] == "duration"]
    assert durations and all(type(r["value"]) is int for r in durations)
    assert all(isinstance(r["value"], int | float) for r in records
               if r["kind"] not in ("date", "text"))
    with (package_dir / "figures.csv").open(newline="", encoding="utf-8") as f:
        cells = {r["key"]: r for r in csv.DictReader(f)}
    assert cells["campaign.reveal_to_start"]["value"] == "4"       # derived, not 4.0
    assert cells["campaign.budget_cny"]["value"] == "3000000000"
    assert cells["fx.implied_cny_per_usd"]["value"].startswith("6.96")


def test_dates_keep_their_wording_and_precision(package_dir):
    with (package_dir / "figures.csv").open(newline="", encoding="utf-8") as f:
        cells = {r["key"]: r for r in csv.DictReader(f)}
    v4 = cells["deepseek.v4_expected"]
    assert (v4["value_date"], v4["value_date_precision"]) == ("mid 2026-02", "part")
    assert cells["moonshot.valuation_usd"]["as_of"] == "undated"
    assert cells["china.ai_leadership_target"]["as_of_precision"] == "none"
    assert (cells["campaign.budget_usd"]["currency"], cells["campaign.budget_usd"]["unit"]) \
        == ("USD", "")
    assert cells["holiday.duration"]["unit"] == "day"


def test_package_metadata_licence_date_and_commit(package_dir):
    meta = json.loads((package_dir / "datapackage.json").read_text())
    assert meta["licenses"][0]["name"] == "CC-BY-4.0"
    assert "remain the words of their publishers" in meta["description"]
    dt.datetime.strptime(meta["created"], "%Y-%m-%dT%H:%M:%SZ")
    assert re.fullmatch(r"[0-9a-f]{40}", meta.get("commit", "0" * 40))
    readme = (package_dir / "README.md").read_text()
    for table in TABLES:
        assert all(f"| {c.name} |" in readme for c in table.columns)


def test_commit_is_absent_outside_git(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert commit_id(tmp_path) is None
    assert "commit" not in descriptor("", build_time(tmp_path), None)


def test_build_time_is_the_commits_unless_source_date_epoch_says_otherwise(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    committed = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, text=True,
                               capture_output=True, check=True).stdout.strip()
    assert build_time(ROOT) == dt.datetime.fromtimestamp(int(committed), tz=dt.UTC)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    before = dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    assert before <= build_time(tmp_path) <= dt.datetime.now(tz=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772323200")
    assert build_time(ROOT) == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def test_spreadsheet_formulas_are_escaped_but_numbers_are_not():
    text = Column("t", "string", "", lambda r: r)
    number = Column("n", "number", "", lambda r: r)
    for trigger in ("=1+2", "+1", "-2.34%", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(text, trigger) == "'" + trigger
    assert csv_cell(text, "plain =text") == "plain =text"
    assert csv_cell(number, -2.34) == "-2.34"
    assert csv_cell(number, 4.0) == "4"
    rows = [SimpleNamespace(x="=HYPERLINK(\"http://evil\")", y=-5)]
    table = table_csv([Column("x", "string", "", lambda r: r.x),
                          Column("y", "integer", "", lambda r: r.y)], rows)
    assert next(csv.DictReader(table.splitlines()[1:], ["x", "y"])) == \
        {"x": "'=HYPERLINK(\"http://evil\")", "y": "-5"}


def test_passages_give_one_row_per_figure_or_claim_source_and_passage():
    briefing = SimpleNamespace(
        figures={"a.b": SimpleNamespace(passages={"wire": ("one", "two"), "blog": ("three",)}),
                 "a.c": SimpleNamespace(passages={})},
        claims={"a.claim": SimpleNamespace(sources={"wire": ("said so",)})})  # as the briefing holds them
    rows = [(r.key, r.key_type, r.sid, r.number, r.passage) for r in passage_rows(briefing)]
    assert rows == [("a.b", "figure", "wire", 1, "one"), ("a.b", "figure", "wire", 2, "two"),
                    ("a.b", "figure", "blog", 1, "three"),
                    ("a.claim", "claim", "wire", 1, "said so")]


def test_every_figure_has_row_files_and_a_citation(package_dir):
    briefing = load_file(DATA)
    for key in briefing.figures:
        record = json.loads((package_dir / "figures" / f"{key}.json").read_text())
        assert record["key"] == key
        lines = (package_dir / "figures" / f"{key}.csv").read_text().splitlines()
        assert len(lines) == 2 and lines[1].startswith(key + ",")
    fig = briefing.figure("campaign.budget_usd")
    line = citation(fig, "https://example.org/site/", accessed=dt.date(2026, 3, 1))
    assert line == ("Alibaba's AI push in figures, \u201cQwen campaign budget in US dollars, "
                    "as stated\u201d: approximately US$431 million (as of 2 February 2026). "
                    "https://example.org/site/figures/#fig-campaign-budget_usd "
                    "(accessed 1 March 2026).")


def test_the_appendix_links_each_figures_row_files_and_permalink(built_site):
    page = built_site.page(nav_url("Figures"))
    assert 'href="../data/figures/campaign.budget_usd.csv" download' in page
    assert 'href="../data/figures/campaign.budget_usd.json" download' in page
    # the permalink: relative to the site's root unless SITE_URL gives the published address
    assert "figures/#fig-campaign-budget_usd (accessed" in html_text.unescape(page)


def test_every_chart_links_its_own_data(built_site):
    for page in built_site.site.rglob("index.html"):
        html = page.read_text()
        charts = re.findall(r'<figure class="chart" id="([^"]+)"', html)
        hrefs = re.findall(r'href="([^"]*data/charts/(chart-[^"]+)\.csv)"', html)
        assert sorted(cid for _, cid in hrefs) == sorted(charts), page
        for href, _ in hrefs:
            target = (page.parent / href).resolve()
            assert target.is_file(), href
            assert target.read_text().startswith("key,label,kind,value,")


def test_data_page_documents_every_column_and_carries_dataset_jsonld(built_site):
    html = built_site.page(nav_url("Data"))
    for table in TABLES:
        for column in table.columns:
            assert f"<td><code>{column.name}</code></td>" in html, column.name
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    [data] = [d for d in map(json.loads, scripts) if d["@type"] == "Dataset"]  # and the WebPage
    assert data["license"].startswith("https://creativecommons")
    assert {d["name"] for d in data["distribution"]} >= {"datapackage.json", "figures.csv"}
    # full addresses with SITE_URL, else relative to the site's root
    assert all(d["contentUrl"].startswith(("http://", "https://", "data/"))
               for d in data["distribution"])
    for name, _ in FILES:
        assert (built_site.site / "data" / name).is_file(), name


def test_jsonld_cannot_close_its_script():
    text = dataset_jsonld("https://example.org/</script><b>&/")
    body = text.split(">", 1)[1].rsplit("<", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["url"] == "https://example.org/</script><b>&/data/"
