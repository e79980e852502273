//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive lock on the directory dir for as long as the
// returned file stays open, and reports false if another build holds it.
// The system drops the lock when the process ends, however it ends.
func lockDir(dir string) (*os.File, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return f, true
}
