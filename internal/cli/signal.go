package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/tact-guide/tact/internal/scaffold"
)

// interrupted is the cause of a context a signal cancelled.
type interrupted struct{ sig syscall.Signal }

func (i interrupted) Error() string { return fmt.Sprintf("%v signal received", i.sig) }

// SignalContext returns a context cancelled by Ctrl-C (SIGINT) or SIGTERM.
// The build then stops, leaving the previous output as it was (or, in
// watch mode, the last build's complete output), and ExitStatus gives the
// status a shell expects of a command a signal stopped: 130 for Ctrl-C.
// A second Ctrl-C kills at once. Call stop to stop listening.
func SignalContext(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch) // from now on a second Ctrl-C kills at once
			sig, _ := s.(syscall.Signal)
			cancel(interrupted{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(context.Canceled)
	}
}

// ExitStatus returns the command's exit status after it ran with ctx and
// returned err, printing err (one problem a line, as Report does) to w:
// 128 plus the signal's number when a signal stopped the command before
// it was done (130 for Ctrl-C), 2 for a usage error found once the site
// is read (scaffold.UsageError), 1 when it failed, 0 when it succeeded. A
// build a signal came too late to stop succeeded. A preview stopped by a
// signal returns the context's cause, the signal.
func ExitStatus(ctx context.Context, err error, w io.Writer) int {
	var in interrupted
	if err != nil && errors.As(context.Cause(ctx), &in) {
		if !errors.As(err, new(interrupted)) {
			fmt.Fprintln(w, "build interrupted; the previous output is unchanged")
		}
		return 128 + int(in.sig)
	}
	if u := (*scaffold.UsageError)(nil); errors.As(err, &u) {
		return printUsageError(w, u.Msg)
	}
	if a := (*actionError)(nil); errors.As(err, &a) {
		fmt.Fprintln(w, a.err)
		fmt.Fprintf(w, "%s wrote nothing\n", a.action)
		return 1
	}
	if err != nil {
		Report(w, err)
		return 1
	}
	return 0
}

// actionError is the failure of a maintenance action, which builds nothing:
// its report says so rather than "build failed".
type actionError struct {
	action string
	err    error
}

func (e *actionError) Error() string { return e.err.Error() }
func (e *actionError) Unwrap() error { return e.err }

// ActionFailed returns err as the failure of the maintenance action named
// by its flag (--mark-translated), nil if err is nil.
func ActionFailed(flag string, err error) error {
	if err == nil {
		return nil
	}
	return &actionError{flag, err}
}
