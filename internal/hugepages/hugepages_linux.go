package hugepages

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"
)

const hugePage = 2 << 20 // the x86-64 and arm64 size; the kernel rounds to its own

func advise(size int) bool {
	if unsafe.Sizeof(uintptr(0)) < 8 || !onRequest() || disabled(os.Getenv("GODEBUG")) || limited() {
		return false
	}
	block := make([]byte, size) // new memory: mapped, not touched
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	from := int(alignUp(start) - start)
	to := int(alignDown(start+uintptr(size)) - start)
	ok := from < to && syscall.Madvise(block[from:to], syscall.MADV_HUGEPAGE) == nil
	block = nil
	runtime.GC() // frees the block (and sweeps), so that the heap grows into it
	return ok
}

// onRequest reports whether the kernel gives huge pages to memory marked
// with madvise(MADV_HUGEPAGE) only ("always [madvise] never").
func onRequest() bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && bytes.Contains(b, []byte("[madvise]"))
}

// limited reports whether the process's address space or data segment is
// capped (ulimit -v, ulimit -d). Mapping size bytes of heap up front then
// takes a share of the cap that the build may need, and when the cap is
// reached the Go runtime stops the process ("out of memory"): a build that
// fits without Advise would fail with it.
func limited() bool {
	const unlimited = ^uint64(0) // RLIM_INFINITY
	for _, res := range []int{syscall.RLIMIT_AS, syscall.RLIMIT_DATA} {
		var l syscall.Rlimit
		if syscall.Getrlimit(res, &l) != nil || l.Cur != unlimited {
			return true
		}
	}
	return false
}

// disabled reports whether GODEBUG turns huge pages off for the heap.
func disabled(godebug string) bool {
	for _, kv := range strings.Split(godebug, ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return true
		}
	}
	return false
}

func alignUp(p uintptr) uintptr   { return (p + hugePage - 1) &^ (hugePage - 1) }
func alignDown(p uintptr) uintptr { return p &^ (hugePage - 1) }
