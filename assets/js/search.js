// Search within the page's language. Every page's header has a link to the
// language's search page marked data-search (its value: the index manifest's
// address; its other data-* the box's strings; the manifest carries those of
// the results); this script turns it into a
// search box, and so the placeholder on the search page itself. Nothing is
// downloaded until the box gets focus: then the manifest (fixed address,
// revalidated), and for each query the fingerprinted term shards and
// document chunks it needs (package internal/search builds them and holds
// a Go copy of this query, with the same folding and stemming rules, which
// the manifest carries). Results are built as DOM nodes, never as HTML.
// Keys: "/" focuses the box, arrows move through the results, Enter opens
// one, Escape closes them.
(function () {
  "use strict";
  var SPECIAL = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  var PER_KIND = 6, MIN_PREFIX = 3;

  // fold, words and stem are package search's Fold, Words and Rules.Stem.
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[ßæœøłđðþı]/g, function (c) { return SPECIAL[c]; });
  }
  function words(s) { return s.match(/[\p{L}\p{N}]+/gu) || []; }
  function len(s) { return Array.from(s).length; }
  function stem(w, m) {
    var n = len(w);
    for (var i = 0; i < m.sfx.length; i++) {
      var s = m.sfx[i];
      if (w.endsWith(s) && n - len(s) >= m.min) {
        w = w.slice(0, w.length - s.length);
        if (m.und && /([bdfgklmnprst])\1$/.test(w)) w = w.slice(0, -1);
        break;
      }
    }
    return w;
  }
  function terms(q, m) {
    var out = [];
    words(fold(q)).forEach(function (w) {
      if (m.stop.indexOf(w) >= 0) return;
      var t = stem(w, m);
      if (len(t) >= 2 && out.indexOf(t) < 0) out.push(t);
    });
    return out;
  }
  if (typeof document === "undefined") { // node: the rules' tests
    module.exports = { fold: fold, words: words, stem: stem, terms: terms };
    return;
  }

  // files: address → the promise of its JSON, which carries the parsed
  // value once it is there (for run's synchronous reading).
  var files = {};
  function get(url) {
    if (!files[url]) {
      var p = files[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      }).then(function (v) { p.value = v; return v; });
      p.catch(function () { delete files[url]; });
    }
    return files[url];
  }

  // ids decodes a posting list: gaps, or a base64 bitset.
  function ids(p) {
    var out = [], i, id = 0;
    if (typeof p !== "string") {
      for (i = 0; i < p.length; i++) out.push(id += p[i]);
      return out;
    }
    var b = atob(p);
    for (i = 0; i < b.length; i++) {
      for (var c = b.charCodeAt(i), k = 0; c; k++, c >>= 1) if (c & 1) out.push(i * 8 + k);
    }
    return out;
  }

  function shardsFor(m, q) {
    var i = 0, out;
    while (i + 1 < m.terms.length && m.terms[i + 1][0] <= q) i++;
    out = [m.terms[i][1]];
    if (len(q) >= MIN_PREFIX) {
      for (var k = i + 1; k < m.terms.length && m.terms[k][0].startsWith(q); k++) out.push(m.terms[k][1]);
    }
    return out;
  }

  // matches returns the stems of shard s that q matches (Index.matching),
  // by binary search in its sorted stems, kept with it.
  function matches(s, q) {
    var keys = s.keys || (s.keys = Object.keys(s.t).sort()), lo = 0, hi = keys.length, out = [];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < q) lo = mid + 1; else hi = mid; }
    for (; lo < keys.length && keys[lo].startsWith(q); lo++) if (keys[lo] === q || len(q) >= MIN_PREFIX) out.push(keys[lo]);
    return out;
  }

  // posting returns the decoded documents of stem t in shard s (h: those
  // with it in their title), kept with it.
  function posting(s, t, h) {
    var c = s.cache || (s.cache = {}), k = (h ? "h" : "t") + t;
    if (!c[k]) c[k] = ids((h ? s.h : s.t)[t] || []);
    return c[k];
  }

  // run finds the documents matching every stem of qs (Index.Search): it
  // resolves to the results, best first.
  function run(m, qs) {
    var need = [];
    qs.forEach(function (q) { need = need.concat(shardsFor(m, q)); });
    return Promise.all(need.map(get)).then(function () {
      var scores = null;
      qs.forEach(function (q) {
        var best = {};
        shardsFor(m, q).forEach(function (u) {
          var s = files[u].value;
          matches(s, q).forEach(function (t) {
            var w = t === q ? 2 : 1;
            posting(s, t).forEach(function (id) { if (!(best[id] >= w)) best[id] = w; });
            posting(s, t, true).forEach(function (id) { if (!(best[id] >= w + 2)) best[id] = w + 2; });
          });
        });
        if (!scores) { scores = best; return; }
        for (var id in scores) {
          if (best[id]) scores[id] += best[id]; else delete scores[id];
        }
      });
      var res = Object.keys(scores || {}).map(function (id) { return { id: +id, score: scores[id] }; });
      res.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return res;
    });
  }

  function rows(m, res) {
    var shown = [0, 0, 0], want = [];
    res.forEach(function (r) { r.chunk = Math.floor(r.id / m.c); });
    return Promise.all(res.map(function (r) { return r.chunk; }).filter(function (c, i) {
      return i < 60 && want.indexOf(c) < 0 && want.push(c);
    }).map(function (c) { return get(m.docs[c]); })).then(function () {
      var groups = [[], [], []];
      res.forEach(function (r) {
        var f = files[m.docs[r.chunk]];
        if (!f || !f.value) return;
        var d = f.value.d[r.id - f.value.o];
        if (shown[d[0]] < PER_KIND) { shown[d[0]]++; groups[d[0]].push(d); }
      });
      return groups;
    });
  }

  // marked appends text to el with the words matching a stem of qs in <mark>.
  var stems = {};
  function marked(el, text, qs, m) {
    var re = /[\p{L}\p{N}]+/gu, at = 0, x;
    while ((x = re.exec(text))) {
      var w = stems[x[0]] || (stems[x[0]] = stem(fold(x[0]), m));
      if (qs.some(function (q) { return w === q || len(q) >= MIN_PREFIX && w.startsWith(q); })) {
        el.appendChild(document.createTextNode(text.slice(at, x.index)));
        el.appendChild(document.createElement("mark")).textContent = x[0];
        at = x.index + x[0].length;
      }
    }
    el.appendChild(document.createTextNode(text.slice(at)));
    return el;
  }

  function el(tag, cls, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  var widgets = [];
  var seq = 0;

  function widget(host) {
    var s = host.dataset, inPage = host.hasAttribute("data-search-page");
    var id = "search-" + widgets.length;
    var form = el("form", "search" + (inPage ? " search-page" : " site-search"));
    form.setAttribute("role", "search");
    form.action = s.page;
    var label = el("label", "visually-hidden", form); // (on the search page, its h1 says the same)
    label.htmlFor = id;
    label.textContent = s.label;
    var input = el("input", "", form);
    input.type = "search";
    input.id = id;
    input.name = "q";
    input.autocomplete = "off";
    input.placeholder = s.placeholder;
    input.setAttribute("aria-controls", id + "-results");
    var status = el("p", "search-status" + (inPage ? "" : " visually-hidden"), form);
    status.setAttribute("role", "status");
    var panel = el("div", "search-results", form);
    panel.id = id + "-results";
    panel.hidden = true;
    host.replaceWith(form);
    var manifest = null;

    function load() {
      if (!manifest) manifest = get(s.search);
      return manifest;
    }
    function close() { panel.hidden = true; }
    function show(groups, qs, m, total, q) {
      panel.textContent = "";
      var t = m.s;
      status.textContent = total ? (total === 1 ? t.one : t.other.replace("{n}", total)) : t.none.replace("{q}", q);
      var heads = [t.scenarios, t.replies, t.articles];
      groups.forEach(function (g, k) {
        if (!g.length) return;
        var sec = el("section", "search-group", panel);
        var h = el("h2", "", sec);
        h.id = id + "-k" + k;
        h.textContent = heads[k];
        var ul = el("ul", "", sec);
        ul.setAttribute("aria-labelledby", h.id);
        g.forEach(function (d) {
          var a = el("a", "", el("li", "", ul));
          a.href = d[1];
          marked(el("span", "search-title", a), d[2], qs, m);
          if (d[3]) marked(el("span", "search-context", a), d[3], qs, m);
          if (d[4]) marked(el("span", "search-excerpt", a), d[4], qs, m);
        });
      });
      panel.hidden = false;
    }
    function update() {
      var q = input.value.trim(), n = ++seq;
      if (!q) { close(); status.textContent = ""; return; }
      load().then(function (m) {
        var qs = terms(q, m);
        if (!qs.length) return [m, qs, [], [[], [], []]];
        return run(m, qs).then(function (res) {
          return rows(m, res).then(function (groups) { return [m, qs, res, groups]; });
        });
      }).then(function (r) {
        if (n === seq) show(r[3], r[1], r[0], r[2].length, q);
      }, function () {
        if (n !== seq) return;
        status.textContent = s.failed;
        panel.textContent = "";
        el("p", "", panel).textContent = s.failed;
        panel.hidden = false;
      });
    }
    function links() { return Array.prototype.slice.call(panel.querySelectorAll("a")); }

    input.addEventListener("focus", function () { load().catch(function () {}); });
    input.addEventListener("input", update);
    form.addEventListener("submit", function (e) {
      var first = links()[0];
      if (first) { e.preventDefault(); first.click(); }
    });
    form.addEventListener("keydown", function (e) {
      var all = links(), i = all.indexOf(document.activeElement);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!all.length) return;
        if (panel.hidden) { e.preventDefault(); panel.hidden = false; return; } // (reopened)
        e.preventDefault();
        i += e.key === "ArrowDown" ? 1 : -1;
        if (i < 0) input.focus(); else all[Math.min(i, all.length - 1)].focus();
      } else if (e.key === "Escape") {
        if (panel.hidden) input.value = "";
        close();
        input.focus();
      }
    });
    form.addEventListener("focusout", function (e) {
      if (!inPage && !form.contains(e.relatedTarget)) close();
    });
    var w = { input: input, inPage: inPage };
    widgets.push(w);
    var q = new URLSearchParams(window.location.search).get("q");
    if (inPage && q) { input.value = q; update(); }
    return w;
  }

  var hosts = document.querySelectorAll("[data-search]");
  for (var i = 0; i < hosts.length; i++) widget(hosts[i]);
  if (!widgets.length) return;

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    var w = widgets.filter(function (w) { return w.inPage; })[0] || widgets[0];
    w.input.focus();
  });
})();
