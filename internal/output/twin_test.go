package output

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tact-guide/tact/internal/sitetest"
)

// A Twin publishes each update whole: the output then holds the new files
// and not the stale ones, nothing else appears in or beside it once the
// twin is closed, and every update after the first goes through the same
// twin, kept level with the output.
func TestTwinPublishesUpdates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	sitetest.WriteTree(t, out, map[string]string{"index.html": "home", "en/a/index.html": "a", "en/b/index.html": "b"})
	tw := NewTwin(out)
	steps := []struct {
		files map[string][]byte
		stale []string
		want  map[string]string
	}{
		{map[string][]byte{"en/a/index.html": []byte("a2"), "en/c/index.html": []byte("c")}, []string{"en/b/index.html"},
			map[string]string{"index.html": "home", "en/a/index.html": "a2", "en/c/index.html": "c"}},
		{map[string][]byte{"index.html": []byte("home2")}, []string{"en/c/index.html"},
			map[string]string{"index.html": "home2", "en/a/index.html": "a2"}},
	}
	for i, st := range steps {
		if err := tw.Update(st.files, st.stale); err != nil {
			t.Fatalf("update %d: %v", i, err)
		}
		diffTrees(t, snapshot(t, out), st.want)
		diffTrees(t, snapshot(t, tw.dir), st.want) // (level, for the next update)
	}
	if _, err := os.Stat(filepath.Join(out, "en", "b")); !os.IsNotExist(err) {
		t.Errorf("the folder of a removed page is still there: %v", err)
	}
	tw.Close()
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("left beside the output: %v", l)
	}
}
