package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/sitetest"
)

// runBuild runs this test binary as the build command with args and returns
// its exit status and output.
func runBuild(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TACT_BUILD_ARGS="+strings.Join(args, "\x1f"))
	b, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(b)
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, string(b)
}

// An --out that names the sources, the site or a file is refused before
// anything is written: the articles are all still there. An --out that is
// a symbolic link to a directory publishes there, and the link stays.
func TestOutRefusesTheSources(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	sitetest.Copy(t, "../..", root)
	if err := os.WriteFile(filepath.Join(root, "notes.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, filepath.Join(root, "content"))
	for _, out := range []string{"content", "layouts", "i18n", ".", "notes.txt"} {
		status, msg := runBuild(t, "--content", root, "--out", out)
		if status != 1 || !strings.Contains(msg, "--out") {
			t.Errorf("--out %s: exit %d, %q; want 1 and an error about --out", out, status, msg)
		}
	}
	if snapshot(t, filepath.Join(root, "content")) != before {
		t.Fatal("a refused --out changed content/")
	}
	if b, err := os.ReadFile(filepath.Join(root, "notes.txt")); err != nil || string(b) != "keep me" {
		t.Fatalf("a refused --out changed the file it named: %q, %v", b, err)
	}
	webroot := filepath.Join(t.TempDir(), "webroot")
	if err := os.Mkdir(webroot, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "live")
	if err := os.Symlink(webroot, link); err != nil {
		t.Fatal(err)
	}
	if status, msg := runBuild(t, "--content", root, "--out", "live"); status != 0 {
		t.Fatalf("--out live (a link to a directory): exit %d\n%s", status, msg)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link --out named was replaced: %v, %v", info, err)
	}
	if _, err := os.Stat(filepath.Join(webroot, "en", "index.html")); err != nil {
		t.Errorf("the site was not published where the link points: %v", err)
	}
}
