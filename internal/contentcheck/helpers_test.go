package contentcheck_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/tact-guide/tact/internal/site"
)

// repoRoot is the repository, from this package's directory.
const repoRoot = "../.."

var (
	loadOnce sync.Once
	realSite *site.Site
	loadErr  error
)

// guide loads the real site once, as published: drafts left out.
func guide(t *testing.T) *site.Site {
	t.Helper()
	loadOnce.Do(func() {
		realSite, loadErr = site.Load(context.Background(), os.DirFS(repoRoot), site.Options{})
	})
	if loadErr != nil {
		t.Fatalf("the real site does not load:\n%s", loadErr)
	}
	return realSite
}
