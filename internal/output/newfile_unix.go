//go:build unix

package output

import (
	"io/fs"
	"syscall"
)

// writeNew creates the file name, which must not exist, and writes data to
// it. It works on the bare file descriptor: an *os.File would first try to
// register a regular file with the network poller (four fcntl calls and an
// epoll_ctl that fail), which at a few hundred thousand pages is more
// system time than creating the files.
func writeNew(name string, data []byte) error {
	fd, err := open(name)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func open(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
