package subscriptions

import (
	"slices"
	"testing"
)

// TestCount pins how a resuming client's deliveries are judged against the
// event log: the storms fail on any lost, duplicated, out-of-order or
// unknown delivery, so each must be counted once and only when it happened.
func TestCount(t *testing.T) {
	log := []int64{11, 12, 13, 14, 15}
	for _, tc := range []struct {
		name  string
		got   []int64
		want  Tally
		first []int // indexes into got of the first deliveries
	}{
		{"every event once in order", []int64{11, 12, 13, 14, 15},
			Tally{Expected: 5, Delivered: 5}, []int{0, 1, 2, 3, 4}},
		{"nothing received", nil,
			Tally{Expected: 5, Lost: 5}, nil},
		{"a gap: resumed past events", []int64{11, 12, 15},
			Tally{Expected: 5, Delivered: 3, Lost: 2}, []int{0, 1, 2}},
		{"resumed from an older cursor: a replayed tail", []int64{11, 12, 13, 12, 13, 14, 15},
			Tally{Expected: 5, Delivered: 5, Duplicated: 2}, []int{0, 1, 2, 5, 6}},
		{"two events swapped", []int64{11, 13, 12, 14, 15},
			Tally{Expected: 5, Delivered: 5, OutOfOrder: 1}, []int{0, 1, 2, 3, 4}},
		{"a late straggler counts once, not every event it jumped", []int64{12, 13, 14, 15, 11},
			Tally{Expected: 5, Delivered: 5, OutOfOrder: 1}, []int{0, 1, 2, 3, 4}},
		{"events before the starting cursor and past the head", []int64{10, 11, 12, 13, 14, 15, 16},
			Tally{Expected: 5, Delivered: 5, Unknown: 2}, []int{1, 2, 3, 4, 5}},
		{"a duplicate of an out-of-order event is a duplicate only", []int64{11, 13, 12, 12, 14, 15},
			Tally{Expected: 5, Delivered: 5, OutOfOrder: 1, Duplicated: 1}, []int{0, 1, 2, 4, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var first []int
			got := Count(log, tc.got, func(i int) { first = append(first, i) })
			if got != tc.want {
				t.Errorf("Count = %+v, want %+v", got, tc.want)
			}
			if !slices.Equal(first, tc.first) {
				t.Errorf("first deliveries at %v, want %v", first, tc.first)
			}
			if clean := tc.want.Lost+tc.want.Duplicated+tc.want.OutOfOrder+tc.want.Unknown == 0; got.Clean() != clean {
				t.Errorf("Clean() = %v, want %v", got.Clean(), clean)
			}
		})
	}
}

// TestCountEmptyLog: a client owed nothing that received nothing is clean;
// anything it received is unknown.
func TestCountEmptyLog(t *testing.T) {
	if got := Count(nil, nil, nil); got != (Tally{}) || !got.Clean() {
		t.Errorf("Count(nil, nil) = %+v", got)
	}
	if got := Count(nil, []int64{3}, nil); got != (Tally{Unknown: 1}) || got.Clean() {
		t.Errorf("Count(nil, [3]) = %+v", got)
	}
}

func TestTallyAdd(t *testing.T) {
	var sum Tally
	sum.Add(Tally{Expected: 5, Delivered: 4, Lost: 1})
	sum.Add(Tally{Expected: 5, Delivered: 5, Duplicated: 2, OutOfOrder: 1, Unknown: 3})
	want := Tally{Expected: 10, Delivered: 9, Lost: 1, Duplicated: 2, OutOfOrder: 1, Unknown: 3}
	if sum != want {
		t.Errorf("sum = %+v, want %+v", sum, want)
	}
}
