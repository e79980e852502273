package devserver

import (
	"bytes"
	"embed"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// client holds live.js and live.css, served under /_tact/.
//
//go:embed client/live.js client/live.css
var client embed.FS

// Paths the preview server reserves for live reload.
const (
	liveJS     = "/_tact/live.js"
	liveCSS    = "/_tact/live.css"
	liveEvents = "/_tact/events"
)

// liveTag is what served HTML pages get before </head>.
const liveTag = `<script src="` + liveJS + `" defer></script>`

// event is one Server-Sent Event; see "Live reload" in the package doc.
type event struct {
	name string // "hello", "reload", "css" or "error"
	data string
}

// hub tells connected browsers about builds.
type hub struct {
	mu       sync.Mutex
	clients  map[*subscriber]bool
	failure  string // the problems of the last build if it failed, else ""
	instance string // tells this server's versions from a previous run's
	gen      int    // successful builds so far
	done     chan struct{}
	closed   bool
}

// subscriber is one connected browser, with a one-event mailbox.
type subscriber struct {
	next   event         // guarded by hub.mu; name "" when empty
	notify chan struct{} // capacity 1: next is worth reading
}

func newHub() *hub {
	return &hub{
		clients:  map[*subscriber]bool{},
		instance: fmt.Sprintf("%x", time.Now().UnixNano()),
		done:     make(chan struct{}),
	}
}

// version names the site now being served. Callers hold h.mu.
func (h *hub) version() string { return fmt.Sprintf("%s.%d", h.instance, h.gen) }

// built records a successful build: browsers reload, or only swap their
// stylesheets when cssOnly.
func (h *hub) built(cssOnly bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.gen++
	h.failure = ""
	ev := event{name: "reload", data: h.version()}
	if cssOnly {
		ev.name = "css"
	}
	h.broadcast(ev)
}

// failed records a failed build: browsers show problems in an overlay.
func (h *hub) failed(problems string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failure = problems
	h.broadcast(event{name: "error", data: problems})
}

// broadcast puts ev in every mailbox. Callers hold h.mu.
func (h *hub) broadcast(ev event) {
	for s := range h.clients {
		s.next = merge(s.next, ev)
		select {
		case s.notify <- struct{}{}:
		default:
		}
	}
}

// merge returns the one event that stands for old followed by ev, for a
// browser that has not read old yet. A reload covers anything, since a
// reloaded page reconnects and is then sent the current error, if any.
func merge(old, ev event) event {
	switch {
	case old.name == "", ev.name == "reload", old.name == ev.name:
		return ev
	}
	return event{name: "reload"}
}

// subscribe adds a browser and returns the events it gets on connecting, or
// ok false if the hub is closed.
func (h *hub) subscribe() (s *subscriber, first []event, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, nil, false
	}
	s = &subscriber{notify: make(chan struct{}, 1)}
	h.clients[s] = true
	first = []event{{name: "hello", data: h.version()}}
	if h.failure != "" {
		first = append(first, event{name: "error", data: h.failure})
	}
	return s, first, true
}

func (h *hub) unsubscribe(s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, s)
}

// take empties s's mailbox.
func (h *hub) take(s *subscriber) event {
	h.mu.Lock()
	defer h.mu.Unlock()
	ev := s.next
	s.next = event{}
	return ev
}

// close ends every event stream; later ones are refused.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// serveEvents streams events to one browser until it goes or the hub closes.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	s, first, ok := h.subscribe()
	if !ok {
		http.Error(w, "the preview server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(s)
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	var buf bytes.Buffer
	buf.WriteString("retry: 1000\n\n") // reconnect after a second, e.g. when the server restarts
	for _, ev := range first {
		writeEvent(&buf, ev)
	}
	for {
		if _, err := w.Write(buf.Bytes()); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
		buf.Reset()
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-s.notify:
			if ev := h.take(s); ev.name != "" {
				writeEvent(&buf, ev)
			}
		}
	}
}

// writeEvent writes ev in the text/event-stream format: one data line per
// line of its data.
func writeEvent(buf *bytes.Buffer, ev event) {
	fmt.Fprintf(buf, "event: %s\n", ev.name)
	data := strings.ReplaceAll(ev.data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	for line := range strings.SplitSeq(data, "\n") {
		fmt.Fprintf(buf, "data: %s\n", line)
	}
	buf.WriteString("\n")
}

// inject returns page with liveTag before its </head>, or before <body if it
// has no </head>, or at its end.
func inject(page []byte) []byte {
	lower := bytes.ToLower(page)
	at := bytes.Index(lower, []byte("</head>"))
	if at < 0 {
		at = bytes.Index(lower, []byte("<body"))
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(liveTag))
	out = append(out, page[:at]...)
	out = append(out, liveTag...)
	return append(out, page[at:]...)
}
