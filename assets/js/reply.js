// Reply templates: fill in the placeholders, copy the message, open it in
// the reader's e-mail program. Works on every [data-reply-card] on the page,
// and on cards added later (the quiz) when they dispatch "tact:reply".
// Without this script the card still shows the message, its placeholders and
// a working mailto link; the fill-in form and the Copy button stay hidden.
//
// What the reader types is kept in this browser only (localStorage, under
// "tact.fill"), so that the same field of another card, on this page or
// the next, is filled in already; "Forget what I typed" clears it. Nothing
// is kept inside an embedded quiz (the host's page is not ours to store on).
(function () {
  "use strict";
  var KEY = "tact.fill";
  var keep = !document.body.classList.contains("embedded");

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }

  function save(values) {
    if (!keep) return;
    try {
      if (Object.keys(values).length) window.localStorage.setItem(KEY, JSON.stringify(values));
      else window.localStorage.removeItem(KEY);
    } catch (e) { /* storage off: nothing kept */ }
  }

  // Values typed, by the field's id (a reply's own field, the same in
  // every language) and by its placeholder's text (the same field of
  // other replies in this language).
  var stored = keep ? load() : {};

  function encode(s) {
    return encodeURIComponent(s);
  }

  // mailto builds the same URL as the builder's Go Mailto function.
  function mailto(subject, body) {
    var parts = [];
    if (subject) parts.push("subject=" + encode(subject));
    if (body) parts.push("body=" + encode(body.replace(/\r?\n/g, "\r\n")));
    return "mailto:" + (parts.length ? "?" + parts.join("&") : "");
  }

  function init(card) {
    if (!card || card.hasAttribute("data-ready")) return;
    card.setAttribute("data-ready", "");
    var form = card.querySelector("[data-fill]");
    var inputs = card.querySelectorAll("[data-ph-input]");
    var marks = card.querySelectorAll("mark.ph");
    var body = card.querySelector("[data-body]");
    var subject = card.querySelector("[data-subject]");
    var link = card.querySelector("[data-mailto]");
    var copyButton = card.querySelector("[data-copy]");
    var status = card.querySelector("[data-status]");
    var count = card.querySelector("[data-count]");

    function values() {
      var v = {};
      for (var i = 0; i < inputs.length; i++) {
        v[inputs[i].getAttribute("data-ph-input")] = inputs[i].value.trim();
      }
      return v;
    }

    // remember keeps what was typed in input, and offers it to the same
    // field of the other cards on the page that are still empty.
    function remember(input) {
      var name = input.getAttribute("data-ph-input"), value = input.value.trim();
      var keys = ["id:" + input.id, "ph:" + name];
      for (var k = 0; k < keys.length; k++) {
        if (value) stored[keys[k]] = value; else delete stored[keys[k]];
      }
      save(stored);
      var others = document.querySelectorAll("[data-ph-input]");
      for (var i = 0; i < others.length; i++) {
        var o = others[i];
        if (o !== input && o.getAttribute("data-ph-input") === name && (!o.value || o.getAttribute("data-offered") === o.value)) {
          o.value = value;
          o.setAttribute("data-offered", value);
          o.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    }

    for (var n = 0; n < inputs.length; n++) {
      var offer = stored["id:" + inputs[n].id] || stored["ph:" + inputs[n].getAttribute("data-ph-input")];
      if (offer && !inputs[n].value) inputs[n].value = offer;
    }

    function update() {
      var v = values();
      for (var i = 0; i < marks.length; i++) {
        var name = marks[i].getAttribute("data-ph");
        var filled = v[name];
        // textContent: a typed value is never interpreted as HTML.
        marks[i].textContent = filled ? filled : "((" + name + "))";
        marks[i].classList.toggle("filled", !!filled);
      }
      if (link) link.href = mailto(subject ? subject.textContent : "", body.textContent);
      if (count) {
        // Characters as the channel counts them (code points), of the
        // message as it stands, unfilled placeholders included.
        var n = Array.from(body.textContent).length;
        var max = +count.getAttribute("data-limit");
        count.textContent = count.getAttribute("data-count-text").replace("{n}", n).replace("{max}", max);
        count.classList.toggle("over", n > max);
      }
      if (status) status.textContent = "";
    }

    function say(text) {
      status.textContent = "";
      // A fresh text node makes screen readers announce a repeated message.
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function selectBody() {
      var range = document.createRange();
      range.selectNodeContents(body);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }

    // empty returns the inputs still empty, in the form's order.
    function empty() {
      var list = [];
      for (var i = 0; i < inputs.length; i++) {
        if (!inputs[i].value.trim()) list.push(inputs[i]);
      }
      return list;
    }

    function copy() {
      var missing = empty();
      if (missing.length) {
        // Nothing half-filled goes to the clipboard: say what is left.
        var names = missing.map(function (el) {
          var label = card.querySelector('label[for="' + el.id + '"]');
          return label ? label.textContent : el.getAttribute("data-ph-input");
        });
        var list = window.Intl && Intl.ListFormat ? new Intl.ListFormat(document.documentElement.lang, { type: "conjunction" }).format(names) : names.join(", ");
        say(card.getAttribute("data-copy-missing").replace("{names}", list));
        missing[0].focus();
        return;
      }
      // The subject as the card labels it, a blank line, the message:
      // pasted into a new mail, the first line goes to its subject.
      var label = card.querySelector(".reply-subject .label");
      var text = subject ? (label ? label.textContent + " " : "") + subject.textContent + "\n\n" + body.textContent : body.textContent;
      var done = function () { say(card.getAttribute("data-copied")); };
      var fail = function () {
        selectBody();
        say(card.getAttribute("data-copy-failed"));
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fail);
      } else {
        fail();
      }
    }

    if (form) {
      form.hidden = false;
      form.addEventListener("input", function (e) {
        if (e.isTrusted && e.target.hasAttribute("data-ph-input")) {
          e.target.removeAttribute("data-offered");
          remember(e.target);
        }
        update();
      });
      // (Embedded, nothing typed is kept, so there is nothing to forget.)
      var forget = form.querySelector("[data-forget]");
      if (forget && keep) {
        forget.hidden = false;
        forget.addEventListener("click", function () {
          stored = {};
          save(stored);
          var all = document.querySelectorAll("[data-ph-input]");
          for (var i = 0; i < all.length; i++) {
            all[i].value = "";
            all[i].removeAttribute("data-offered");
            all[i].dispatchEvent(new Event("input", { bubbles: true }));
          }
          say(forget.getAttribute("data-forgotten"));
          if (inputs.length) inputs[0].focus();
        });
      }
    }
    if (copyButton) {
      copyButton.hidden = false;
      // (A card with no email button shows its actions only with this script.)
      copyButton.parentNode.hidden = false;
      copyButton.addEventListener("click", copy);
    }
    update();
  }

  var cards = document.querySelectorAll("[data-reply-card]");
  for (var i = 0; i < cards.length; i++) init(cards[i]);
  document.addEventListener("tact:reply", function (e) { init(e.target); });
})();
