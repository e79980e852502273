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
	if unsafe.Sizeof(uintptr(0)) < 8 || !onRequest() || disabled(os.Getenv("GODEBUG")) {
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
