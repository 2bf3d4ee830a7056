/* Keyboard scrolling for a shown table wider than the screen: its Material scroll box gets a
   tab stop and a name (the heading above it), checked on load, resize, tab and <details>. */
(() => {
  const used = new Map();
  const name = (box) => {
    const h = document.evaluate("preceding::*[self::h1 or self::h2 or self::h3][1]", box, null,
      XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    const title = h ? h.textContent.replace("\u00b6", "").trim() : "";
    const label = `Table${title ? ` under \u201c${title}\u201d` : ""}, scrolls sideways`;
    const n = (used.get(label) || 0) + 1;
    used.set(label, n);
    return n > 1 ? `${label} (${n})` : label;
  };
  const mark = (box) => {
    const wide = box.scrollWidth > box.clientWidth + 1 && box.checkVisibility?.() !== false;
    if (wide === box.hasAttribute("tabindex")) return;
    if (!wide) return ["tabindex", "role", "aria-label"].forEach((a) => box.removeAttribute(a));
    box.dataset.region ||= name(box);
    box.setAttribute("aria-label", box.dataset.region);
    box.setAttribute("role", "region");
    box.tabIndex = 0;
  };
  const all = () => requestAnimationFrame(
    () => document.querySelectorAll(".md-typeset__scrollwrap").forEach(mark));
  addEventListener("load", all);  // Material wraps the tables after the page is parsed
  addEventListener("resize", all);
  document.addEventListener("change", (e) => e.target.closest?.(".tabbed-set") && all());
  document.addEventListener("toggle", (e) => e.target.matches("details") && all(), true);
})();
