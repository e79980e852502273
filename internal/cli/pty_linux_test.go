//go:build linux

package cli

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its two ends.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("name the pseudo-terminal: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return m, s
}

// On a real terminal a build that runs past ProgressDelay shows its line,
// redrawn in place, and erases it when it ends.
func TestProgressLineOnATerminal(t *testing.T) {
	t.Parallel()
	master, slave := openPTY(t)
	l := StartProgress(slave)
	if l.Counter() == nil {
		t.Fatal("a progress line on a terminal counts nothing")
	}
	time.Sleep(ProgressDelay + 300*time.Millisecond)
	l.Stop()
	got := make(chan string, 1)
	go func() {
		var b strings.Builder
		buf := make([]byte, 4096)
		for !strings.HasSuffix(b.String(), "\r\x1b[K") { // (the erasing, last)
			n, err := master.Read(buf)
			if err != nil {
				break
			}
			b.Write(buf[:n])
		}
		got <- b.String()
	}()
	select {
	case s := <-got:
		if !strings.HasPrefix(s, "\rreading the content\x1b[K") || !strings.HasSuffix(s, "\r\x1b[K") || strings.Contains(s, "\n") {
			t.Errorf("the terminal shows %q; want the line drawn in place, then erased", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("nothing reached the terminal")
	}
}
