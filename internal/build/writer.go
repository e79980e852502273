package build

import "bytes"

// freeBufs holds the buffers pages are rendered into, between pages: the
// build's one pool of buffers. It is a fixed list rather than a sync.Pool, which is
// emptied at every garbage collection: at hundreds of thousands of pages,
// buffers grown again after each collection are a good part of what a
// build allocates. A build has at most a few dozen pages in flight
// (workers, the writer's queue).
var freeBufs = make(chan *bytes.Buffer, 64)

// maxPooledBuf is the largest buffer kept for reuse. Pages are tens of
// kilobytes, but a large site's index pages can be megabytes: kept, such a
// buffer would hold that memory until the process ends.
const maxPooledBuf = 256 << 10

func getBuf() *bytes.Buffer {
	select {
	case buf := <-freeBufs:
		buf.Reset()
		return buf
	default:
		buf := new(bytes.Buffer)
		buf.Grow(32 << 10) // most pages fit: no growing through the small sizes
		return buf
	}
}

func putBuf(buf *bytes.Buffer) {
	if buf.Cap() > maxPooledBuf {
		return
	}
	select {
	case freeBufs <- buf:
	default:
	}
}

// fileWriter writes a full build's pages from one goroutine while the
// others render. Creating files in the same directories from several
// threads contends for the directory locks: on the ext4 volume of the
// benchmarks, two writers made 27,000 page directories and files three
// times slower than one. Rendering is CPU work and parallel; writing goes
// through this queue, which is short (a few pages), so rendered pages never
// pile up in memory.
type fileWriter struct {
	write func(name string, data []byte) error
	queue chan pageFile
	done  chan struct{}
	errs  []error // written by the writing goroutine, read after done
}

// pageFile is a rendered page waiting to be written: its bytes are buf's.
type pageFile struct {
	name string
	buf  *bytes.Buffer
}

func newFileWriter(write func(name string, data []byte) error) *fileWriter {
	w := &fileWriter{write: write, queue: make(chan pageFile, 16), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for f := range w.queue {
			if err := w.write(f.name, f.buf.Bytes()); err != nil {
				w.errs = append(w.errs, err)
			}
			putBuf(f.buf)
		}
	}()
	return w
}

// add queues buf's bytes as the file name; the writer owns buf from now on.
func (w *fileWriter) add(name string, buf *bytes.Buffer) { w.queue <- pageFile{name, buf} }

// close waits until every queued file is written and returns their errors.
func (w *fileWriter) close() []error {
	close(w.queue)
	<-w.done
	return w.errs
}
