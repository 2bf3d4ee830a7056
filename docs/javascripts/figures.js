/* A figure's evidence panel is a popover its button opens: a click, a tap or Enter opens it,
   Escape, a tap outside and a second tap close it (the browser's own popovertarget, so the page
   works without this script). This script adds the rest:
   - hover and keyboard focus preview the panel (until every browser ships `interestfor`);
     a focus preview is inert, so tabbing past figures never walks through their panels;
   - a close button, and on phones (a bottom sheet, see site.css) the tapped figure scrolled
     clear of the sheet, and a tap on the dimmed page only closes it;
   - focus back on the figure when its panel closes with the focus inside;
   - no tab stop on a heading's permanent link (its table-of-contents entry is the same link). */
(() => {
  const INVOKER = ".md-typeset button[popovertarget]:not(.fp-close)";
  let transient = null, closing = 0, opening = 0, swallow = false;
  const panel = (b) => document.getElementById(b.getAttribute("popovertarget"));
  const invoker = (p) => document.querySelector(`${INVOKER}[popovertarget="${CSS.escape(p.id)}"]`);
  const sheet = (p) => getComputedStyle(p).getPropertyValue("--fp-sheet").trim() === "1";
  const preview = (b, inert) => {
    const p = panel(b);
    if (!p || p.matches(":popover-open")) return;
    p.inert = inert;
    p.showPopover({ source: b });
    transient = p;
  };
  const close = (p) => {
    if (p === transient && p.matches(":popover-open")) p.hidePopover();
    transient = null;
  };
  const later = (p) => {
    clearTimeout(closing);
    closing = setTimeout(() => {
      if (!p.matches(":hover") && !p.contains(document.activeElement)) close(p);
    }, 300);
  };
  const addClose = (p) => {
    if (p.querySelector(".fp-close")) return;
    const c = document.createElement("button");
    c.type = "button";
    c.className = "fp-close";
    c.setAttribute("popovertarget", p.id);
    c.setAttribute("popovertargetaction", "hide");
    c.setAttribute("aria-label", "Close sources");
    c.textContent = "×";
    p.prepend(c);
  };
  /* The figure centred in the room between the header and the sheet, if the sheet covers it. */
  const keepInView = (p) => {
    const b = invoker(p), top = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    const bottom = p.getBoundingClientRect().top, r = b.getBoundingClientRect();
    if (r.top < top || r.bottom > bottom) scrollBy(0, (r.top + r.bottom - top - bottom) / 2);
  };
  for (const a of document.querySelectorAll(".md-typeset .headerlink")) a.tabIndex = -1;
  document.addEventListener("pointerover", (e) => {
    if (e.pointerType !== "mouse") return;
    const b = e.target.closest?.(INVOKER);
    if (b) {
      clearTimeout(opening);
      opening = setTimeout(() => b.matches(":hover") && preview(b, false), 150);
    }
    if (b || e.target.closest?.(".fig-panel") === transient) clearTimeout(closing);
  });
  document.addEventListener("pointerout", (e) => {
    if (e.pointerType !== "mouse") return;
    if (e.target.closest?.(INVOKER)) clearTimeout(opening);
    if (transient && e.target.closest?.(`${INVOKER}, .fig-panel`)) later(transient);
  });
  document.addEventListener("focusin", (e) => {
    if (e.target.matches?.(`${INVOKER}:focus-visible`)) preview(e.target, true);
  });
  document.addEventListener("focusout", (e) => {
    const p = transient, to = e.relatedTarget;
    if (p && !(to && (p.contains(to) || to === invoker(p)))) close(p);
  });
  /* A tap on the page around an open sheet closes the sheet (the browser's light dismiss) and
     does nothing else; a tap on the sheet's own figure is its second tap. */
  document.addEventListener("pointerdown", (e) => {
    const p = document.querySelector(".fig-panel:popover-open");
    swallow = !!p && sheet(p) && !p.contains(e.target) && !invoker(p).contains(e.target);
  }, true);
  /* A click opens a panel for real (links reachable); on a figure that hover or focus opened,
     it keeps the panel open instead of toggling it shut. */
  document.addEventListener("click", (e) => {
    if (swallow && e.pointerType) {
      swallow = false;
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const b = e.target.closest?.(INVOKER);
    clearTimeout(opening);
    if (!b || !panel(b)) return;
    panel(b).inert = false;
    if (panel(b) === transient && transient.matches(":popover-open")) {
      e.preventDefault();
      transient = null;
    }
  }, true);
  document.addEventListener("beforetoggle", (e) => {
    const p = e.target;
    if (!p.matches?.(".fig-panel")) return;
    if (e.newState === "open") addClose(p);
    else if (p.contains(document.activeElement)) invoker(p).focus();
  }, true);
  document.addEventListener("toggle", (e) => {
    const p = e.target;
    if (!p.matches?.(".fig-panel")) return;
    if (e.newState === "closed" && p === transient) transient = null;
    if (e.newState === "open" && sheet(p)) keepInView(p);
  }, true);
})();
