// The decision quiz, enhanced. The quiz works without this script: every
// question and outcome is a static page whose options are plain links. On the
// start page this script runs the quiz in place instead: one question at a
// time, the steps so far in the URL (#ofrecen/vas-hasta-arriba) so Back,
// reload and shared links work, and focus moved to the new question only when the reader
// acts. An outcome's reply templates come from the outcome's static page.
(function () {
  "use strict";
  var root = document.querySelector("[data-quiz]");
  var dataEl = root && root.querySelector("[data-quiz-data]");
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var embedded = root.hasAttribute("data-embed");
  var section = root.querySelector("[data-quiz-node]");
  var live = root.querySelector("[data-quiz-live]");
  var cards = {};
  var start = data.start;
  var target = "_blank";

  // Embedded, the host's options come in the frame's address (set by
  // embed.js from the snippet's data- attributes); anything unknown is
  // the default. Nothing here is stored.
  if (embedded) {
    var opt = new URLSearchParams(window.location.search);
    var html = document.documentElement;
    var theme = opt.get("theme");
    if (!/^(dark|auto|inherit)$/.test(theme)) theme = "light";
    html.classList.add("theme-" + theme);
    if (theme === "inherit") {
      // Transparent, in the host's text colour and font; the palette
      // (links, marks) for a light or a dark page by that colour.
      var fg = opt.get("fg") || "", font = opt.get("font") || "", c = fg.match(/[\d.]+/g);
      var dark = opt.get("scheme") === "dark";
      if (/^rgba?\([\d., ]+\)$/.test(fg) && c.length > 2) {
        html.style.setProperty("--fg", fg);
        dark = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] > 150; // light text: a dark page
      }
      html.classList.add(dark ? "theme-dark" : "theme-light");
      if (/^[\w\s"',-]{1,200}$/.test(font)) document.body.style.setProperty("font-family", font);
      // The host's colour scheme too: a frame whose scheme differs from its
      // element's gets an opaque background from the browser.
      html.style.setProperty("color-scheme", { dark: "dark", auto: "light dark" }[opt.get("scheme")] || "light");
    }
    var from = opt.get("start");
    if (from && data.nodes.hasOwnProperty(from) && data.nodes[from].o) start = from;
    if (opt.get("links") === "same-tab") target = "_top";
    var credit = document.querySelector("[data-credit]");
    var creditLink = credit && credit.querySelector("a");
    if (creditLink) {
      if (opt.get("attribution") === "text") {
        // The same credit as a plain line, with the guide's address.
        credit.textContent = creditLink.textContent + " · " + window.location.host + creditLink.getAttribute("href");
      } else {
        creditLink.target = target;
      }
    }
  }

  function t(key) { return root.getAttribute("data-t-" + key) || ""; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (attrs.hasOwnProperty(k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // state follows the steps in the hash from the start. A step names the
  // node an answer leads to, in the page's language (#que-te-piden/…); the
  // node's id (the same in every language, as another language's page
  // passes it on) and the answer's id (the quiz's first addresses) are read
  // too. An unknown step ends the walk where it is.
  function state(hash) {
    var steps = hash.replace(/^#/, "").split("/").filter(Boolean);
    var node = start, path = [], nodes = [];
    for (var i = 0; i < steps.length; i++) {
      var n = data.nodes[node], hit = null;
      if (!n || !n.o) break;
      for (var j = 0; j < n.o.length && !hit; j++) {
        var o = n.o[j], next = data.nodes[o[2]];
        if (next && !o[3] && (next.s === steps[i] || o[2] === steps[i] || o[0] === steps[i])) hit = o;
      }
      if (!hit) break;
      path.push(hit[0]);
      nodes.push(hit[2]);
      node = hit[2];
    }
    return { node: node, path: path, nodes: nodes };
  }

  // walk returns the nodes a list of answers leads through from the start.
  function walk(path) {
    var node = start, nodes = [];
    for (var i = 0; i < path.length; i++) {
      var o = (data.nodes[node].o || []).filter(function (o) { return o[0] === path[i]; })[0];
      if (!o) break;
      nodes.push(o[2]);
      node = o[2];
    }
    return nodes;
  }

  var startTitle = document.title;

  function go(path) {
    window.location.hash = walk(path).map(function (id) { return data.nodes[id].s; }).join("/");
  }

  function link(href, text) {
    var a = el("a", { href: href }, text);
    if (embedded) {
      a.target = target;
      if (target === "_blank") a.rel = "noopener";
    }
    return a;
  }

  function replies(id, n, box) {
    if (cards[id]) { show(cards[id], box); return; }
    box.appendChild(el("p", { "class": "hint" }, t("loading")));
    fetch(n.page, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      cards[id] = Array.prototype.slice.call(doc.querySelectorAll("[data-reply-card]"));
      show(cards[id], box);
    }).catch(function () {
      box.textContent = "";
      box.appendChild(link(n.page, n.title));
    });
  }

  function show(list, box) {
    box.textContent = "";
    for (var i = 0; i < list.length; i++) {
      var card = document.importNode(list[i], true);
      box.appendChild(card);
      card.dispatchEvent(new CustomEvent("tact:reply", { bubbles: true }));
    }
    // Embedded, the cards arrive after the step's height was told: tell it
    // again now rather than wait for the resize observer, which runs only
    // when the page is drawn (not in a background tab, nor without it).
    tell(false);
  }

  function render(st, act) {
    var n = data.nodes[st.node];
    section.textContent = "";
    section.setAttribute("data-quiz-node", st.node);
    section.classList.remove("enter");
    void section.offsetWidth; // restart the (motion-safe) entry animation
    section.classList.add("enter");
    var progress, heading;
    if (n.o) {
      progress = el("p", { "class": "progress" }, t("question").replace("%n", st.path.length + 1).replace("%m", st.path.length + n.a));
      heading = el("h2", { id: "quiz-heading", tabindex: "-1" }, n.q);
      var list = el("ul", { "class": "options" });
      n.o.forEach(function (o) {
        var b;
        if (o[3]) {
          // An answer that leaves the quiz ("none of these") is a plain link.
          b = link(o[3], o[1]);
          b.className = "option";
          b.setAttribute("data-option", o[0]);
        } else {
          b = el("button", { type: "button", "class": "option", "data-option": o[0], "data-next": o[2] }, o[1]);
          b.addEventListener("click", function () { go(st.path.concat(o[0])); });
        }
        var li = el("li");
        li.appendChild(b);
        list.appendChild(li);
      });
      section.appendChild(progress);
      section.appendChild(heading);
      if (n.h) section.appendChild(el("p", { "class": "quiz-hint" }, n.h));
      section.appendChild(list);
    } else {
      progress = el("p", { "class": "progress" }, t("result"));
      heading = el("h2", { id: "quiz-heading", tabindex: "-1" }, n.title);
      var verdict = el("p", { "class": "verdict verdict-" + n.v });
      verdict.appendChild(el("span", { "class": "verdict-prefix" }, t("best")));
      verdict.appendChild(document.createTextNode(" "));
      verdict.appendChild(el("strong", null, n.label));
      var read = el("p");
      read.appendChild(link(n.url, t("read")));
      var box = el("div", { "class": "quiz-replies", "data-quiz-replies": "" });
      [progress, heading, verdict, el("p", { "class": "why" }, n.why), read, box].forEach(function (e) { section.appendChild(e); });
      replies(st.node, n, box);
    }
    if (st.path.length) section.insertBefore(answered(st), section.firstChild);
    var nav = el("p", { "class": "quiz-nav" });
    if (st.path.length) {
      var back = el("button", { type: "button", "class": "button secondary", "data-back": "" }, t("back"));
      back.addEventListener("click", function () { go(st.path.slice(0, -1)); });
      nav.appendChild(back);
      var again = el("button", { type: "button", "class": "button secondary", "data-restart": "" }, t("restart"));
      again.addEventListener("click", function () { go([]); });
      nav.appendChild(again);
    }
    section.appendChild(nav);
    place(st);
    live.textContent = progress.textContent + ": " + heading.textContent;
    // Each step its own title, in the history and the tab.
    document.title = st.path.length ? heading.textContent + " · " + startTitle : startTitle;
    // Embedded, focusing must not scroll the host page; the host brings
    // the quiz into view itself if it needs to (step: the reader acted).
    if (act) heading.focus(embedded ? { preventScroll: true } : undefined);
    if (act) tell(true);
  }

  // answered lists the answers so far, each a way back to its question.
  function answered(st) {
    var box = el("nav", { "class": "quiz-path", "aria-label": t("answers") });
    var list = el("ol");
    var node = start;
    st.path.forEach(function (id, i) {
      var o = data.nodes[node].o.filter(function (o) { return o[0] === id; })[0];
      var b = el("button", { type: "button", "class": "link-button" }, o[1]);
      b.addEventListener("click", function () { go(st.path.slice(0, i)); });
      var li = el("li");
      li.appendChild(b);
      list.appendChild(li);
      node = o[2];
    });
    box.appendChild(list);
    return box;
  }

  // place tells the language links where the reader is, in the ids every
  // language shares, so that the other language's quiz opens at the same
  // step (lang.js reads it).
  function place(st) {
    document.documentElement.setAttribute("data-place", st.nodes.length ? "#" + st.nodes.join("/") : "");
  }

  // Embedded, tell the host page how tall the page is, so its frame fits
  // without a scrollbar. The message carries nothing but the height, and
  // whether the reader just moved to another step.
  var framed = embedded && window.parent !== window;
  function tell(step) {
    if (!framed) return;
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: "tact:height", height: h, step: step }, "*");
  }
  if (framed && window.ResizeObserver) {
    new ResizeObserver(function () { tell(false); }).observe(document.body);
  }

  // The address in the page's words: a hash of shared ids (from another
  // language's page) or of answer ids (the quiz's first addresses) is
  // rewritten in place, without a new history entry.
  function tidy(st) {
    var hash = st.nodes.map(function (id) { return data.nodes[id].s; }).join("/");
    if (window.location.hash.replace(/^#/, "") !== hash && window.history.replaceState) {
      window.history.replaceState(window.history.state, "", hash ? "#" + hash : window.location.pathname + window.location.search);
    }
  }

  window.addEventListener("hashchange", function () { render(state(window.location.hash), true); });
  // On load, render without moving focus: the quiz may sit inside someone
  // else's page, and the reader has not acted yet.
  var first = state(window.location.hash);
  tidy(first);
  render(first, false);
  live.textContent = "";
})();
