// Package cgroupmem reads the memory limit of the Linux control group
// (cgroup) the process runs in: a container's memory, or a systemd unit's
// MemoryMax. The kernel kills a process that goes past it; the Go runtime
// does not read it (it reads a cgroup's CPU quota, not its memory).
//
// Both versions are read. In cgroup v2 the limit is memory.max ("max":
// none), in v1 memory.limit_in_bytes (a number near 2^63: none). A group
// is also bound by its ancestors' limits, so the limit is the smallest
// found from the process's group up to the root of the hierarchy as it is
// mounted. Where each hierarchy is mounted comes from /proc/self/mountinfo,
// and the process's group in each from /proc/self/cgroup; a container
// sees its own group as the root of the mount, whichever way the runtime
// set it up.
package cgroupmem

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
)

// Limit returns the memory limit in bytes of the process's cgroup, and
// false when there is none (or no cgroup file system to read it from).
func Limit() (int64, bool) {
	return limit(os.DirFS("/"))
}

// unlimited is where a v1 limit means none: v1 reports "no limit" as the
// largest int64 rounded down to a page.
const unlimited = 1 << 62

// hierarchy is one mounted cgroup hierarchy that has the memory controller.
type hierarchy struct {
	v2    bool
	root  string // the group mounted at point (mountinfo's root field)
	point string // where it is mounted
	group string // the process's group in it (/proc/self/cgroup)
}

// limit is Limit on the file system fsys, the machine's root.
func limit(fsys fs.FS) (int64, bool) {
	hs := mounts(fsys)
	if len(hs) == 0 {
		return 0, false
	}
	groups(fsys, hs)
	best, found := int64(0), false
	for _, h := range hs {
		if h.group == "" {
			continue
		}
		file := "memory.limit_in_bytes"
		if h.v2 {
			file = "memory.max"
		}
		rel := h.group
		if h.root != "/" {
			// A container's mount of its own group: the process's group
			// is that group, or one under it; any other is not visible
			// but from the mount's root.
			var ok bool
			if rel, ok = strings.CutPrefix(h.group, h.root); !ok || rel != "" && rel[0] != '/' {
				rel = ""
			}
		}
		top := strings.TrimPrefix(path.Clean(h.point), "/")
		for dir := path.Join(top, rel); ; dir = path.Dir(dir) {
			if n, ok := read(fsys, path.Join(dir, file)); ok && (!found || n < best) {
				best, found = n, true
			}
			if dir == top || dir == "." || dir == "/" {
				break
			}
		}
	}
	return best, found
}

// mounts returns the cgroup hierarchies in /proc/self/mountinfo that can
// hold a memory limit: cgroup v2's, and v1's with the memory controller.
func mounts(fsys fs.FS) []*hierarchy {
	data, err := fs.ReadFile(fsys, "proc/self/mountinfo")
	if err != nil {
		return nil
	}
	var hs []*hierarchy
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		// 36 24 0:31 / /sys/fs/cgroup/memory rw,relatime shared:5 - cgroup cgroup rw,memory
		before, after, ok := strings.Cut(sc.Text(), " - ")
		f, g := strings.Fields(before), strings.Fields(after)
		if !ok || len(f) < 5 || len(g) < 3 {
			continue
		}
		switch {
		case g[0] == "cgroup2":
			hs = append(hs, &hierarchy{v2: true, root: unescape(f[3]), point: unescape(f[4])})
		case g[0] == "cgroup" && hasOption(g[2], "memory"):
			hs = append(hs, &hierarchy{root: unescape(f[3]), point: unescape(f[4])})
		}
	}
	return hs
}

// groups fills in the process's group in each hierarchy from
// /proc/self/cgroup: "0::/path" for v2, "4:memory:/path" for v1.
func groups(fsys fs.FS, hs []*hierarchy) {
	data, err := fs.ReadFile(fsys, "proc/self/cgroup")
	if err != nil {
		return
	}
	for line := range strings.Lines(string(data)) {
		parts := strings.SplitN(strings.TrimRight(line, "\n"), ":", 3)
		if len(parts) != 3 {
			continue
		}
		v2 := parts[0] == "0" && parts[1] == ""
		for _, h := range hs {
			if h.v2 == v2 && (v2 || hasOption(parts[1], "memory")) {
				h.group = parts[2]
			}
		}
	}
}

// read reads a limit file: a number of bytes, or "max".
func read(fsys fs.FS, name string) (int64, bool) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil || n <= 0 || n >= unlimited {
		return 0, false
	}
	return n, true
}

func hasOption(list, opt string) bool {
	for o := range strings.SplitSeq(list, ",") {
		if o == opt {
			return true
		}
	}
	return false
}

// unescape undoes mountinfo's octal escapes of spaces, tabs, newlines and
// backslashes (\040).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
