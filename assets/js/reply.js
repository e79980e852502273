// Reply templates: fill in the placeholders, copy the message, open it in
// the reader's e-mail program. Works on every [data-reply-card] on the page,
// and on cards added later (the quiz) when they dispatch "tact:reply".
// Without this script the card still shows the message, its placeholders and
// a working mailto link; the fill-in form and the Copy button stay hidden.
(function () {
  "use strict";

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
        say(card.getAttribute("data-copy-missing").replace("{names}", names.join(", ")));
        missing[0].focus();
        return;
      }
      var text = body.textContent;
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
      form.addEventListener("input", update);
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
