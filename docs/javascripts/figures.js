/* Hover and keyboard focus open a figure's panel; a tap, a click, Enter, Escape and a tap
   elsewhere are the browser's own (popovertarget). Only needed until every browser ships
   `interestfor` (Chromium 142+ has it; Firefox and Safari do not yet). */
(() => {
  const INVOKER = "button[popovertarget]";
  let transient = null, closing = 0, opening = 0;
  const panel = (b) => document.getElementById(b.getAttribute("popovertarget"));
  const open = (b) => {
    const p = panel(b);
    if (!p || p.matches(":popover-open")) return;
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
  document.addEventListener("pointerover", (e) => {
    if (e.pointerType !== "mouse") return;
    const b = e.target.closest?.(INVOKER);
    if (b) {
      clearTimeout(opening);
      opening = setTimeout(() => b.matches(":hover") && open(b), 150);
    }
    if (b || e.target.closest?.(".fig-panel") === transient) clearTimeout(closing);
  });
  document.addEventListener("pointerout", (e) => {
    if (e.pointerType !== "mouse") return;
    if (e.target.closest?.(INVOKER)) clearTimeout(opening);
    if (transient && e.target.closest?.(`${INVOKER}, .fig-panel`)) later(transient);
  });
  document.addEventListener("focusin", (e) => {
    if (e.target.matches?.(`${INVOKER}:focus-visible`)) open(e.target);
  });
  document.addEventListener("focusout", (e) => {
    const p = transient, to = e.relatedTarget;
    if (p && !(to && (p.contains(to) || to.getAttribute?.("popovertarget") === p.id))) close(p);
  });
  /* A click on a figure that hover or focus opened keeps its panel open. */
  document.addEventListener("click", (e) => {
    const b = e.target.closest?.(INVOKER);
    clearTimeout(opening);
    if (b && transient && panel(b) === transient && transient.matches(":popover-open")) {
      e.preventDefault();
      transient = null;
    }
  }, true);
  document.addEventListener("toggle", (e) => {
    if (e.newState === "closed" && e.target === transient) transient = null;
  }, true);
})();
