package gateway

import (
	"errors"
	"sync"
	"sync/atomic"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// subscriber is one client's subscription. Its writer is called under mu, so
// stop can promise no call after it returns.
type subscriber struct {
	// g is the gateway the subscription is counted on (under mu: a
	// handoff moves it, see group.migrate).
	g *Gateway
	// grp is the subscriber's group: set in join, moved by merge (under
	// both groups' locks).
	grp atomic.Pointer[group]
	w   SubscriptionWriter
	// kind and requestID label a panic of w (recovery kinds).
	kind, requestID string

	mu   sync.Mutex
	done bool
	// paced is what w was last told by Paced (told: at all), under mu.
	paced, told bool
}

// next hands one result to the client.
func (m *subscriber) next(p []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.send(p)
}

// nextPaced is next for a group's result; paced is whether the group
// handing it out paces its members (a replay) or not (live): a member a
// merge moved from a replaying group into a live one is told before this
// result.
func (m *subscriber) nextPaced(p []byte, paced bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return errMemberGone
	}
	m.pace(paced)
	return m.send(p)
}

// send calls the writer's Next (mu held).
func (m *subscriber) send(p []byte) error {
	if m.done {
		return errMemberGone
	}
	if err := m.guarded(func() error { return m.w.Next(p) }); err != nil {
		m.done = true
		if errors.Is(err, recovery.ErrPanic) {
			_ = m.guarded(func() error { m.w.Error(internalPayload); return nil })
		}
		m.g.subscribeEnd()
		return err
	}
	return nil
}

func (m *subscriber) complete() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return
	}
	m.done = true
	_ = m.guarded(func() error { m.w.Complete(); return nil })
	m.g.subscribeEnd()
}

func (m *subscriber) error(p []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return
	}
	m.done = true
	_ = m.guarded(func() error { m.w.Error(p); return nil })
	m.g.subscribeEnd()
}

// guarded calls the client's writer: a panic there ends this subscriber
// alone (logged and counted under m.kind) and comes back as an error
// wrapping recovery.ErrPanic.
func (m *subscriber) guarded(call func() error) (err error) {
	defer recovery.Guard(m.g.opts.Log, m.g.opts.Metrics, m.kind, m.requestID, func(perr error) { err = perr })
	return call()
}

// stop ends the subscriber at the client's request; the writer is not called
// after it returns.
func (m *subscriber) stop() {
	m.mu.Lock()
	if m.done {
		m.mu.Unlock()
		return
	}
	m.done = true
	g := m.g
	m.mu.Unlock()
	if grp := m.grp.Load(); grp != nil {
		grp.leave(m)
	}
	g.subscribeEnd()
}

// pace tells a PacedWriter whether its stream is paced, when it was not
// told so yet (mu held, so it falls between two Nexts).
func (m *subscriber) pace(paced bool) {
	if m.told && m.paced == paced {
		return
	}
	m.told, m.paced = true, paced
	if pw, ok := m.w.(PacedWriter); ok {
		_ = m.guarded(func() error { pw.Paced(paced); return nil })
	}
}
