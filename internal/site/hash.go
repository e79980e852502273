package site

import (
	"hash/maphash"
	"math/bits"
)

// seed keys the hashes that decide, between the builds of one process,
// whether a file or a page changed. They are never written anywhere.
var seed = maphash.MakeSeed()

func hashBytes(b []byte) uint64 { return maphash.Bytes(seed, b) }

func hashString(s string) uint64 { return maphash.String(seed, s) }

// hasher accumulates a signature from strings and numbers: each string is
// hashed on its own (maphash.String copies nothing) and folded into the
// state, which is cheaper than streaming every byte through a maphash.Hash
// for the tens of thousands of signatures an incremental build computes.
type hasher struct{ state uint64 }

func newHasher() *hasher { return &hasher{state: 0x243f6a8885a308d3} }

func (h *hasher) str(s string) *hasher { return h.num(maphash.String(seed, s)) }

func (h *hasher) num(n uint64) *hasher {
	h.state = bits.RotateLeft64((h.state^n)*0x9e3779b97f4a7c15, 31) + 0x7f4a7c159e3779b9
	return h
}

func (h *hasher) sum() uint64 { return h.state }
