package site

import "hash/maphash"

// seed keys the hashes that decide, between the builds of one process,
// whether a file or a page changed. They are never written anywhere.
var seed = maphash.MakeSeed()

func hashBytes(b []byte) uint64 { return maphash.Bytes(seed, b) }

func hashString(s string) uint64 { return maphash.String(seed, s) }

// hasher accumulates a signature from strings and numbers.
type hasher struct{ h maphash.Hash }

func newHasher() *hasher {
	h := &hasher{}
	h.h.SetSeed(seed)
	return h
}

func (h *hasher) str(s string) *hasher {
	h.h.WriteString(s)
	h.h.WriteByte(0)
	return h
}

func (h *hasher) num(n uint64) *hasher {
	var b [8]byte
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	h.h.Write(b[:])
	return h
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }
