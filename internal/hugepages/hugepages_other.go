//go:build !linux

package hugepages

func advise(size int) bool { return false }
