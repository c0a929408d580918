package password

import (
	"context"
	"time"
)

// Gate bounds how many argon2id computations run at once. Each one holds
// Params.Memory of RAM (19 MiB with OWASP) and a core for tens of
// milliseconds, so without a bound the service's memory and everyone's
// latency grow with an attacker's concurrency — a spray of sign-ins for
// new emails from new addresses, which no per-account or per-address
// throttle sees (docs/benchmarks.md, "Identity"). With a Gate, memory
// stays near Slots × Params.Memory and a burst waits in line; a caller
// that waits longer than Wait is refused, cheaply.
type Gate struct {
	slots chan struct{}
	wait  time.Duration
}

// NewGate admits n computations at once (at least 1) and lets a caller
// wait up to wait for a slot.
func NewGate(n int, wait time.Duration) *Gate {
	return &Gate{slots: make(chan struct{}, max(n, 1)), wait: wait}
}

// Enter takes a slot, waiting up to the gate's Wait or until ctx ends;
// ok is false when no slot came free (the caller answers "busy, try
// again"). release gives the slot back; call it exactly once. A nil Gate
// admits everyone.
func (g *Gate) Enter(ctx context.Context) (release func(), ok bool) {
	if g == nil {
		return func() {}, true
	}
	select {
	case g.slots <- struct{}{}:
		return g.leave, true
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return g.leave, true
	case <-t.C:
		return nil, false
	case <-ctx.Done():
		return nil, false
	}
}

func (g *Gate) leave() { <-g.slots }
