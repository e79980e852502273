// Package sig hashes what the builder compares between builds of one
// process: file contents, page inputs, element ids. The hashes are keyed by
// a seed made at start-up and are never written anywhere.
package sig

import (
	"hash/maphash"
	"math/bits"
)

var seed = maphash.MakeSeed()

// Bytes hashes b.
func Bytes(b []byte) uint64 { return maphash.Bytes(seed, b) }

// String hashes s; String(s) == Bytes([]byte(s)).
func String(s string) uint64 { return maphash.String(seed, s) }

// Hasher accumulates a signature from strings and numbers: each string is
// hashed on its own (maphash.String copies nothing) and folded into the
// state, which is cheaper than streaming every byte through a maphash.Hash
// for the tens of thousands of signatures an incremental build computes.
type Hasher struct{ state uint64 }

// New returns an empty Hasher.
func New() *Hasher { return &Hasher{state: 0x243f6a8885a308d3} }

// Str adds s.
func (h *Hasher) Str(s string) *Hasher { return h.Num(maphash.String(seed, s)) }

// Num adds n.
func (h *Hasher) Num(n uint64) *Hasher {
	h.state = bits.RotateLeft64((h.state^n)*0x9e3779b97f4a7c15, 31) + 0x7f4a7c159e3779b9
	return h
}

// Sum returns the signature.
func (h *Hasher) Sum() uint64 { return h.state }
