"""Charts drawn from the data: marks to scale, labels as the prose formats them, accessible."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, build
from engine_data import Briefing, load, load_file
from macros.engine.errors import BriefingError
from macros.engine.present.charts import bar_chart, timeline_chart
from macros.engine.present.html import PageRenderer, anchor
from macros.engine.present.markup import escape
from tools.pages import nav_url

DATA = """\
sources:
  wire:
    name: "Example Wire"
    publisher: Example Wire
    title: Budgets and prices
    date: 2026-02-10
    reliability: medium-high
    note: First-hand.
  blog:
    name: "Example Blog"
    publisher: Example Blog
    title: Background
    date: 2026-02
    reliability: low
    note: Context only.
figures:
  a.budget:
    label: Budget of A
    value: 3000000000
    kind: money
    currency: CNY
    as_of: 2026-02-02
    sources: {wire: "CNY 3000000000"}
  b.budget:
    label: Budget of B
    value: 1200000000
    kind: money
    currency: CNY
    as_of: 2026-02-03
    sources: {wire: "CNY 1200000000"}
  c.budget:
    label: Budget of C
    value: 400000000
    kind: money
    currency: CNY
    as_of: 2026-02-03
    sources: {wire: "CNY 400000000", blog: "CNY 400000000"}
  a.budget_usd:
    label: Budget of A in dollars
    value: 431000000
    kind: money
    currency: USD
    qualifier: approximately
    as_of: 2026-02-02
    sources: {wire: "approximately USD 431000000"}
  ratio.b:
    label: A over B
    kind: ratio
    formula: a.budget / b.budget
    decimals: 1
  ratio.c:
    label: A over C
    kind: ratio
    formula: a.budget / c.budget
  ratio.wrong:
    label: A over C, misquoted
    value: 3
    kind: ratio
    as_of: 2026-02-03
    sources: {blog: "3 times"}
  event.old:
    label: Something long ago
    value: 2024-03
    kind: date
    as_of: 2026-02-03
    sources: {blog: "in March 2024"}
  event.reveal:
    label: Budget revealed
    value: 2026-02-02
    kind: date
    as_of: 2026-02-02
    sources: {wire: "on February 2, 2026"}
  event.start:
    label: Campaign start
    value: 2026-02-06
    kind: date
    as_of: 2026-02-03
    sources: {wire: "on February 6, 2026"}
  event.results:
    label: Quarterly results
    value: 2026-02-19
    kind: date
    as_of: 2026-02-03
    sources: {wire: "on February 19, 2026"}
  event.model:
    label: Expected model release
    value: mid 2026-02
    kind: date
    as_of: 2026-02-03
    sources: {wire: "in mid February 2026"}
  holiday.start:
    label: Holiday start
    value: 2026-02-15
    kind: date
    as_of: 2026-02-03
    sources: {wire: "on February 15, 2026"}
  holiday.length:
    label: Holiday length
    value: 9
    kind: duration
    unit: day
    as_of: 2026-02-03
    sources: {wire: "9 days"}
number_words_allowed: [first, second, third]
"""
BUDGETS = ["a.budget", "b.budget", "c.budget"]
EVENTS = ["event.old", "event.reveal", "event.start", "event.model", "event.results"]
SPAN = {"start": "holiday.start", "length": "holiday.length", "name": "Holiday"}
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def renderer() -> PageRenderer:
    return PageRenderer(load(DATA), "campaign/")


def svg_of(html: str) -> ET.Element:
    """The chart's <svg> element, parsed as XML."""
    return ET.fromstring(re.search(r'<svg class="chart-svg.*?</svg>', html, re.S).group(0))


def table_rows(html: str) -> list[str]:
    table = re.search(r'<details class="chart-data">.*?</details>', html, re.S).group(0)
    return re.findall(r"<tr><td>.*?</tr>", table, re.S)


def texts(svg: ET.Element) -> list[str]:
    """Each line of text in the chart (no-break spaces read as spaces)."""
    return ["".join(t.itertext()).replace("\xa0", " ") for t in svg.iter("text")]


def marks(svg: ET.Element, tag: str) -> dict[str, ET.Element]:
    return {m.get("data-key"): m for m in svg.iter(tag) if m.get("data-key")}


def proportional(pairs: list[tuple[float, float]], slack: float = 0.15) -> bool:
    """Every drawn length equals the same factor times its value (coordinates keep 1 decimal)."""
    factor = pairs[0][0] / pairs[0][1]
    return all(abs(drawn - value * factor) <= slack for drawn, value in pairs)


def assert_accessible(html: str, briefing: Briefing, keys: list[str]) -> ET.Element:
    """role=img, a title and a description it is labelled by, a row and appendix link per figure."""
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.get("viewBox") and svg.get("width") is None and svg.get("style") is None
    ids = {el.get("id"): el for el in svg if el.tag in ("title", "desc")}
    labelled_by = svg.get("aria-labelledby").split()
    assert [ids[i].tag for i in labelled_by] == ["title", "desc"]
    assert all("".join(ids[i].itertext()).strip() for i in labelled_by)
    rows = table_rows(html)
    assert len(rows) == len(keys)
    for key, row in zip(keys, rows, strict=True):
        assert f'href="../figures/#{anchor(key)}"' in row
        assert escape(briefing.figure(key).text) in row
    assert "Sources:" in html and "../sources/#source-" in html
    return svg


def test_bar_lengths_are_proportional_and_labels_are_the_formatted_figures(renderer):
    html = bar_chart(renderer, BUDGETS, "Budgets", names=["A", "B", "C"],
                     also=["a.budget_usd", "", ""], multiples=["", "ratio.b", "ratio.c"])
    briefing = renderer.briefing
    svg = assert_accessible(html, briefing, [*BUDGETS, "a.budget_usd", "ratio.b", "ratio.c"])
    bars = marks(svg, "rect")
    assert list(bars) == BUDGETS
    assert proportional([(float(bars[k].get("width")), briefing.figure(k).value) for k in BUDGETS])
    assert all(bars[k].get("x") == "0" for k in BUDGETS)
    shown = texts(svg)
    for key in BUDGETS:
        assert briefing.figure(key).text in shown
        assert briefing.figure(key).label in "".join(bars[key].find("title").itertext())
    assert any(briefing.figure("a.budget_usd").short in t for t in shown)
    assert any(f"A is {briefing.figure('ratio.b').short} this" in t for t in shown)
    description = "".join(svg.find("desc").itertext())
    assert all(briefing.figure(k).text in description for k in BUDGETS)


def test_bar_highlight_sets_one_bar_apart(renderer):
    svg = svg_of(bar_chart(renderer, BUDGETS, "Budgets", highlight="b.budget"))
    classes = {k: m.get("class") for k, m in marks(svg, "rect").items()}
    assert classes["b.budget"] == "chart-bar"
    assert all("chart-bar--other" in classes[k] for k in ("a.budget", "c.budget"))


@pytest.mark.parametrize("call, message", [
    (lambda r: bar_chart(r, ["a.budget", "a.budget_usd"], "Mixed"), "mix kinds or units"),
    (lambda r: bar_chart(r, BUDGETS, "Wrong", multiples=["", "", "ratio.wrong"]),
     "does not match the bars"),
    (lambda r: bar_chart(r, BUDGETS, "Short", names=["A", "B"]), "one text"),
    (lambda r: bar_chart(r, "a.budget", "Not a list"), "must be a list"),
    (lambda r: bar_chart(r, BUDGETS, ""), "needs a title"),
    (lambda r: bar_chart(r, ["a.budget", "event.start"], "Dates"), "is a date figure"),
    (lambda r: timeline_chart(r, ["event.start"], "Bad span", spans=[{"start": "event.start"}]),
     "needs exactly"),
])
def test_wrong_calls_are_explained(renderer, call, message):
    with pytest.raises(BriefingError) as caught:
        call(renderer)
    assert message in str(caught.value)
    assert caught.value.hint


def test_timeline_places_dates_to_scale_and_breaks_long_gaps(renderer):
    briefing = renderer.briefing
    html = timeline_chart(renderer, EVENTS, "Timeline", spans=[SPAN])
    svg = assert_accessible(html, briefing, [*EVENTS, "holiday.start", "holiday.length"])
    points = marks(svg, "circle")
    exact = ["event.reveal", "event.start", "event.results"]
    assert set(points) == set(exact)
    days = [briefing.figure(k).value.start() for k in exact]
    ys = [float(points[k].get("cy")) for k in exact]
    assert proportional([(y - ys[0], (d - days[0]).days) for y, d in zip(ys[1:], days[1:],
                                                                        strict=True)], 0.2)
    bars = marks(svg, "rect")
    per_day = (ys[1] - ys[0]) / (days[1] - days[0]).days
    assert float(bars["event.model"].get("height")) == pytest.approx(10 * per_day, abs=0.2)
    assert float(bars["holiday.start"].get("height")) == pytest.approx(9 * per_day, abs=0.2)
    assert float(bars["holiday.start"].get("y")) == pytest.approx(
        ys[0] + (briefing.figure("holiday.start").value.start() - days[0]).days * per_day
        - per_day / 2, abs=0.2)
    assert svg.find(".//line[@class='chart-axis chart-break']") is not None
    assert float(bars["event.old"].get("y")) < ys[0], "earliest first"
    shown = texts(svg)
    for key in EVENTS:
        assert briefing.figure(key).short in shown
        assert briefing.figure(key).label in " ".join(shown)
    assert (f"{briefing.figure('holiday.start').short}, "
            f"{briefing.figure('holiday.length').short}") in shown


def test_timeline_keeps_one_scale_and_labels_what_the_break_leaves_out(renderer):
    briefing = renderer.briefing
    html = timeline_chart(renderer, EVENTS, "Timeline", spans=[SPAN])
    svg = svg_of(html)
    points, bars = marks(svg, "circle"), marks(svg, "rect")
    days = [briefing.figure(k).value.start() for k in ("event.reveal", "event.start")]
    ys = [float(points[k].get("cy")) for k in ("event.reveal", "event.start")]
    per_day = (ys[1] - ys[0]) / (days[1] - days[0]).days
    march = 31  # event.old is a whole month, alone on its stretch of axis
    assert float(bars["event.old"].get("height")) == pytest.approx(march * per_day, abs=0.2)
    shown = " ".join(texts(svg))
    assert "about 22 months left out" in shown
    assert "The axis leaves out about 22 months, 1 Apr 2024 to 1 Feb 2026." in html
    assert "every day has the same height" in html


def test_timeline_axis_names_months_only_so_no_tick_reads_like_an_event(renderer):
    """A stretch of axis that starts on a day with nothing on it (the data's second stretch
    starts on 2 February) is labelled with its month, not that day."""
    svg = svg_of(timeline_chart(renderer, EVENTS, "Timeline", spans=[SPAN]))
    labels = ["".join(t.itertext()).replace("\xa0", " ") for g in svg.iter("g")
              if "chart-note" in (g.get("class") or "") for t in g.iter("text")
              if t.get("text-anchor") == "end"]
    assert len(labels) >= 2
    for label in labels:
        assert re.fullmatch(r"[A-Z][a-z]{2} \d{4}", label), label


def test_svg_is_compact(renderer):
    html = "".join([
        bar_chart(renderer, BUDGETS, "Budgets"),
        timeline_chart(renderer, EVENTS, "Timeline", spans=[SPAN])])
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(svgs) == 2
    for svg in svgs:
        assert " style=" not in svg
        for attribute in re.findall(r'\s(?:x|y|x1|y1|x2|y2|cx|cy|width|height|d)="([^"]*)"', svg):
            assert all(len(n.partition(".")[2]) <= 1 for n in NUMBER.findall(attribute)), attribute
        assert len(svg) < 8000


def test_chart_ids_are_unique_per_chart(renderer):
    first = svg_of(bar_chart(renderer, BUDGETS, "Budgets"))
    second = svg_of(bar_chart(renderer, BUDGETS[:2], "Budgets"))
    assert first.find("title").get("id") != second.find("title").get("id")


# ----------------------------------------------------------------- the real site

CHART_PAGES = {nav_url("Campaign"): ["bar"], nav_url("Timeline"): ["timeline"]}


def charts_in(html: str) -> list[str]:
    return re.findall(r'<figure class="chart" id="chart-(\w+)-', html)


def test_built_pages_carry_their_charts(built_site):
    real = load_file(ROOT / "data" / "briefing.yml")
    for url, kinds in CHART_PAGES.items():
        html = built_site.page(url)
        assert charts_in(html) == kinds, url
        assert "stylesheets/site.css" in html
        for figure in re.findall(r'<figure class="chart".*?</figure>', html, re.S):
            svg = svg_of(figure)
            keys = {m.get("data-key") for m in svg.iter() if m.get("data-key")}
            assert keys and all(k in real.figures for k in keys)
            shown = " ".join(texts(svg))
            for key in keys:
                fig = real.figure(key)
                assert fig.text in shown or fig.short in shown, (url, key)
            assert "<script" not in figure and "://" not in ET.tostring(svg, encoding="unicode")


def test_no_page_repeats_a_chart(built_site):
    for path in built_site.site.rglob("index.html"):
        ids = re.findall(r'<figure class="chart" id="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), path


def test_changing_a_figure_changes_its_chart(project_copy):
    data = project_copy / "data" / "briefing.yml"
    text = data.read_text(encoding="utf-8")
    block = re.search(r"\n  competition\.baidu_budget_cny:\n(?:    .*\n)+", text).group(0)
    text = text.replace(block, block.replace("value: 500000000", "value: 750000000")
                        .replace("500 million yuan", "750 million yuan"))
    # the published correction of the dollar equivalent no longer matches: drop it
    text = re.sub(r"\n  - figure: competition\.baidu_budget_usd\n(?:    .*\n)+", "\n", text)
    data.write_text(text, encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 0, result.output
    changed = load_file(data)
    svg = svg_of(result.page(nav_url("Campaign")))
    bars = marks(svg, "rect")
    assert proportional([(float(m.get("width")), changed.figure(k).value)
                         for k, m in bars.items()])
    baidu = changed.figure("competition.baidu_budget_cny")
    assert baidu.value == 750000000
    assert baidu.text in texts(svg)
    ratio = changed.figure("competition.ratio_baidu").short
    assert f"is {ratio} this" in " ".join(texts(svg))   # a label may wrap onto two lines


def test_as_of_line_names_the_date_that_covers_the_others():
    from types import SimpleNamespace

    from macros.engine.dates import PartialDate
    from macros.engine.present.charts.frame import _as_of_line

    def figs(*dates):
        return [SimpleNamespace(as_of=PartialDate.parse(d)) for d in dates]

    assert _as_of_line(figs("2026-02-02", "early 2026-02")) == (
        "As of early February 2026; the table gives each figure's date.")
    assert _as_of_line(figs("2026-02-02", "mid 2026-02")) == (
        "As of dates from 2 February 2026 to mid-February 2026; the table gives each one.")
