package devserver

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// sseClient reads a text/event-stream, as EventSource does.
type sseClient struct {
	events chan event
}

func connect(t *testing.T, url string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url+liveEvents, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("events: Content-Type %q", ct)
	}
	c := &sseClient{events: make(chan event, 100)}
	go func() {
		defer close(c.events)
		sc := bufio.NewScanner(res.Body)
		var ev event
		var data []string
		for sc.Scan() {
			switch line := sc.Text(); {
			case line == "":
				if ev.name != "" {
					ev.data = strings.Join(data, "\n")
					c.events <- ev
				}
				ev, data = event{}, nil
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = append(data, strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		res.Body.Close()
	})
	return c
}

// connectAfterFirst connects once the first build has been announced (start
// returns when it is built, a moment before), and returns the version then.
func connectAfterFirst(t *testing.T, url string) (*sseClient, string) {
	t.Helper()
	c := connect(t, url)
	version := c.next(t, "hello").data
	if strings.HasSuffix(version, ".0") {
		version = c.next(t, "reload").data
	}
	return c, version
}

// next returns the next event, which must be named name.
func (c *sseClient) next(t *testing.T, name string) event {
	t.Helper()
	select {
	case ev, ok := <-c.events:
		if !ok {
			t.Fatalf("the event stream ended, waiting for %q", name)
		}
		if ev.name != name {
			t.Fatalf("got event %q (%q), want %q", ev.name, ev.data, name)
		}
		return ev
	case <-time.After(wait):
		t.Fatalf("no %q event within %v", name, wait)
		return event{}
	}
}

// The error overlay and the recovery from it, end to end: a failing save
// sends "error" with the problems to every browser, including one that
// connects later; the next good save sends "reload"; a stylesheet-only save
// sends "css".
func TestErrorOverlayAndRecovery(t *testing.T) {
	root := newSite(t)
	rec := newRecorder(root)
	problems := "content/en/a.md:3:7: unknown verdict \"mabye\"; use accept, decline or redirect\ncontent/nl/a.md:1:1: <b>not</b> HTML"
	rec.fail = func(files map[string]string) error {
		if strings.Contains(files["content/en/a.md"], "BAD") {
			e1, e2, _ := strings.Cut(problems, "\n")
			return errors.Join(errors.New(e1), errors.New(e2))
		}
		return nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	start(t, root, Options{Serve: true, Listener: ln}, rec)

	first, version := connectAfterFirst(t, url)

	replace(t, root, "content/en/a.md", "BAD\n")
	rec.next(t)
	if ev := first.next(t, "error"); ev.data != problems {
		t.Errorf("error event data = %q, want %q", ev.data, problems)
	}

	late := connect(t, url)
	if ev := late.next(t, "hello"); ev.data != version {
		t.Errorf("after a failed build the version changed from %q to %q", version, ev.data)
	}
	if ev := late.next(t, "error"); ev.data != problems {
		t.Errorf("a browser connecting after the failure got %q, want %q", ev.data, problems)
	}

	replace(t, root, "content/en/a.md", "good again\n")
	rec.next(t)
	first.next(t, "reload")
	late.next(t, "reload")

	fresh := connect(t, url)
	fresh.next(t, "hello") // and no error: the next event is the css one
	replace(t, root, "assets/style.css", "body{color:red}\n")
	rec.next(t)
	for _, c := range []*sseClient{first, late, fresh} {
		c.next(t, "css")
	}
	replace(t, root, "content/en/a.md", "changed\n")
	rec.next(t)
	fresh.next(t, "reload")
}

// Ctrl-C ends the event streams, so the server stops at once.
func TestStopEndsStreams(t *testing.T) {
	root := newSite(t)
	rec := newRecorder(root)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var log bytes.Buffer
	go func() {
		done <- Run(ctx, Options{Root: root, Out: root + "/public", Serve: true, Listener: ln}, rec.build, &log)
	}()
	rec.next(t)
	c, _ := connectAfterFirst(t, "http://"+ln.Addr().String())
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(wait):
		t.Fatalf("Run did not stop within %v", wait)
	}
	select {
	case _, ok := <-c.events:
		if ok {
			t.Error("an event after stopping")
		}
	case <-time.After(wait):
		t.Error("the event stream was not closed")
	}
}

// Run waits for a build in progress before returning.
func TestStopWaitsForBuild(t *testing.T) {
	root := newSite(t)
	rec := newRecorder(root)
	started, finished := make(chan struct{}), make(chan struct{})
	rec.gate = func(n int) {
		if n == 2 {
			close(started)
			time.Sleep(settle)
			close(finished)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Root: root, Out: root + "/public"}, rec.build, &bytes.Buffer{}) }()
	rec.next(t)
	write(t, root, "content/en/a.md", "a v2\n")
	<-started
	cancel()
	<-done
	select {
	case <-finished:
	default:
		t.Error("Run returned while a build was running")
	}
}

func TestMerge(t *testing.T) {
	reload, css, fail := event{name: "reload"}, event{name: "css"}, event{name: "error", data: "x"}
	for _, tc := range []struct {
		old, ev, want event
	}{
		{event{}, css, css},
		{event{}, fail, fail},
		{css, css, css},
		{css, reload, reload},
		{reload, css, reload},
		{reload, fail, reload}, // the reloaded page is sent the error on connecting
		{fail, reload, reload},
		{css, fail, reload},
		{fail, event{name: "error", data: "y"}, event{name: "error", data: "y"}},
	} {
		if got := merge(tc.old, tc.ev); got.name != tc.want.name || got.data != tc.want.data && tc.want.data != "" {
			t.Errorf("merge(%v, %v) = %v, want %v", tc.old, tc.ev, got, tc.want)
		}
	}
}

func TestWriteEvent(t *testing.T) {
	var buf bytes.Buffer
	writeEvent(&buf, event{name: "error", data: "a.md:1:1: one\r\nb.md:2:2: two\n"})
	want := "event: error\ndata: a.md:1:1: one\ndata: b.md:2:2: two\ndata: \n\n"
	if buf.String() != want {
		t.Errorf("writeEvent = %q, want %q", buf.String(), want)
	}
}
