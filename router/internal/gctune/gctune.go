// Package gctune gives the router's garbage collector a floor of headroom.
//
// Go's collector runs when the heap has grown by GOGC percent of the live
// heap (100% by default). A router that serves queries has a small live
// heap (plans, caches, a few MiB of in-flight responses), so with the
// default it collects every few MiB of garbage — dozens of times a second
// under load; on the federation benchmark GOGC=300 took about a tenth off
// the router's CPU per request (docs/benchmarks.md). A router holding thousands of
// subscriptions has a large live heap, where the default is right and more
// headroom would only cost memory per subscriber.
//
// Start keeps the next-collection target at least Headroom above the live
// heap: after collections it sets the GC percentage to
// max(100, 100 × Headroom / live), at most MaxPercent (raised at most once
// a second, lowered at once). At 14 MiB live and
// 40 MiB of headroom that is 286% (a 54 MiB target); from 40 MiB live
// upwards it is Go's 100%.
// An operator's own GOGC (environment) always wins: Start then does
// nothing. GOMEMLIMIT keeps working as the hard bound it is.
package gctune

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// DefaultHeadroom is the headroom the router keeps unless configured.
const DefaultHeadroom = 40 << 20

// MaxPercent caps the percentage: with a near-empty heap the headroom
// rule alone would ask for thousands of percent, and a burst of requests
// right after a quiet spell would then grow the heap to many times what
// it needs before the next collection.
const MaxPercent = 300

// Percent is the GC percentage that keeps the next collection at least
// headroom bytes above a live heap of live bytes, never below Go's default
// of 100 and never above max (so a near-empty heap does not ask for an
// absurd ratio; headroom still bounds the target).
func Percent(live, headroom uint64) int {
	const floor, max = 100, MaxPercent
	if headroom == 0 {
		return floor
	}
	if live == 0 {
		return max
	}
	p := math.Ceil(100 * float64(headroom) / float64(live))
	switch {
	case p < floor:
		return floor
	case p > max:
		return max
	}
	return int(p)
}

// Tuner adjusts the GC percentage after each collection; see Start.
type Tuner struct {
	headroom uint64
	stopped  atomic.Bool
	percent  atomic.Int64
	changed  atomic.Int64 // UnixNano of the last change
	sample   []metrics.Sample
}

// Start begins tuning with the given headroom in bytes. It returns nil
// (and changes nothing) when headroom is 0 or the GOGC environment
// variable is set.
func Start(headroom uint64) *Tuner {
	if headroom == 0 || os.Getenv("GOGC") != "" {
		return nil
	}
	t := &Tuner{headroom: headroom, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.percent.Store(100)
	t.arm()
	return t
}

// Percent is the GC percentage last set (100 before the first collection).
func (t *Tuner) Percent() int {
	if t == nil {
		return 100
	}
	return int(t.percent.Load())
}

// Stop ends tuning and restores Go's default of 100%.
func (t *Tuner) Stop() {
	if t == nil || t.stopped.Swap(true) {
		return
	}
	debug.SetGCPercent(100)
	t.percent.Store(100)
}

// arm sets a finalizer on a fresh object: it runs after the next
// collection, adjusts, and arms again, so the tuner follows every cycle
// without a goroutine or a timer.
func (t *Tuner) arm() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		if t.stopped.Load() {
			return
		}
		t.adjust()
		t.arm()
	})
}

// adjust sets the percentage for the live heap just measured. Setting it
// stops the world, and under load the live heap swings with the requests
// in flight, so it is raised at most once a second and only by a quarter
// or more; it is lowered at once when the live heap has grown.
func (t *Tuner) adjust() {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	p := Percent(t.sample[0].Value.Uint64(), t.headroom)
	cur := int(t.percent.Load())
	now := time.Now().UnixNano()
	switch {
	case p == cur:
		return
	case p > cur && (p < cur*5/4 || now-t.changed.Load() < int64(time.Second)):
		return
	case p < cur && p > cur*3/4 && p != 100:
		return
	}
	debug.SetGCPercent(p)
	t.percent.Store(int64(p))
	t.changed.Store(now)
}
