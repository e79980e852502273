//go:build !unix

package output

import "os"

// lockDir does nothing where there is no flock: concurrent builds into one
// output directory may then remove each other's staging directory.
func lockDir(dir string) (*os.File, bool) { return nil, true }
