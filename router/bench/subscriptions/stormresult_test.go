package subscriptions

import (
	"strings"
	"testing"
	"time"
)

// TestStormCheck: a storm fails on anything lost, duplicated, out of order
// or unknown, and on a client left behind; interruptions fail only a run
// in which nothing was killed (rate50), since under a fault they are what
// the storm measures.
func TestStormCheck(t *testing.T) {
	clean := Tally{Expected: 10, Delivered: 10}
	killed := time.Unix(1, 0)
	for _, tc := range []struct {
		name string
		res  StormResult
		want string // a part of the error; "" for none
	}{
		{"clean, nothing killed", StormResult{Tally: clean}, ""},
		{"clean with interruptions under a fault", StormResult{Tally: clean, Killed: killed, Interrupted: 3, Closes: 3}, ""},
		{"interruptions with nothing killed", StormResult{Tally: clean, Interrupted: 2, Closes: 2}, "nothing was killed, yet 2 clients"},
		{"lost", StormResult{Tally: Tally{Expected: 10, Delivered: 9, Lost: 1}, Killed: killed}, "1 lost"},
		{"duplicated", StormResult{Tally: Tally{Expected: 10, Delivered: 10, Duplicated: 4}, Killed: killed}, "4 duplicated"},
		{"out of order", StormResult{Tally: Tally{Expected: 10, Delivered: 10, OutOfOrder: 1}, Killed: killed}, "1 out-of-order"},
		{"unknown", StormResult{Tally: Tally{Expected: 10, Delivered: 10, Unknown: 2}, Killed: killed}, "2 unknown"},
		{"behind", StormResult{Tally: clean, Behind: 1, Head: 7}, "1 clients had not reached the log's head pg:7"},
		{"nothing logged", StormResult{}, "no event was logged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.res.Check()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Check() = %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Check() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
