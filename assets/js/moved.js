// A former address. Sends the reader on to the page's new address (its
// link, on this host: the canonical URL may name the production host),
// keeping the part after "#", the quiz's answers, which the <noscript>
// refresh cannot carry.
(function () {
  "use strict";
  var link = document.querySelector("[data-moved-to]");
  if (link) window.location.replace(link.href.split("#")[0] + window.location.hash);
})();
