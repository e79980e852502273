// Language choice. On every page: remember the language the reader picks in
// the language switcher (links marked data-lang-choice, to the language in
// their hreflang). On the root language chooser: send the reader to the
// language they chose last, or else the first of their browser's preferred
// languages the site has. The chooser lists every language as plain links,
// so it works without this script and for crawlers.
(function () {
  "use strict";
  var KEY = "tact.lang";

  function remember(code) {
    try { window.localStorage.setItem(KEY, code); } catch (e) { /* storage off */ }
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("[data-lang-choice]");
    if (!link) return;
    remember(link.getAttribute("hreflang"));
    // The same place in the other language.
    if (link.closest(".lang-switch, .translations")) {
      var here = place();
      if (here) link.href = link.href.split("#")[0] + here;
    }
  });

  // place returns where the reader is on the page, in the ids every
  // language shares: the quiz's steps (quiz.js keeps them in data-place),
  // or the scenario whose heading the address points to (headings are
  // anchored in the page's words, their sections by the shared id).
  function place() {
    var kept = document.documentElement.getAttribute("data-place");
    if (kept != null) return kept;
    var t = target();
    var section = t && t.closest("section.scenario[id]");
    return section ? "#" + section.id : window.location.hash;
  }

  // target returns the element the address's #… names, or null.
  function target() {
    var hash = window.location.hash;
    return hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  }

  // Arriving from another language at a scenario's shared id, show the
  // address of its heading, in this page's words.
  var arrived = target();
  if (arrived && arrived.matches("section.scenario[id]") && window.history.replaceState) {
    var heading = arrived.querySelector("h2[id]");
    if (heading) window.history.replaceState(window.history.state, "", "#" + heading.id);
  }

  var chooser = document.querySelector("[data-language-chooser]");
  if (!chooser || window.location.hash === "#choose") return;

  var links = {};
  var all = chooser.querySelectorAll("[data-lang-choice]");
  for (var i = 0; i < all.length; i++) links[all[i].getAttribute("hreflang")] = all[i].href;

  function pick() {
    var last = stored();
    if (last && links[last]) return links[last];
    var prefs = navigator.languages || [navigator.language || ""];
    for (var j = 0; j < prefs.length; j++) {
      var tag = String(prefs[j]).split(";")[0].trim().toLowerCase();
      if (links[tag]) return links[tag];
      var base = tag.split("-")[0];
      if (links[base]) return links[base];
    }
    return null;
  }

  var target = pick();
  // replace(): the chooser stays out of the history, so Back does not bounce.
  if (target && target !== window.location.href) window.location.replace(target);
})();
