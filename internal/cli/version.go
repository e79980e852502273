package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Version returns what --version prints: the program's version, from the
// build information Go records in every binary, and the Go version and
// platform it was built with.
func Version() string {
	info, _ := debug.ReadBuildInfo()
	return versionText(info)
}

// versionText words the version of info (nil when the binary holds no
// build information): the module version for a binary installed with
// `go install module@version`; else the commit it was built from (with
// "modified" when the working tree had changes); else "devel".
func versionText(info *debug.BuildInfo) string {
	version := "devel"
	goVersion := runtime.Version()
	if info != nil {
		goVersion = info.GoVersion
		if v := info.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && !strings.Contains(version, rev[:min(12, len(rev))]) {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			version += " (commit " + rev
			if modified == "true" {
				version += ", modified"
			}
			version += ")"
		}
	}
	return fmt.Sprintf("%s %s, built with %s for %s/%s", Name, version, goVersion, runtime.GOOS, runtime.GOARCH)
}
