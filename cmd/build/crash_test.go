package main

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tact-guide/tact/bench/corpus"
	"github.com/tact-guide/tact/internal/sitetest"
)

// TestMain lets the crash test run this binary as the build command: with
// TACT_BUILD_ARGS set, the test binary is the build.
func TestMain(m *testing.M) {
	if args := os.Getenv("TACT_BUILD_ARGS"); args != "" {
		os.Args = append([]string{"build"}, strings.Split(args, "\x1f")...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// snapshot hashes every file under dir; staging directories beside it are
// not part of it.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			fmt.Fprintf(h, "dir %s\n", rel)
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "file %s %x\n", rel, sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func buildCmd(root, out string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TACT_BUILD_ARGS="+strings.Join([]string{"--content", root, "--out", out}, "\x1f"))
	return cmd
}

// TestKilledBuildLeavesOldOrNewSite kills a build with SIGKILL at random
// moments and checks that the output directory then holds exactly the
// previous site or exactly the new one, never a mix.
func TestKilledBuildLeavesOldOrNewSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site many times")
	}
	tmp := t.TempDir()
	rootA, rootB := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	sitetest.Copy(t, "../..", rootA)
	sitetest.Copy(t, "../..", rootB)
	// Version B changes an article, which changes many pages.
	files, _ := filepath.Glob(filepath.Join(rootB, "content", "en", "*.md"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		_ = os.WriteFile(f, []byte(strings.Replace(string(b), "\n\n", "\n\nA new first paragraph.\n\n", 1)), 0o644)
	}
	want := map[string]string{}
	for name, root := range map[string]string{"old": rootA, "new": rootB} {
		out := filepath.Join(tmp, "ref-"+name)
		if b, err := buildCmd(root, out).CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", name, err, b)
		}
		want[snapshot(t, out)] = name
	}
	if len(want) != 2 {
		t.Fatal("the two versions build to the same site")
	}
	out := filepath.Join(tmp, "public")
	if b, err := buildCmd(rootB, out).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	// The kills are timed by a build as the killed ones run: over a
	// previous site (whose files it compares with its own), and not the
	// first into public/. Timed by that first one (1.2 s in one CI run, the
	// others 0.3 s), every kill landed after the swap.
	start := time.Now()
	if b, err := buildCmd(rootA, out).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	full := time.Since(start)
	state := "old"
	roots := map[string]string{"old": rootA, "new": rootB}
	other := map[string]string{"old": "new", "new": "old"}
	kills, swaps := 0, 0
	for i := range 12 {
		target := other[state]
		cmd := buildCmd(roots[target], out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// About half the kills land before the swap, half after.
		delay := time.Duration(rand.Int64N(int64(2 * full)))
		timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		timer.Stop()
		if err != nil {
			kills++
		}
		got, ok := want[snapshot(t, out)]
		if !ok {
			t.Fatalf("kill %d after %v: public/ is neither the old nor the new site", i, delay)
		}
		if got != state {
			swaps++
		}
		state = got
	}
	t.Logf("%d of 12 builds killed, %d completed a swap (a full build takes %v)", kills, swaps, full)
	if kills == 0 || swaps == 0 {
		t.Error("the kills all landed on one side of the swap: the test proved nothing; run it again")
	}
}

// TestKilledWatchRebuildLeavesOldOrNewSite is the same for watch mode: a
// --watch session on a site of more than 10,000 files, whose every page a
// layout edit changes, is killed at a random moment of the rebuild; the
// output directory must then be exactly the site before the edit or after
// it, with nothing of the build's own (a temporary file) inside it.
func TestKilledWatchRebuildLeavesOldOrNewSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site many times")
	}
	t.Parallel()
	tmp := t.TempDir()
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		// In memory where there is some: what is tested is the order of
		// the file operations, not the disk's speed.
		shm, err := os.MkdirTemp("/dev/shm", "tact-watch-kill-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(shm) })
		tmp = shm
	}
	root := filepath.Join(tmp, "site")
	if err := corpus.Write(root, 380, corpus.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	footer := filepath.Join(root, "layouts", "partials", "footer.html")
	oldFooter, err := os.ReadFile(footer)
	if err != nil {
		t.Fatal(err)
	}
	newFooter := []byte(strings.Replace(string(oldFooter), "<footer", "<footer data-edited", 1))
	// The two sites: what the first build of a session writes, and what
	// its rebuild after the edit writes (TestIncrementalEqualsFullBuild
	// and TestOneShotBuildEqualsBuilder check these equal full builds).
	want := map[string]string{}
	out := filepath.Join(tmp, "public")
	var rebuild time.Duration
	kills := map[string]int{}
	for trial := range 3 {
		if err := os.WriteFile(footer, oldFooter, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "TACT_BUILD_ARGS="+strings.Join([]string{"--content", root, "--out", out, "--watch", "--serve=false"}, "\x1f"))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		built := make(chan string, 4)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if strings.Contains(sc.Text(), "built ") {
					built <- sc.Text()
				}
			}
			close(built)
		}()
		wait := func(what string) {
			select {
			case _, ok := <-built:
				if !ok {
					t.Fatalf("trial %d: the watch session ended before %s", trial, what)
				}
			case <-time.After(2 * time.Minute):
				t.Fatalf("trial %d: no %s after two minutes", trial, what)
			}
		}
		wait("first build")
		if trial == 0 {
			if n := countFiles(t, out); n < 10000 {
				t.Fatalf("the site has %d files, want at least 10,000", n)
			}
			want[snapshot(t, out)] = "old"
		}
		if got := want[snapshot(t, out)]; got != "old" {
			t.Fatalf("trial %d: the first build is %q, want the old site", trial, got)
		}
		start := time.Now()
		if err := os.WriteFile(footer, newFooter, 0o644); err != nil {
			t.Fatal(err)
		}
		if trial == 0 {
			// Not killed: how long a rebuild takes, and that it gives the
			// same site as a full build.
			wait("rebuild")
			rebuild = time.Since(start)
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			want[snapshot(t, out)] = "new"
			if len(want) != 2 {
				t.Fatal("the edit does not change the site")
			}
			continue
		}
		// Most of a rebuild is rendering and writing into the twin; the
		// swap comes near the end: kill in its second half and after.
		time.Sleep(rebuild/3 + time.Duration(rand.Int64N(int64(rebuild*3/4))))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		got, ok := want[snapshot(t, out)]
		if !ok {
			t.Fatalf("trial %d: killed %v after the edit, public/ is neither the old nor the new site", trial, time.Since(start))
		}
		kills[got]++
		_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasPrefix(d.Name(), ".") {
				t.Errorf("trial %d: %s is in the output", trial, p)
			}
			return err
		})
	}
	t.Logf("a rebuild takes %v; killed during it: %d times the old site was left, %d times the new one", rebuild, kills["old"], kills["new"])
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
