package main

import (
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

	"tact/internal/sitetest"
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
		delay := time.Duration(rand.Int64N(int64(3 * full)))
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
	t.Logf("%d of 20 builds killed, %d completed a swap (a full build takes %v)", kills, swaps, full)
	if kills == 0 || swaps == 0 {
		t.Error("the kills all landed on one side of the swap: the test proved nothing; run it again")
	}
}
