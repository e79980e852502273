package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tact-guide/tact/bench/corpus"
)

// interruptSite writes a generated site large enough that a build takes a
// while (about 1,600 pages), builds it into public/ and returns its root,
// the output directory and the output's snapshot; then it edits the
// footer, which changes every page, so that an interrupted build that
// published anything would show.
func interruptSite(t *testing.T) (root, out, before string) {
	t.Helper()
	tmp := t.TempDir()
	root = filepath.Join(tmp, "site")
	if err := corpus.Write(root, 60, corpus.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(tmp, "public")
	status, msg := runBuild(t, "--content", root, "--out", out)
	if status != 0 {
		t.Fatalf("first build: exit %d\n%s", status, msg)
	}
	// Its output is a pipe, not a terminal: no progress line, only the
	// summary.
	if !strings.HasPrefix(msg, "built ") || strings.Count(msg, "\n") != 1 || strings.ContainsAny(msg, "\r\x1b") {
		t.Errorf("a build whose output is not a terminal printed %q, want its summary line alone", msg)
	}
	before = snapshot(t, out)
	footer := filepath.Join(root, "layouts", "partials", "footer.html")
	b, err := os.ReadFile(footer)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(footer, bytes.Replace(b, []byte("<footer"), []byte("<footer data-edited"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return root, out, before
}

// interruptMidBuild sends cmd SIGINT once its build is writing pages into
// the staging directory beside out, and returns its exit status.
func interruptMidBuild(t *testing.T, cmd *exec.Cmd, out string) int {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		staging, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*", "*", "*", "index.html"))
		if len(staging) >= 20 {
			break
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			t.Fatal("the build never started writing its pages")
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// Ctrl-C during a build stops it with status 130, says so, and leaves the
// previous output byte for byte as it was.
func TestCtrlCLeavesPreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site")
	}
	t.Parallel()
	root, out, before := interruptSite(t)
	cmd := buildCmd(root, out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if status := interruptMidBuild(t, cmd, out); status != 130 {
		t.Errorf("exit status %d after Ctrl-C, want 130\n%s", status, stderr.String())
	}
	if got := stderr.String(); got != "build interrupted; the previous output is unchanged\n" {
		t.Errorf("stderr %q, want only that the build was interrupted", got)
	}
	if snapshot(t, out) != before {
		t.Error("an interrupted build changed public/")
	}
}

// Ctrl-C during a watch session's build stops the session with status 130
// and leaves the previous output byte for byte as it was; Ctrl-C once it
// is idle stops it with 130 too, leaving its complete build.
func TestCtrlCStopsWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site")
	}
	t.Parallel()
	root, out, before := interruptSite(t)
	watch := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "TACT_BUILD_ARGS="+strings.Join([]string{"--content", root, "--out", out, "--watch", "--serve=false"}, "\x1f"))
		return cmd
	}
	cmd := watch()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if status := interruptMidBuild(t, cmd, out); status != 130 {
		t.Errorf("exit status %d after Ctrl-C during the first build, want 130", status)
	}
	if snapshot(t, out) != before {
		t.Error("a watch session interrupted during its build changed public/")
	}

	cmd = watch()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && !strings.Contains(sc.Text(), "built ") {
	}
	after := snapshot(t, out)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for sc.Scan() {
	}
	err = cmd.Wait()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Errorf("Ctrl-C to an idle watch session: %v, want exit status 130", err)
	}
	if after == before || snapshot(t, out) != after {
		t.Error("the watch session's build is not in public/ after Ctrl-C")
	}
}
