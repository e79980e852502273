// Tact quiz embed. A host page includes
//   <script src="https://SITE/embed.js" async></script>
//   <div data-tact-quiz data-lang="nl"><a href="https://SITE/nl/quiz/">…</a></div>
// and this script puts the quiz, in an iframe served from the site, into
// each such element (also into those added later, as single-page apps do).
// Options are data- attributes of the element (docs/embed.md): data-theme
// (light, dark, auto, inherit), data-start (a question's id), data-links
// (new-tab, same-tab), data-attribution (link, text). The frame checks
// them: an unknown value is the default.
//
// The iframe isolates the quiz from the host's CSS and scripts and the host
// from the quiz's. The script defines no global name, uses no eval, and
// sets only CSSOM styles (allowed under a strict host CSP). Heights come
// from the quiz page by postMessage, accepted only from the site's own
// origin, in one shape, and only for the frame that sent them. The frame
// stays hidden behind the element's link until its first height arrives,
// so it is shown at its content's height, in its theme.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || !window.URL) return;
  var base = new URL(".", script.src);
  var origin = base.origin;
  var MAX = 20000;
  var frames = [];
  var still = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)");

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
    // The options go to the frame in its address, as they are if they
    // look like option values (the frame checks them against its own).
    var q = [];
    ["theme", "start", "links", "attribution"].forEach(function (k) {
      var v = host.getAttribute("data-" + k);
      if (v && /^[a-z0-9-]{1,64}$/.test(v)) q.push(k + "=" + v);
    });
    if (host.getAttribute("data-theme") === "inherit") {
      // The host's text colour, fonts and colour scheme, in the forms
      // browsers compute them; anything else is left out.
      var cs = getComputedStyle(host);
      if (/^rgba?\([\d., ]+\)$/.test(cs.color)) q.push("fg=" + encodeURIComponent(cs.color));
      if (/^[\w\s"',-]{1,200}$/.test(cs.fontFamily)) q.push("font=" + encodeURIComponent(cs.fontFamily));
      if (/dark/.test(cs.colorScheme)) q.push("scheme=" + (/light/.test(cs.colorScheme) ? "auto" : "dark"));
    }

    var link = host.querySelector("a");
    var frame = document.createElement("iframe");
    frame.src = new URL(lang + "/quiz/embed/" + (q.length ? "?" + q.join("&") : ""), base).href;
    frame.title = link && link.textContent.trim() ? link.textContent.trim() : "Tact";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    // On another origin's page, a sandbox: no dialogs, no downloads, the
    // host's page left only by a click on a link. Not on the site's own
    // pages: a sandbox that keeps the frame's origin (its scripts need it)
    // is no sandbox for a same-origin frame, and Chromium says so.
    if (location.origin !== origin) {
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation");
    }
    // Until it reports its height, the frame and the link above it take
    // a guess at the first question's height from the width (fitted to the
    // quiz's at 260 to 1000 px), so that the host's layout hardly moves.
    style(host, { display: "block" });
    var guess = 500 + 220000 / Math.max(host.clientWidth, 260) - host.getBoundingClientRect().height;
    style(frame, {
      display: "block", width: "100%", "max-width": "100%", height: Math.max(Math.round(guess), 0) + "px",
      "min-height": "0", border: "0", margin: "0", padding: "0", overflow: "hidden",
      visibility: "hidden", opacity: "1", position: "static", transform: "none"
    });
    host.appendChild(frame);
    frames.push(frame);
  }

  function resize(frame, h, step) {
    var host = frame.parentNode;
    if (!host) return;
    if (frame.style.visibility === "hidden") {
      while (host.firstChild && host.firstChild !== frame) host.removeChild(host.firstChild);
    }
    style(frame, { height: Math.min(Math.ceil(h), MAX) + "px", visibility: "visible" });
    // The reader moved on (an answer, Back, Start again): bring the top
    // of the quiz back into view if it is off-screen.
    var top = frame.getBoundingClientRect().top;
    if (step && (top < 0 || top > window.innerHeight)) {
      frame.scrollIntoView({ block: "start", behavior: still && still.matches ? "instant" : "smooth" });
    }
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "tact:height") return;
    var h = d.height;
    if (typeof h !== "number" || !isFinite(h) || h < 0) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) resize(frames[i], h, d.step === true);
    }
  });

  function all() {
    var hosts = document.querySelectorAll("[data-tact-quiz]:not([data-tact-ready])");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  function watch() {
    all();
    if (window.MutationObserver) new MutationObserver(all).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
