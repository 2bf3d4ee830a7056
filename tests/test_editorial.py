"""Editorial faults found by the outside fact-check stay fixed: each test reads the built HTML of
the page concerned (the site built once per session) and holds a wording that must not return,
or the wording that replaced it."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from tools.pages import nav_url

PANELS = re.compile(r"<fig-panel\b.*?</fig-panel>", re.S)
PRINT_LIST = re.compile(r'<\w+ class="print-figures".*', re.S)
CHARTS = re.compile(r'<figure class="chart".*?</figure>', re.S)
TAGS = re.compile(r"<[^>]+>")


def prose(page_html: str) -> str:
    """What a reader sees of a page's article, without the figure panels and the print-only
    list, as plain text."""
    article = re.search(r"<article\b.*?</article>", page_html, re.S).group(0)
    text = html_lib.unescape(TAGS.sub(" ", PANELS.sub("", PRINT_LIST.sub("", article))))
    return " ".join(text.split())


def section(page_html: str, heading: str) -> str:
    """The prose of one h2 section, from its heading to the next h2."""
    text = prose(page_html)
    start = text.index(heading)
    rest = text[start + len(heading):]
    following = [m.start() for m in re.finditer(r"\S+¶", rest)]
    return rest[:following[0]] if following else rest


def footer(page_html: str) -> str:
    found = re.search(r'<div class="md-copyright.*?</div>\s*</div>', page_html, re.S)
    return " ".join(html_lib.unescape(TAGS.sub(" ", found.group(0))).split())


@pytest.fixture(scope="module")
def page(built_site):
    """A built page by its title in the nav."""
    return lambda title: built_site.page(nav_url(title))


# --- errors: false or misattributed statements -------------------------------------------

def test_home_does_not_apply_the_plans_caution_to_the_campaign(page):
    assert "years to translate into revenue" not in section(page("Home"), "Why it matters")


def test_financial_cautions_tie_the_revenue_caution_to_the_multi_year_plan(page):
    cautions = section(page("Financial context"), "Cautions")
    before = cautions[:cautions.index("years to translate into revenue")]
    assert "On the multi-year plan, which it does not link to the campaign" in before


def test_glossary_credits_the_holiday_dates_to_investing_com(page):
    entry = page("Glossary").split('id="lunar-new-year-holiday"', 1)[1].split("</dd>", 1)[0]
    credited = re.findall(r'#source-([\w-]+)">[^<]*</a>: <q>([^<]*)</q>', entry)
    assert ("investing-com", "which in 2026 will run from February 15 for nine days, "
            "notes Investing.com") in credited
    assert all(source != "logos-press" for source, _ in credited)


def test_campaign_share_is_about_not_a_ceiling(page):
    text = prose(page("Financial context"))
    assert "the true share can only be smaller" not in text and "up to 0.8" not in text
    assert "not a bound in either direction" in text
    assert re.search(r"equals about 0\.8\d?% of the plan", text)
    assert "Up to" not in prose(page("Methodology"))


def test_infrastructure_keeps_solely(page):
    text = prose(page("Infrastructure"))
    assert "rather than rely on retail" not in text


def test_related_articles_teasers_are_not_the_analysis_argument_nor_dated(page):
    text = prose(page("Competition"))
    assert "The analysis credits Alibaba's backing" not in text
    assert "one-line teaser" in text and "not the analysis's own argument" in text
    assert "as of early February 2026" not in section(page("Competition"), "Funded start-ups")


# --- framing no article supports -----------------------------------------------------------

@pytest.mark.parametrize("title, wording", [
    ("Home", "Part of a larger bet"),
    ("Home", "Chips and cloud behind it"),
    ("Infrastructure", "The infrastructure behind the campaign"),
    ("Infrastructure", "A cloud business in demand"),
    ("About", "the infrastructure behind it"),
    ("Financial context", "of the multi-year plan (this site's comparison)"),
])
def test_campaign_not_framed_as_part_of_the_plan(page, title, wording):
    assert wording not in prose(page(title))


def test_no_part_of_whole_chart_of_campaign_and_plan(page):
    assert 'id="chart-share-' not in page("Financial context")


# --- the site's account of itself --------------------------------------------------------

@pytest.mark.parametrize("title", ["Home", "About", "Sources", "Campaign", "Financial context"])
def test_footer_does_not_date_every_article(page, title):
    """The footer dates the articles from the data, and says that one cannot be dated."""
    text = footer(page(title))
    assert ("none prints its date: four can be placed in early February 2026 from what they "
            "report; one cannot") in text
    assert "Compiled from news reports published in early February" not in text


@pytest.mark.parametrize("title, wording", [
    ("Home", "published in early February 2026. "),
    ("Home", "Compiled from news reports published in early February"),
    ("About", "built from a small set of articles published in early February"),
    ("Timeline", "when the articles were written, in early February"),
    ("What we know and what we don't", "It reflects what was known in early February"),
    ("Methodology", "when the articles were written, in early February"),
])
def test_no_page_says_every_article_is_from_early_february(page, title, wording):
    assert wording not in prose(page(title))


@pytest.mark.parametrize("title", ["Home", "About"])
def test_account_of_the_sources(page, title):
    text = prose(page(title))
    assert ("draws on five articles. None prints its date: four can be placed in early "
            "February 2026 from what they report; one cannot.") in text
    for point in ("generated by AI", "Reuters and Bloomberg are known only through another article",
                  "Later events are not covered"):
        assert point.lower() in text.lower(), (title, point)
    assert "share a publisher" in text or "one publisher" in text


def test_about_does_not_promise_addresses_for_every_article(page):
    text = prose(page("About"))
    assert "with their addresses." not in text and "addresses where known" in text


# --- ratings scoped to what earns them ---------------------------------------------------

def test_stock_news_3_feb_own_figures_rated_medium_in_the_panel(page):
    panel = re.search(r'id="fp-chips-zhenwu_shipped".*?</fig-panel>', page("Infrastructure"),
                      re.S).group(0)
    assert "Stock news, 3 Feb" in panel and "reliability medium<" in panel


def test_credited_sentence_carries_the_agencys_rating(page):
    panel = re.search(r'id="cp-campaign-rivals_reuters".*?</fig-panel>', page("Competition"),
                      re.S).group(0)
    assert "Reuters, early Feb" in panel and "reliability medium-high" in panel


def test_sources_page_explains_the_scoped_ratings(page):
    text = prose(page("Sources"))
    assert "rated as theirs" in text and "one publisher's account" in text


# --- independence --------------------------------------------------------------------------

def test_stock_news_articles_not_counted_as_two_confirmations(page):
    assert "two sources agree" not in prose(page("Where sources differ"))
    assert "one publisher" in prose(page("Financial context"))
    assert "one account" in prose(page("Methodology"))


# --- dates no more exact than the text ---------------------------------------------------

def test_share_price_dates_marked_estimated(page):
    table = section(page("Financial context"), "Share price")
    assert table.count("as of early February 2026 (when the article was published)") == 2
    assert "days are estimated" in table
    assert 'id="chart-price-' not in page("Financial context")


def test_cloud_growth_keeps_recently(page):
    for title in ("Home", "Infrastructure", "Financial context"):
        assert "most recently reported" not in prose(page(title)), title


# --- a briefing to read --------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Campaign", "Infrastructure", "Competition", "Financial context"])
def test_topic_pages_open_with_takeaways(page, title):
    article = re.search(r"<article\b.*?</article>", page(title), re.S).group(0)
    before_first_section = article.split("<h2", 1)[0]
    assert 2 <= before_first_section.count("<li>") <= 3, title


def test_campaign_names_outlets_sparingly(page):
    text = prose(CHARTS.sub("", page("Campaign")))
    assert text.count("Logos Press") <= 5 and text.count("Stock news") <= 6


def test_campaign_shows_the_rivals_budgets_once(page):
    html = page("Campaign")
    assert len(CHARTS.findall(html)) == 1
    assert "500 million yuan" not in prose(CHARTS.sub("", html))   # only in the chart


def test_home_shows_each_figure_once(page):
    ids = re.findall(r'<button type="button" class="fig" id="at-([\w-]+)"', page("Home"))
    assert ids and len(ids) == len(set(ids))
    assert "Key figures" not in prose(page("Home"))


# --- a second audit's findings ------------------------------------------------------------

@pytest.mark.parametrize("title, wording", [
    ("Financial context", "would look smaller still"),
    ("Financial context", "so the results fall within the holiday"),
    ("Glossary", "a custom that apps now offer in digital form"),
    ("Glossary", "rather than for general computing"),
    ("Glossary", "are the precedent the articles recall"),
    ("What we know and what we don't", "and the multiples they give"),
    ("What we know and what we don't", "the articles were written before it"),
    ("Campaign", "analysts quoted in the Logos Press item"),
    ("Home", "Chips and cloud at the same time"),
    ("Infrastructure", "Bloomberg reported, as relayed"),
    ("Infrastructure", "The background article sets this in context"),
    ("Timeline", "the Winter Olympics and the quarterly results"),
    ("Home", "as far as their text shows"),
])
def test_second_audit_wordings_do_not_return(page, title, wording):
    assert wording not in prose(page(title))


def test_reports_from_one_publisher_are_not_counted_as_independent(page):
    panel = re.search(r'id="fp-campaign-budget_cny".*?</fig-panel>', page("Campaign"), re.S)
    text = " ".join(TAGS.sub(" ", panel.group(0)).split())
    assert ("These 4 reports are read in 3 articles from 2 publishers (newscase.com, "
            "Logos Press), so they are not 4 independent confirmations.") in text


def test_a_comparison_with_an_undated_input_is_undated(page):
    panel = re.search(r'id="fp-investment-campaign_share".*?</fig-panel>', page("Financial context"),
                      re.S).group(0)
    assert "2 February 2026" not in TAGS.sub(" ", panel)


def test_timeline_list_and_chart_share_one_date_order(page):
    text = prose(page("Timeline"))
    assert text.rindex("mid-February 2026 Expected release") < text.rindex(
        "15 February 2026 Start of the Lunar New Year holiday")


def test_data_dictionary_examples_are_true_of_the_data(page):
    text = prose(page("Data"))
    assert "medium;high" not in text and "Alibaba will invest 3 billion yuan" not in text


# --- a third audit's findings --------------------------------------------------------------

@pytest.mark.parametrize("title, wording", [
    ("Financial context", "the unrounded result is a ceiling"),
    ("Home", "share a publisher, and one says it was generated by AI"),
    ("Competition", "the same piece argues"),
    ("Infrastructure", "Own chips, and Nvidia's."),
    ("Where sources differ", "the computed multiple is exactly"),
    ("Where sources differ", "so both wordings hold"),
    ("What we know and what we don't", "What the articles establish"),
    ("Timeline", "when the dated articles reported them"),
])
def test_third_audit_wordings_do_not_return(page, title, wording):
    assert wording not in prose(page(title))


def test_an_article_naming_no_publisher_is_not_counted_as_a_publisher(page):
    panel = re.search(r'id="fp-campaign-qwen_old_name".*?</fig-panel>|'
                      r'naming no publisher[^<]*', page("Campaign"), re.S)
    assert panel and "naming no publisher" in panel.group(0)
    assert "Unnamed publisher (background article))" not in page("Campaign")


def test_the_reporting_line_says_one_article_is_undated(page):
    line = re.search(r'<p class="reporting-as-of".*?</p>', page("Home"), re.S).group(0)
    assert "(one article cannot be dated)" in TAGS.sub("", line)
