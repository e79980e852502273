// Tact quiz embed. A host page includes
//   <script src="https://SITE/embed.js" async></script>
//   <div data-tact-quiz data-lang="nl"><a href="https://SITE/nl/quiz/">…</a></div>
// and this script replaces each such element's content with the quiz in an
// iframe served from the site. The iframe isolates the quiz from the host's
// CSS and scripts and the host from the quiz's. The script defines no global
// name, uses no eval, and sets only CSSOM styles (allowed under a strict
// host Content-Security-Policy). Heights come from the quiz page by
// postMessage, accepted only from the site's own origin, in one shape, and
// only for the frame that sent them.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || !window.URL) return;
  var base = new URL(".", script.src);
  var origin = base.origin;
  var MIN = 520; // reserved height: the first question fits, so the host does not jump
  var MAX = 20000;
  var frames = [];

  function style(el, props) {
    for (var k in props) {
      if (props.hasOwnProperty(k)) el.style.setProperty(k, props[k], "important");
    }
  }

  function mount(host) {
    if (host.hasAttribute("data-tact-ready")) return;
    var lang = String(host.getAttribute("data-lang") || "en").toLowerCase();
    if (!/^[a-z]{2,3}$/.test(lang)) return;
    host.setAttribute("data-tact-ready", "");
    var link = host.querySelector("a");
    var frame = document.createElement("iframe");
    frame.src = new URL(lang + "/quiz/embed/", base).href;
    frame.title = link && link.textContent.trim() ? link.textContent.trim() : "Tact";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox");
    style(host, { display: "block", "min-height": MIN + "px" });
    style(frame, {
      display: "block", width: "100%", "max-width": "100%", height: MIN + "px",
      "min-height": "0", border: "0", margin: "0", padding: "0", overflow: "hidden",
      visibility: "visible", opacity: "1", position: "static", transform: "none"
    });
    host.textContent = "";
    host.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "tact:height") return;
    var h = d.height;
    if (typeof h !== "number" || !isFinite(h)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        style(frames[i], { height: Math.min(Math.max(Math.ceil(h), MIN), MAX) + "px" });
      }
    }
  });

  function all() {
    var hosts = document.querySelectorAll("[data-tact-quiz]");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
  else all();
})();
