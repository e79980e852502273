package corpus

// rng is SplitMix64: tiny, fast, and defined here so that the corpus stays
// byte-identical across Go releases (math/rand's streams may change).
type rng struct{ s uint64 }

// newRNG seeds a stream from a few integers: the corpus size, an article
// index and a stream number. Distinct inputs give unrelated streams.
func newRNG(parts ...int) *rng {
	r := &rng{s: 0x7461637420636f72} // "tact cor"
	for _, p := range parts {
		r.s ^= uint64(p)
		r.s = r.next()
	}
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// intn returns a number in [0, n). The modulo bias is irrelevant here.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// pick returns a random element of list.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }

// distinct returns k distinct numbers from [lo, hi), in random order.
func (r *rng) distinct(k, lo, hi int) []int {
	out := make([]int, 0, k)
	for len(out) < k && len(out) < hi-lo {
		v := lo + r.intn(hi-lo)
		dup := false
		for _, o := range out {
			dup = dup || o == v
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}
