package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"golang.org/x/term"

	"github.com/tact-guide/tact/internal/build"
)

// ProgressDelay is how long a build runs before it shows progress: a
// shorter one ends with its summary line alone.
const ProgressDelay = time.Second

// progressTick is how often the progress line is redrawn.
const progressTick = 100 * time.Millisecond

// ProgressLine is the one line a long build shows on a terminal, redrawn
// in place on stderr ("rendering 12,345/27,181 pages") and erased before
// the summary line is printed. When stderr is not a terminal (a pipe, a
// file, CI's log) it shows nothing. A watch session shows one for each
// build (Start, Stop), erased before the build's log line.
type ProgressLine struct {
	w           io.Writer
	delay, tick time.Duration
	counter     *build.Progress // nil when there is nothing to show on
	stop        chan struct{}
	done        chan struct{}
}

// NewProgress returns the progress line of builds on w, shown if w is a
// terminal; Start shows it for a build.
func NewProgress(w *os.File) *ProgressLine {
	if !term.IsTerminal(int(w.Fd())) {
		return &ProgressLine{}
	}
	return newProgress(w, ProgressDelay, progressTick)
}

// StartProgress starts a progress line on w for a build, shown after
// ProgressDelay if w is a terminal.
func StartProgress(w *os.File) *ProgressLine {
	l := NewProgress(w)
	l.Start()
	return l
}

func newProgress(w io.Writer, delay, tick time.Duration) *ProgressLine {
	return &ProgressLine{w: w, delay: delay, tick: tick, counter: new(build.Progress)}
}

func startProgress(w io.Writer, delay, tick time.Duration) *ProgressLine {
	l := newProgress(w, delay, tick)
	l.Start()
	return l
}

// Counter returns what the build counts its work in (Options.Progress):
// nil when nothing is shown.
func (l *ProgressLine) Counter() *build.Progress { return l.counter }

// Start starts the line of a build, from its first stage.
func (l *ProgressLine) Start() {
	if l.counter == nil {
		return
	}
	l.counter.Reset()
	l.stop, l.done = make(chan struct{}), make(chan struct{})
	go l.run(l.w, l.delay, l.tick)
}

// Stop erases the line, if it was shown, and returns once it is gone.
func (l *ProgressLine) Stop() {
	if l.counter == nil {
		return
	}
	close(l.stop)
	<-l.done
}

func (l *ProgressLine) run(w io.Writer, delay, tick time.Duration) {
	defer close(l.done)
	select {
	case <-l.stop:
		return
	case <-time.After(delay):
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	shown := ""
	for {
		if text := ProgressText(l.counter.Load()); text != shown {
			// \r back to the start of the line, \x1b[K erase the rest.
			fmt.Fprintf(w, "\r%s\x1b[K", text)
			shown = text
		}
		select {
		case <-l.stop:
			fmt.Fprint(w, "\r\x1b[K")
			return
		case <-t.C:
		}
	}
}

// ProgressText words a build's progress: "reading the content",
// "rendering 12,345/27,181 pages", "publishing".
func ProgressText(stage build.Stage, done, total int) string {
	switch stage {
	case build.Rendering:
		return fmt.Sprintf("rendering %s/%s pages", thousands(done), thousands(total))
	case build.Publishing:
		return "publishing"
	}
	return "reading the content"
}

// thousands writes n with a comma between each group of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
