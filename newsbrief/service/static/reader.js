// newsbrief reader: tooltips on hover and keyboard focus, and click-to-highlight
// of a speaker's statements or an entity's mentions. Plain JavaScript, no
// dependencies; all text is set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.className = "nb-tip";
  tip.id = "nb-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);

  // The native title would show a second tooltip: keep it in data-tip only.
  document.querySelectorAll(".nb-hl[title]").forEach(function (el) {
    if (!el.dataset.tip) { el.dataset.tip = el.getAttribute("title"); }
    el.removeAttribute("title");
  });

  function quoteOf(el) {
    var hl = el && el.closest ? el.closest(".nb-hl[data-quote]") : null;
    if (!hl) { return null; }
    var article = hl.closest(".nb-article");
    return article ? article.querySelector('.nb-content[data-quote="' + hl.dataset.quote + '"]') : null;
  }

  function show(content, anchor) {
    tip.textContent = content.dataset.tip || "";
    tip.hidden = false;
    var r = anchor.getBoundingClientRect();
    tip.style.left = Math.max(4, window.scrollX + r.left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { tip.hidden = true; }

  document.addEventListener("mouseover", function (ev) {
    var content = quoteOf(ev.target);
    if (content) { show(content, ev.target.closest(".nb-hl")); } else { hide(); }
  });
  document.addEventListener("focusin", function (ev) {
    var content = quoteOf(ev.target);
    if (content) { show(content, ev.target); } else { hide(); }
  });
  document.addEventListener("focusout", hide);

  function clearFocus(article) {
    article.classList.remove("nb-focusing");
    article.querySelectorAll(".nb-on").forEach(function (el) { el.classList.remove("nb-on"); });
    article.querySelectorAll("[aria-pressed=true]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
  }

  function toggle(button, attr, selector) {
    var article = button.closest(".nb-article");
    var wasOn = button.getAttribute("aria-pressed") === "true";
    clearFocus(article);
    if (wasOn) { return; }
    var value = button.getAttribute(attr);
    var first = null;
    article.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute(attr) === value) {
        el.classList.add("nb-on");
        if (!first && el.closest(".nb-text")) { first = el; }
      }
    });
    article.classList.add("nb-focusing");
    button.setAttribute("aria-pressed", "true");
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "nearest" }); }
  }

  document.addEventListener("click", function (ev) {
    var sb = ev.target.closest ? ev.target.closest(".nb-speaker-btn") : null;
    if (sb) { toggle(sb, "data-speaker-key", ".nb-hl[data-speaker-key]"); return; }
    var eb = ev.target.closest ? ev.target.closest(".nb-entity-btn") : null;
    if (eb) { toggle(eb, "data-entity", ".nb-ent[data-entity]"); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      hide();
      document.querySelectorAll(".nb-article.nb-focusing").forEach(clearFocus);
    }
  });
})();
