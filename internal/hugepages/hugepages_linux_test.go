package hugepages

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

func TestGODEBUGDisablethpTurnsItOff(t *testing.T) {
	for godebug, want := range map[string]bool{
		"": false, "disablethp=1": true, "gctrace=1,disablethp=1": true,
		"disablethp=0": false, "madvdontneed=1": false,
	} {
		if have := disabled(godebug); have != want {
			t.Errorf("disabled(%q) = %v, want %v", godebug, have, want)
		}
	}
}

// With the address space capped (ulimit -v), Advise leaves the heap alone:
// under a cap of 1 GB the build runs without it and would stop with "out
// of memory" in it.
func TestAnAddressSpaceCapTurnsItOff(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &old); err != nil {
		t.Fatal(err)
	}
	if old.Cur != ^uint64(0) {
		t.Skipf("the address space is already capped (%d bytes)", old.Cur)
	}
	if limited() {
		t.Fatal("limited() with no cap set")
	}
	capped := old
	capped.Cur = 1 << 46 // 64 TiB: a cap, far above what this test uses
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &capped); err != nil {
		t.Skipf("cannot set a cap: %v", err)
	}
	defer func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &old); err != nil {
			t.Fatalf("restoring the address-space limit: %v", err)
		}
	}()
	if !limited() {
		t.Error("limited() = false with the address space capped")
	}
	if advise(Size) {
		t.Error("Advise prepared the heap with the address space capped")
	}
}

// After Advise, what the heap grows into is memory marked for huge pages
// (VmFlags "hg" in /proc/self/smaps).
func TestTheHeapGrowsIntoMarkedMemory(t *testing.T) {
	if !onRequest() {
		t.Skip("this kernel gives huge pages always or never, not on request: Advise has nothing to do")
	}
	if !advise(Size) {
		t.Fatal("Advise did not mark the heap")
	}
	var blocks [][]byte
	marked := 0
	for range 64 {
		b := make([]byte, 256<<10) // 16 MB in all: more than the heap had before
		blocks = append(blocks, b)
		if hugePageFlag(t, uintptr(unsafe.Pointer(unsafe.SliceData(b)))) {
			marked++
		}
	}
	if marked < len(blocks)/2 {
		t.Errorf("%d of %d new heap blocks are in memory marked for huge pages, want at least half", marked, len(blocks))
	}
}

// hugePageFlag reports whether the mapping holding addr has VmFlags hg.
func hugePageFlag(t *testing.T, addr uintptr) bool {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line, " ") {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.Contains(line, " hg")
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return false
}
