package gctune

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	const mib = 1 << 20
	cases := []struct {
		live, headroom uint64
		want           int
	}{
		{14 * mib, 40 * mib, 286},       // the benchmark router: 14 MiB live
		{40 * mib, 40 * mib, 100},       // live = headroom: Go's default
		{400 * mib, 40 * mib, 100},      // many subscriptions: never below 100
		{1 * mib, 40 * mib, MaxPercent}, // near-empty heap: capped
		{0, 40 * mib, MaxPercent},
		{14 * mib, 0, 100}, // off
	}
	for _, c := range cases {
		if got := Percent(c.live, c.headroom); got != c.want {
			t.Errorf("Percent(%d MiB live, %d MiB headroom) = %d, want %d", c.live/mib, c.headroom/mib, got, c.want)
		}
	}
}

// After a collection the tuner has raised the percentage for this test
// binary's small heap, and Stop puts Go's default back.
func TestTunerFollowsCollections(t *testing.T) {
	t.Setenv("GOGC", "") // Start refuses to override an operator's GOGC
	tu := Start(40 << 20)
	if tu == nil {
		t.Fatal("Start returned nil with GOGC unset")
	}
	defer tu.Stop()
	deadline := time.Now().Add(10 * time.Second)
	for tu.Percent() <= 100 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if tu.Percent() <= 100 {
		t.Fatalf("percent = %d after collections of a small heap, want > 100", tu.Percent())
	}
	// The runtime holds what the tuner set (SetGCPercent returns the old value).
	if got := debug.SetGCPercent(tu.Percent()); got != tu.Percent() {
		t.Errorf("runtime GC percent = %d, tuner says %d", got, tu.Percent())
	}
	tu.Stop()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after Stop the runtime GC percent = %d, want 100", got)
	}
}

func TestOperatorGOGCWins(t *testing.T) {
	t.Setenv("GOGC", "150")
	if tu := Start(40 << 20); tu != nil {
		tu.Stop()
		t.Fatal("Start tuned although GOGC is set")
	}
	if tu := Start(0); tu != nil {
		t.Fatal("Start tuned with zero headroom")
	}
}
