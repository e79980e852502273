package devserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Options configure Run.
type Options struct {
	Root     string // site root: tact.toml, content/, layouts/, assets/ and i18n/ under it are watched
	Out      string // output directory: served, never watched
	BasePath string // the site's base path, e.g. "/guide": the output is served there until a build says otherwise (Result.BasePath)

	Serve    bool         // run the preview server
	Port     int          // first port tried on 127.0.0.1; the next free one is used if it is taken; 0 for any
	Listener net.Listener // if not nil, serve on it instead of Port (tests)

	Poll         bool          // walk the sources every PollInterval instead of using fsnotify
	PollInterval time.Duration // default 500 ms

	Quiet    time.Duration // rebuild once no change has come for this long; default DefaultQuiet
	MaxDelay time.Duration // but at the latest this long after the first change; default DefaultMaxDelay
}

// BuildFunc builds the site into the output directory. changed lists the
// sources (relative to the root, slash-separated; a directory stands for
// everything under it) changed since the last successful build; nil means
// everything. On error the output directory must be left as it was; the
// error's text is shown to the writer as is, one problem per line.
type BuildFunc func(ctx context.Context, changed []string) (Result, error)

// Result describes a successful build.
type Result struct {
	Summary  string            // logged after the build, e.g. "built 52 pages (…) in 28ms"
	Warnings []error           // logged after the summary
	BasePath string            // the path the site was built under ("/guide"; "" for the root): the output is served there from now on
	Moved    map[string]string // pages whose address changed in this build (a new slug), old → new: an open preview follows them
}

// Run builds the site, then rebuilds it whenever its sources change and, if
// opts.Serve, serves it with live reload, until ctx is done. It logs each
// build, and each build's problems, to log. A failed build does not stop it.
// It returns nil once stopped cleanly, or an error if it could not start.
func Run(ctx context.Context, opts Options, build BuildFunc, log io.Writer) error {
	if opts.PollInterval <= 0 {
		opts.PollInterval = 500 * time.Millisecond
	}
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = DefaultMaxDelay
	}
	lg := &logger{w: log}
	sc, err := newScope(opts.Root, opts.Out)
	if err != nil {
		return err
	}

	// Watch before the first build, so no change made during it is lost.
	watchCtx, stopWatching := context.WithCancel(context.Background())
	changes := make(chan change)
	var watching sync.WaitGroup
	defer func() {
		stopWatching()
		watching.Wait()
	}()
	// The sources as the session starts: the poller's first snapshot, and
	// what the loop knows was there (loop.passing). One walk serves both.
	var sources snapshot
	if opts.Poll {
		sources = sc.snapshot()
		p := newPoller(sc, sources, opts.PollInterval, opts.Quiet, opts.MaxDelay)
		watching.Go(func() { p.run(watchCtx, changes) })
		lg.printf("polling for changes every %v", opts.PollInterval)
	} else {
		w, err := newWatcher(sc, lg)
		if err != nil {
			return err
		}
		sources = sc.snapshot() // (after the watches are on: a file made meanwhile is reported too)
		watching.Go(func() { w.run(watchCtx, changes) })
	}

	h := newHub()
	defer h.close()
	l := &loop{build: build, hub: h, log: lg, deb: newDebouncer(opts.Quiet, opts.MaxDelay), sc: sc, known: map[string]bool{}}
	for p := range sources {
		for ; p != "." && !l.known[p]; p = path.Dir(p) { // (a folder moved away is reported by its name)
			l.known[p] = true
		}
	}
	if opts.Serve {
		s := newServer(sc.out, opts.BasePath, h)
		addr, stop, err := serve(opts, s, lg)
		if err != nil {
			return err
		}
		defer stop()
		l.built = func(res Result) {
			if s.setBase(res.BasePath) {
				lg.printf("the base URL changed: serving at http://%s%s/", addr, s.basePath())
			}
			s.follow(res.Moved)
		}
	}

	l.run(ctx, changes)
	return nil
}

// serve starts the preview server and returns its address and the
// function that stops it.
func serve(opts Options, s *server, lg *logger) (addr *net.TCPAddr, stop func(), err error) {
	ln := opts.Listener
	if ln == nil {
		if ln, err = listen(opts.Port); err != nil {
			return nil, nil, fmt.Errorf("preview server: %w", err)
		}
	}
	addr = ln.Addr().(*net.TCPAddr)
	if opts.Listener == nil && opts.Port != 0 && addr.Port != opts.Port {
		lg.printf("port %d is taken; using %d", opts.Port, addr.Port)
	}
	lg.printf("serving %s at http://%s%s/ (Ctrl-C to stop)", s.out, addr, s.basePath())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			lg.printf("preview server: %v", err)
		}
	}()
	return addr, func() {
		s.hub.close() // event streams end, so their connections can go idle
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(ctx) != nil {
			srv.Close()
		}
		<-done
	}, nil
}

// loop runs the builds. Only its goroutine touches its fields.
type loop struct {
	build BuildFunc
	built func(Result) // if set, called after each successful build, before browsers reload
	hub   *hub
	log   *logger
	deb   *debouncer
	sc    scope
	known map[string]bool // the source files as of the last batch taken

	sinceGood batch     // changes not yet in a successful build (all at the start)
	waiting   time.Time // when the first change no build has started with came; zero if none
	queued    bool      // a batch became ready during the running build
	building  bool
	failed    bool // the last build failed
}

// outcome is a finished build.
type outcome struct {
	res   Result
	err   error
	b     batch     // what it was given
	since time.Time // the first change it is the first build to see; zero for the first build
}

func (l *loop) run(ctx context.Context, changes <-chan change) {
	done := make(chan outcome, 1)
	l.sinceGood = batch{all: true}
	l.start(ctx, done)
	for {
		select {
		case <-ctx.Done():
			if l.building {
				<-done // the output directory is complete again once it returns
			}
			return
		case c := <-changes:
			l.deb.add(c, time.Now())
		case <-l.deb.ready():
			b := l.deb.take()
			if l.passing(&b); b.empty() {
				continue
			}
			if l.waiting.IsZero() {
				l.waiting = b.first
			}
			l.sinceGood.union(b)
			if l.building {
				l.queued = true
			} else {
				l.start(ctx, done)
			}
		case o := <-done:
			l.building = false
			l.finish(o)
			if l.queued {
				l.queued = false
				l.start(ctx, done)
			}
		}
	}
}

// passing drops from b the files that came and went since the batch
// before: an editor's temporary file, written and renamed over the file it
// saves, was never a source (the log then says "a.md", not "a.md and 1
// more"); a file that is gone but was there before was deleted, and stays.
func (l *loop) passing(b *batch) {
	for p := range b.paths {
		if _, err := os.Lstat(filepath.Join(l.sc.root, filepath.FromSlash(p))); err == nil {
			l.known[p] = true
		} else if l.known[p] {
			delete(l.known, p)
		} else {
			delete(b.paths, p)
		}
	}
}

// start runs a build of everything changed since the last good one.
func (l *loop) start(ctx context.Context, done chan<- outcome) {
	b, since := l.sinceGood, l.waiting
	l.sinceGood, l.waiting = batch{}, time.Time{}
	l.building = true
	go func() {
		res, err := l.build(ctx, b.list())
		done <- outcome{res: res, err: err, b: b, since: since}
	}()
}

// finish reports a build to the log and the browsers.
func (l *loop) finish(o outcome) {
	what := describe(o.b)
	after := ""
	if !o.since.IsZero() {
		after = fmt.Sprintf(" (%v after the change)", time.Since(o.since).Round(time.Millisecond))
	}
	if o.err != nil {
		// Not built: what it was given is still to be built.
		o.b.union(l.sinceGood)
		l.sinceGood = o.b
		if errors.Is(o.err, context.Canceled) {
			return
		}
		problems := o.err.Error()
		n := 1
		var j interface{ Unwrap() []error }
		if errors.As(o.err, &j) {
			n = len(j.Unwrap())
		}
		l.log.printf("%s: build failed with %d problem(s)%s; still serving the last good build:\n%s", what, n, after, indent(problems))
		l.failed = true
		l.hub.failed(problems)
		return
	}
	cssOnly := !l.failed && o.b.cssOnly()
	l.failed = false
	l.log.printf("%s: %s%s", what, o.res.Summary, after)
	for _, w := range o.res.Warnings {
		l.log.printf("warning: %v", w)
	}
	if l.built != nil {
		l.built(o.res)
	}
	l.hub.built(cssOnly)
}

// describe names a build's changes for the log.
func describe(b batch) string {
	if b.all {
		if b.first.IsZero() { // the batch Run starts with
			return "first build"
		}
		return "full build"
	}
	paths := b.list()
	switch len(paths) {
	case 0:
		return "build"
	case 1:
		return paths[0]
	}
	return fmt.Sprintf("%s and %d more", paths[0], len(paths)-1)
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t")
}

// logger writes timestamped lines; it is safe for concurrent use.
type logger struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *logger) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}
