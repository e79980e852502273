package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/cli"
)

// A build replaces its output directory whole: an --out that names the site,
// a folder of sources, a file, or a folder holding the site would destroy
// what it names. A symbolic link to a directory is followed: the build
// publishes to the directory, and the link stays.
func TestOutputDir(t *testing.T) {
	tmp, _ := filepath.EvalSymlinks(t.TempDir())
	root := filepath.Join(tmp, "site")
	for _, d := range []string{"content/en", "layouts", "assets", "i18n", "public", "webroot"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(root, "README.md"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(root, "webroot"), filepath.Join(root, "live"))
	os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "sneaky"))
	os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "dangling"))
	for _, tt := range []struct {
		out, want, err string
	}{
		{"public", "public", ""},
		{"new", "new", ""},
		{"live", "webroot", ""},
		{"../elsewhere", "../elsewhere", ""},
		{".", "", "would replace the site itself"},
		{"..", "", "would replace the site itself"},
		{"content", "", "is in content/, which holds the site's sources"},
		{"content/en", "", "is in content/, which holds the site's sources"},
		{"layouts", "", "is in layouts/"},
		{"assets", "", "is in assets/"},
		{"i18n/x", "", "is in i18n/"},
		{"sneaky", "", "is in content/"},
		{"README.md", "", "is a file, not a directory"},
		{"dangling", "", "is a symbolic link to nothing"},
	} {
		out := filepath.Join(root, tt.out)
		have, err := cli.OutputDir(root, out)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("--out %s: %q, %v; want an error saying %q", tt.out, have, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("--out %s: %v", tt.out, err)
		case tt.err == "" && have != filepath.Join(root, tt.want):
			t.Errorf("--out %s: publishes to %s, want %s", tt.out, have, filepath.Join(root, tt.want))
		}
	}
}
