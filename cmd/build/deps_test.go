package main

import (
	"os/exec"
	"strings"
	"testing"
)

// Every package a command links runs its init at every start, before the
// build begins. goldmark's extension package compiles two link-detection
// regular expressions there, for 5–7 ms of every start (issue 9 asks for a
// build of the site under 100 ms); internal/markdown has its own tables,
// strikethrough and typographer so that it is not linked.
func TestBuildDoesNotLinkGoldmarksExtensionPackage(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the build's packages: %v", err)
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "github.com/yuin/goldmark/extension" {
			t.Fatalf("cmd/build links %s, whose init compiles regular expressions Tact does not use at every start", pkg)
		}
	}
}
