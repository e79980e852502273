// Live reload for Tact's preview server (build --watch). The server adds this
// script to the pages it serves, never to the built files. It listens to the
// server's events (see internal/devserver/doc.go):
//   hello  on connecting: the site's version; a changed one means reload
//   reload a build succeeded: reload, keeping the scroll position and what
//          was typed into the page's fields
//   css    only stylesheets changed: swap them in without a reload
//   error  a build failed: show its problems over the page
// Everything is built with DOM calls and textContent: the pages' CSP allows
// no inline script or style, and error text is never parsed as HTML.
"use strict";
(() => {
  const scrollKey = "tact-live-scroll:" + location.pathname;
  const formKey = "tact-live-form:" + location.pathname;
  const liveCSS = "/_tact/live.css";
  let version = null;
  let overlay = null;

  restoreScroll();
  restoreForm();
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = liveCSS;
  document.head.append(style);

  const events = new EventSource("/_tact/events");
  events.addEventListener("hello", (e) => {
    if (version !== null && e.data !== version) {
      reload(); // rebuilt while we were not connected
      return;
    }
    version = e.data;
  });
  events.addEventListener("reload", reload);
  events.addEventListener("css", (e) => {
    version = e.data;
    hideOverlay();
    swapStyles();
  });
  events.addEventListener("error", (e) => {
    // The connection's own failures are "error" events too, without data:
    // EventSource reconnects by itself.
    if (e instanceof MessageEvent) {
      showOverlay(e.data);
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && overlay) {
      hideOverlay();
    }
  });

  function reload() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([scrollX, scrollY]));
      // What the writer typed into the page's fields (a reply's
      // placeholders, say) survives the reload too.
      const typed = {};
      document.querySelectorAll("input[id], textarea[id]").forEach((f) => {
        if (f.type !== "hidden" && f.type !== "password" && f.value !== "") {
          typed[f.id] = f.value;
        }
      });
      sessionStorage.setItem(formKey, JSON.stringify(typed));
    } catch {
      // Storage is off: reload without keeping the position.
    }
    location.reload();
  }

  // restoreForm puts typed values back once the page's own scripts have
  // set their fields up, and tells them (an input event), so that what
  // depends on a field (a reply's preview) follows.
  function restoreForm() {
    let typed = null;
    try {
      typed = JSON.parse(sessionStorage.getItem(formKey) || "null");
      sessionStorage.removeItem(formKey);
    } catch {
      return;
    }
    if (!typed) {
      return;
    }
    addEventListener("load", () => {
      for (const [id, value] of Object.entries(typed)) {
        const f = document.getElementById(id);
        if (f && (f.tagName === "INPUT" || f.tagName === "TEXTAREA") && f.value === "") {
          f.value = value;
          f.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    }, { once: true });
  }

  function restoreScroll() {
    let saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch {
      return;
    }
    if (!saved) {
      return;
    }
    const [x, y] = JSON.parse(saved);
    const go = () => scrollTo(x, y);
    go();
    // Again once stylesheets and images have their sizes.
    addEventListener("load", go, { once: true });
  }

  async function swapStyles() {
    let doc;
    try {
      const res = await fetch(location.href, { cache: "no-store" });
      doc = new DOMParser().parseFromString(await res.text(), "text/html");
    } catch {
      reload();
      return;
    }
    const isSite = (link) => link.getAttribute("href") !== liveCSS;
    const fresh = [...doc.querySelectorAll('link[rel~="stylesheet"]')].filter(isSite).map((l) => l.getAttribute("href"));
    const old = [...document.querySelectorAll('link[rel~="stylesheet"]')].filter(isSite);
    if (fresh.join("\n") === old.map((l) => l.getAttribute("href")).join("\n")) {
      return;
    }
    // Add the new sheets after the old ones and remove the old ones once the
    // new ones have loaded, so the page never shows unstyled.
    const anchor = old.length ? old[old.length - 1] : style;
    const added = fresh.map((href) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      return link;
    });
    anchor.after(...added);
    await Promise.all(added.map((link) => new Promise((done) => {
      link.addEventListener("load", done, { once: true });
      link.addEventListener("error", done, { once: true });
    })));
    old.forEach((link) => link.remove());
  }

  function showOverlay(text) {
    hideOverlay();
    overlay = document.createElement("div");
    overlay.className = "tact-live-overlay";
    overlay.setAttribute("role", "alert");
    const box = document.createElement("div");
    box.className = "tact-live-box";
    const title = document.createElement("h2");
    title.className = "tact-live-title";
    title.textContent = "Build failed";
    const note = document.createElement("p");
    note.className = "tact-live-note";
    note.textContent = "This page is the last good build. Fix the problems below and save: this message goes away by itself.";
    const problems = document.createElement("pre");
    problems.className = "tact-live-problems";
    problems.textContent = text;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "tact-live-close";
    close.textContent = "Dismiss";
    close.addEventListener("click", hideOverlay);
    box.append(title, note, problems, close);
    overlay.append(box);
    // First in the body, so it is first in the tab order.
    document.body.prepend(overlay);
  }

  function hideOverlay() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }
})();
