package wgcoracle

import (
	"slices"
	"testing"
)

// allowance is one fact on which our composer and Cosmo's legitimately
// disagree for one corpus set, with the reason. Side is "ours" or "wgc":
// which side has the fact the other lacks.
type allowance struct {
	Side, Fact, Reason string
}

// allowlist is keyed by corpus set. Every entry names the exact fact; there
// is no blanket skip. An entry that no longer matches a difference fails
// the test, so the list shrinks when either side is fixed.
var allowlist = map[string][]allowance{}

// allowed removes allow-listed facts from the differences and reports
// allow-list entries that matched nothing.
func allowed(t *testing.T, set string, onlyOurs, onlyWgc []string) ([]string, []string) {
	t.Helper()
	for _, a := range allowlist[set] {
		list := &onlyOurs
		if a.Side == "wgc" {
			list = &onlyWgc
		}
		i := slices.Index(*list, a.Fact)
		if i < 0 {
			t.Errorf("stale allow-list entry (%s side) %q: the difference no longer occurs (%s)", a.Side, a.Fact, a.Reason)
			continue
		}
		*list = slices.Delete(*list, i, i+1)
	}
	return onlyOurs, onlyWgc
}
