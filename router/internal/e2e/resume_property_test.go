package e2e

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// resumeRuns is how many random schedules one run tries (each takes a
// fraction of a second through the real router and subgraph).
const resumeRuns = 15

// resumeProperty: over random schedules of joins (from random cursors, by
// SSE or WebSocket, identical operations for equal cursors), commits and
// pauses until everyone is caught up, every subscriber receives exactly
// the events after its cursor, in order, whichever subscription group the
// router put it in.
//
// A schedule is 10 steps, each an int in [0, 11]: 0-7 joins from base
// cursor s%4 over transport s/4 (SSE, WebSocket), 8-9 commits s-7 events,
// 10-11 waits until every subscriber has every event so far (so the next
// joiner finds the groups mid-stream). Each schedule's base cursors are
// the log's head and the three events committed after it. A join returns
// once the router has the client in a group, so its place among the
// commits is the schedule's.
func resumeProperty(t *testing.T, c *catalog) {
	props := gopter.NewProperties(resumeParams(t))
	props.Property("every subscriber receives exactly the events after its cursor", prop.ForAll(
		func(steps []int) string { return resumeSchedule(t, c, steps) },
		gen.SliceOfN(10, gen.IntRange(0, 11)),
	))
	props.TestingRun(t)
}

// resumeParams seeds the run from NEXUS_PROP_SEED when set (to replay a
// schedule), else from the clock, and logs the seed.
func resumeParams(t *testing.T) *gopter.TestParameters {
	t.Helper()
	s := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		var err error
		if s, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("NEXUS_PROP_SEED=%q: %v", v, err)
		}
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run '%s' ./internal/e2e)", s, s, t.Name())
	params := gopter.DefaultTestParameters()
	params.SetSeed(s)
	params.MinSuccessfulTests = resumeRuns
	// A failing schedule through the real stack (each waits up to
	// eventWait for what never comes) is shrunk a little, not for minutes.
	params.MaxShrinkCount = 5
	return params
}

// resumeSchedule runs one schedule and returns "" or what went wrong.
func resumeSchedule(t *testing.T, c *catalog, steps []int) string {
	// log[i] is the i-th cursor from the schedule's head on; the base
	// cursors are log[0..3].
	log := append([]string{c.head()}, c.commit(3)...)
	type joined struct {
		s    *eventStream
		from int
		how  string
	}
	var subs []joined
	defer func() {
		for _, j := range subs {
			j.s.close()
		}
		c.members(1)
	}()
	for _, st := range steps {
		switch {
		case st < 8:
			tr := transports[st/4]
			from := st % 4
			subs = append(subs, joined{tr.open(t, c.env, resumeQuery(log[from])), from, tr.name})
			c.members(1 + len(subs))
		case st < 10:
			log = append(log, c.commit(st-7)...)
		default:
			for i, j := range subs {
				if j.from == len(log)-1 {
					continue // nothing after its cursor yet
				}
				if _, err := j.s.until(c.bounded(), log[len(log)-1]); err != nil {
					return fmt.Sprintf("subscriber %d (%s after %s), steps %v: %v", i, j.how, log[j.from], steps, err)
				}
			}
		}
	}
	log = append(log, c.commit(1)...)
	for i, j := range subs {
		want := log[j.from+1:]
		got, err := j.s.until(c.bounded(), log[len(log)-1])
		if err != nil || !slices.Equal(got, want) {
			return fmt.Sprintf("subscriber %d (%s after %s), steps %v: got %v (%v), want %v", i, j.how, log[j.from], steps, got, err, want)
		}
	}
	return ""
}
