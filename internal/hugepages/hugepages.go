// Package hugepages asks the kernel to back the first part of the Go heap
// with transparent huge pages, for a process that is short and allocates
// fast, like a build.
//
// Each page of memory a process touches for the first time costs it a page
// fault. On the machines Tact is measured on (virtual machines whose host
// backs guest memory lazily) a 4 KB fault costs about 20 µs, and a build of
// the site takes some 3,000 of them: about 60 of its 140 ms of CPU time. A
// 2 MB huge page is one fault for what would be 512, and costs 0.25–11 µs
// per 4 KB (bench/README.md has the figures).
//
// Linux gives a process huge pages either always or, in the setting Debian
// and Ubuntu ship ("madvise"), only for memory the process marks with
// madvise(MADV_HUGEPAGE). The Go runtime marks none, and maps the heap a few
// megabytes at a time as it grows, each mapping new and unmarked. Advise
// makes the runtime map Size bytes of heap at once, by allocating them in one
// piece, marks them, and frees the piece: the runtime hands out the lowest
// free addresses first, so the heap the build then grows into is that
// marked memory. Memory it never touches is never committed, so the resident
// size grows only by what rounding to 2 MB adds.
package hugepages

// Size is how much of the heap Advise prepares: twice the heap a build may
// grow to before it first collects (the build command's memlimit floor is
// Size/2; a site of 4,000 articles then peaks near 160 MB resident), and
// room for larger sites' heaps. It is address space, not memory, until it
// is used.
const Size = 256 << 20

// Advise prepares Size bytes of heap backed by huge pages, where the kernel
// gives them on request only, and reports whether it did. It does nothing
// when huge pages are always on (nothing to ask), off or unknown (not
// Linux), on 32-bit systems (address space is short there), when the
// address space or data segment is capped (ulimit -v or -d: the Size bytes
// would count against the cap, and a Go program that reaches it stops), or
// when GODEBUG has disablethp=1 (the Go runtime's own switch for this).
// Call it once, before the work that allocates begins: it runs a garbage
// collection to free what it allocated.
func Advise() bool { return advise(Size) }
