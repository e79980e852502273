// The "Embed this quiz" page: the choices of its options write the snippet (shown,
// and copied by reply.js's Copy button) and redraw the live preview with
// them, through embed.js as a host page would. Without this script the
// form stays hidden and the page shows the plain snippet.
(function () {
  "use strict";
  var form = document.querySelector("[data-embed-form]");
  var snippet = document.querySelector("[data-snippet]");
  var preview = document.querySelector("[data-embed-preview]");
  if (!form || !snippet || !preview) return;
  form.hidden = false;

  // The attributes the choices make, defaults left out, in a fixed order.
  var DEFAULTS = { theme: "light", start: "", links: "new-tab", attribution: "link" };

  // esc escapes as the build's Go code does (html.EscapeString), so that
  // the defaults give the page's snippet byte for byte.
  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;").replace(/'/g, "&#39;");
  }

  var shown = snippet.textContent;

  function update() {
    var lang = form.elements.lang.options[form.elements.lang.selectedIndex];
    var start = form.elements.start.value;
    var host = document.createElement("div");
    var attrs = [["data-lang", lang.value]];
    for (var k in DEFAULTS) {
      if (DEFAULTS.hasOwnProperty(k) && form.elements[k].value !== DEFAULTS[k]) attrs.push(["data-" + k, form.elements[k].value]);
    }
    var a = document.createElement("a");
    // Without the script, the link leads to the same question on the site.
    a.href = lang.getAttribute("data-url") + (start ? start + "/" : "");
    a.textContent = lang.getAttribute("data-link");
    var text = "<div data-tact-quiz";
    host.setAttribute("data-tact-quiz", "");
    attrs.forEach(function (kv) {
      host.setAttribute(kv[0], kv[1]);
      text += " " + kv[0] + '="' + esc(kv[1]) + '"';
    });
    text += '><a href="' + esc(a.href) + '">' + esc(a.textContent) + "</a></div>";
    host.appendChild(a);
    text = '<script src="' + esc(form.getAttribute("data-script")) + '" async></script>\n' + text;
    if (text === shown) return;
    shown = text;
    snippet.textContent = text;
    // embed.js mounts the new element (it watches the page for them).
    preview.textContent = "";
    preview.appendChild(host);
  }

  form.addEventListener("change", update);
  update();
})();
