// The root 404 page holds the message in every language. Static hosts serve
// it for any unknown address (GitHub Pages and S3 + CloudFront for every
// miss), so the reader's language moves to the top: the language of the
// address that was not found (/nl/… reads Dutch), or else the one they chose
// last, or else their browser's.
(function () {
  "use strict";
  var box = document.querySelector("[data-not-found]");
  if (!box) return;
  var messages = box.querySelectorAll("[data-lang-message]");
  for (var k = 0; k < messages.length; k++) {
    var home = messages[k].querySelector("a[href]");
    if (home && window.location.pathname.indexOf(home.pathname) === 0 && home.pathname !== "/") {
      box.insertBefore(messages[k], box.firstChild);
      return;
    }
  }
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
