"""A figure reads as a word of its sentence: it takes no more room on the line than its text
(no gap after a short one such as "6 times"), and punctuation right after it stays on its line.
Every page, on a phone (390 px) and a desktop (1366 px)."""

from __future__ import annotations

import pytest

from .support import page_id, site_pages

SCREENS = {"phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True,
                     "is_mobile": True},
           "desktop": {"viewport": {"width": 1366, "height": 800}}}

# Per visible figure whose text is on one line: how much room it takes on the line (its box plus its
# margins) against its text's own width; and, when punctuation follows it, whether that
# punctuation starts on the figure's line.
READ = r"""
() => [...document.querySelectorAll('article button.fig')].filter(b => b.checkVisibility())
  .map(b => {
    const cs = getComputedStyle(b), box = b.getBoundingClientRect(), range = document.createRange();
    range.selectNodeContents(b);
    const text = range.getBoundingClientRect();
    if (text.height > 2 * parseFloat(cs.fontSize)) return null;  // wrapped in a narrow column
    let next = b.nextSibling;
    while (next && next.nodeType === 1 && next.matches('fig-panel')) next = next.nextSibling;
    let punctuation = null;
    if (next && next.nodeType === 3 && /^[)\].,;:!?]/.test(next.data)) {
      const mark = document.createRange();
      mark.setStart(next, 0);
      mark.setEnd(next, 1);
      const r = mark.getBoundingClientRect();
      punctuation = {mark: next.data[0], sameLine: Math.abs(r.bottom - text.bottom) < text.height / 2};
    }
    return {figure: b.textContent, room: box.width + parseFloat(cs.marginLeft) + parseFloat(cs.marginRight),
            text: text.width, punctuation};
  }).filter(Boolean)
"""


@pytest.fixture(scope="module", params=[(kind, url) for kind in SCREENS for url in site_pages()],
                ids=lambda p: f"{p[0]}-{page_id(p[1])}")
def figures(request, browser, site_url):
    kind, url = request.param
    context = browser.new_context(**SCREENS[kind])
    page = context.new_page()
    page.goto(site_url + url, wait_until="load")
    found = page.evaluate(READ)
    context.close()
    return found


def test_a_figure_takes_no_more_room_than_its_text(figures):
    wide = [f"{f['figure']}: {f['room']:.1f} px for {f['text']:.1f} px of text" for f in figures
            if f["room"] > f["text"] + 0.5]
    assert wide == []


def test_punctuation_after_a_figure_stays_on_its_line(figures):
    dropped = [f"{f['figure']}{f['punctuation']['mark']}" for f in figures
               if f["punctuation"] and not f["punctuation"]["sameLine"]]
    assert dropped == []
