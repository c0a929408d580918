package subscriptions

import "slices"

// Tally is what one resuming client received, checked against the event
// log: the events committed after its starting cursor, each exactly once,
// in log order. Lost, Duplicated, OutOfOrder and Unknown must all be 0.
type Tally struct {
	// Expected is how many events the log holds after the starting cursor
	// (summed over clients: deliveries owed).
	Expected int64
	// Delivered counts the expected events received at least once.
	Delivered int64
	// Lost counts the expected events never received.
	Lost int64
	// Duplicated counts deliveries of an event already received.
	Duplicated int64
	// OutOfOrder counts first deliveries of an event that came after a
	// later event of the log.
	OutOfOrder int64
	// Unknown counts deliveries of an event the log does not hold after
	// the starting cursor (before it, or never committed).
	Unknown int64
}

// Count checks got, a client's deliveries in arrival order (event log
// sequence numbers), against expected, the log's sequence numbers after
// the client's starting cursor in ascending order. first, when set, is
// called with the index in got of every first delivery of an expected
// event (the samples latency is measured on).
func Count(expected, got []int64, first func(i int)) Tally {
	t := Tally{Expected: int64(len(expected))}
	seen := make([]bool, len(expected))
	highest := -1 // index in expected of the latest event received so far
	for i, seq := range got {
		at, ok := slices.BinarySearch(expected, seq)
		switch {
		case !ok:
			t.Unknown++
			continue
		case seen[at]:
			t.Duplicated++
			continue
		}
		seen[at] = true
		t.Delivered++
		if at < highest {
			t.OutOfOrder++
		}
		highest = max(highest, at)
		if first != nil {
			first(i)
		}
	}
	t.Lost = t.Expected - t.Delivered
	return t
}

// Add sums u into t (a round's total over its clients).
func (t *Tally) Add(u Tally) {
	t.Expected += u.Expected
	t.Delivered += u.Delivered
	t.Lost += u.Lost
	t.Duplicated += u.Duplicated
	t.OutOfOrder += u.OutOfOrder
	t.Unknown += u.Unknown
}

// Clean reports whether nothing was lost, duplicated, reordered or
// invented.
func (t Tally) Clean() bool {
	return t.Lost == 0 && t.Duplicated == 0 && t.OutOfOrder == 0 && t.Unknown == 0
}
