// The root 404 page holds the message in every language. Static hosts serve
// it for any unknown address, so the reader's language moves to the top.
(function () {
  "use strict";
  var box = document.querySelector("[data-not-found]");
  if (!box) return;
  var prefs = navigator.languages || [navigator.language || ""];
  var stored = null;
  try { stored = window.localStorage.getItem("tact.lang"); } catch (e) { /* storage off */ }
  if (stored) prefs = [stored].concat(prefs);
  for (var i = 0; i < prefs.length; i++) {
    var base = String(prefs[i]).split(";")[0].trim().toLowerCase().split("-")[0];
    var mine = box.querySelector('[data-lang-message="' + base + '"]');
    if (mine) {
      box.insertBefore(mine, box.firstChild);
      return;
    }
  }
})();
