package password

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestGateBoundsConcurrency: however many callers arrive at once, no more
// than the gate's slots are inside together, and everyone gets in when
// the wait is long enough.
func TestGateBoundsConcurrency(t *testing.T) {
	g := NewGate(3, time.Minute)
	var inside, most atomic.Int32
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, ok := g.Enter(context.Background())
			if !ok {
				t.Error("refused despite a long wait")
				return
			}
			n := inside.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			_, _ = Hash("gate test password", Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 16})
			inside.Add(-1)
			release()
		}()
	}
	wg.Wait()
	if m := most.Load(); m > 3 || m < 1 {
		t.Fatalf("at most %d inside at once, want 1..3", m)
	}
}

// TestGateRefusesWhenFull: with every slot taken, a caller is refused
// after the wait, or at once when its context ends; a released slot
// admits the next one. A nil gate admits everyone.
func TestGateRefusesWhenFull(t *testing.T) {
	g := NewGate(1, 10*time.Millisecond)
	release, ok := g.Enter(context.Background())
	if !ok {
		t.Fatal("first caller refused")
	}
	if _, ok := g.Enter(context.Background()); ok {
		t.Fatal("second caller admitted while the only slot is taken")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, ok := NewGate(1, time.Hour).Enter(ctx); !ok {
		t.Fatal("a free slot must admit even a cancelled caller (it costs nothing to check)")
	}
	full := NewGate(1, time.Hour)
	r, _ := full.Enter(context.Background())
	if _, ok := full.Enter(ctx); ok {
		t.Fatal("cancelled caller admitted to a full gate")
	}
	r()
	release()
	if r2, ok := g.Enter(context.Background()); !ok {
		t.Fatal("refused after the slot was released")
	} else {
		r2()
	}
	var nilGate *Gate
	if r3, ok := nilGate.Enter(context.Background()); !ok {
		t.Fatal("nil gate refused")
	} else {
		r3()
	}
}
