package cgroupmem

import (
	"testing"
	"testing/fstest"
)

// Mount tables and group files as seen on real systems.
const (
	mountsV2 = "24 1 0:22 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n"
	// A hybrid system (this machine's): v1 controllers, an empty v2 tree.
	mountsHybrid = "26 25 0:24 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n" +
		"30 25 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n" +
		"33 25 0:31 / /sys/fs/cgroup/memory rw,relatime shared:9 - cgroup cgroup rw,memory\n"
	// Docker on cgroup v1 without a cgroup namespace: the container's group
	// is mounted as the root of the hierarchy.
	mountsDockerV1 = "700 690 0:31 /docker/c0ffee /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory\n"
)

func TestLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		name  string
		files map[string]string
		want  int64 // 0: no limit
	}{
		{"v2, the group's own limit", map[string]string{
			"proc/self/mountinfo": mountsV2,
			"proc/self/cgroup":    "0::/system.slice/build.service\n",
			"sys/fs/cgroup/system.slice/build.service/memory.max": "268435456\n",
			"sys/fs/cgroup/system.slice/memory.max":               "max\n",
		}, 256 * mib},
		{"v2, a parent's lower limit", map[string]string{
			"proc/self/mountinfo": mountsV2,
			"proc/self/cgroup":    "0::/system.slice/build.service\n",
			"sys/fs/cgroup/system.slice/build.service/memory.max": "max\n",
			"sys/fs/cgroup/system.slice/memory.max":               "134217728\n",
		}, 128 * mib},
		{"v2 in a container: its group is the mount's root", map[string]string{
			"proc/self/mountinfo":      mountsV2,
			"proc/self/cgroup":         "0::/\n",
			"sys/fs/cgroup/memory.max": "536870912\n",
		}, 512 * mib},
		{"v2, no limit anywhere", map[string]string{
			"proc/self/mountinfo":                 mountsV2,
			"proc/self/cgroup":                    "0::/user.slice\n",
			"sys/fs/cgroup/user.slice/memory.max": "max\n",
		}, 0},
		{"hybrid, v1 memory limit", map[string]string{
			"proc/self/mountinfo": mountsHybrid,
			"proc/self/cgroup":    "9:name=systemd:/\n4:memory:/process_api/a51d\n1:cpu:/\n0::/\n",
			"sys/fs/cgroup/memory/process_api/a51d/memory.limit_in_bytes": "201326592\n",
			"sys/fs/cgroup/memory/process_api/memory.limit_in_bytes":      "9223372036854771712\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes":                  "9223372036854771712\n",
		}, 192 * mib},
		{"hybrid, v1 without a limit", map[string]string{
			"proc/self/mountinfo": mountsHybrid,
			"proc/self/cgroup":    "4:memory:/process_api/a51d\n0::/\n",
			"sys/fs/cgroup/memory/process_api/a51d/memory.limit_in_bytes": "9223372036854771712\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes":                  "9223372036854771712\n",
		}, 0},
		{"docker on v1: the group's path is the mount's root", map[string]string{
			"proc/self/mountinfo":                        mountsDockerV1,
			"proc/self/cgroup":                           "12:memory:/docker/c0ffee\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes": "1073741824\n",
		}, 1024 * mib},
		{"docker on v1: a group of a similar name is not under the mount", map[string]string{
			"proc/self/mountinfo":                          mountsDockerV1,
			"proc/self/cgroup":                             "12:memory:/docker/c0ffee2\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes":   "1073741824\n",
			"sys/fs/cgroup/memory/2/memory.limit_in_bytes": "1\n",
		}, 1024 * mib},
		{"a mount point with a space in it", map[string]string{
			"proc/self/mountinfo":          "24 1 0:22 / /run/my\\040cgroup rw - cgroup2 cgroup2 rw\n",
			"proc/self/cgroup":             "0::/job\n",
			"run/my cgroup/job/memory.max": "67108864\n",
		}, 64 * mib},
		{"no cgroup file system", map[string]string{
			"proc/self/mountinfo": "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n",
			"proc/self/cgroup":    "0::/\n",
		}, 0},
		{"no /proc", map[string]string{}, 0},
		{"garbage", map[string]string{
			"proc/self/mountinfo":      mountsV2 + "garbage\n - \n",
			"proc/self/cgroup":         "nonsense\n0::/\n",
			"sys/fs/cgroup/memory.max": "lots\n",
		}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range c.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			have, ok := limit(fsys)
			if ok != (c.want != 0) || have != c.want {
				t.Errorf("limit = %d, %v; want %d, %v", have, ok, c.want, c.want != 0)
			}
		})
	}
}
