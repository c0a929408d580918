package auth

import (
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// anonymousKey is the Forwarder key of every anonymous request: they all
// forward the same thing, so they share single-flight fetches and
// subscriptions with each other and never with a signed-in caller.
const anonymousKey = "anonymous"

// anonymous hands out the Forwarder of requests without a caller: the
// router's anonymous signature (kitauth.SignAnonymous), which production
// subgraphs require on every request. All anonymous requests share one
// signature, signed again once it is kitauth.TTL/2 old, so the hot path is
// an atomic load and a clock read — never an HMAC per request.
type anonymous struct {
	secret []byte
	now    func() time.Time
	cur    atomic.Pointer[gateway.Forwarder]
	mu     sync.Mutex // one signer at a time when the signature ages
}

func newAnonymous(secret []byte) (*anonymous, error) {
	a := &anonymous{secret: secret, now: time.Now}
	if _, err := a.sign(a.now()); err != nil {
		return nil, err
	}
	return a, nil
}

// forwarder returns the current shared Forwarder, re-signing it when it
// has aged past Fresh. Forwarders are never mutated once published.
func (a *anonymous) forwarder() *gateway.Forwarder {
	fw := a.cur.Load()
	now := a.now()
	if now.Sub(fw.SignedAt) < fw.Fresh {
		return fw
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if fw = a.cur.Load(); now.Sub(fw.SignedAt) < fw.Fresh {
		return fw // another request signed it meanwhile
	}
	if fresh, err := a.sign(now); err == nil {
		return fresh
	}
	// Cannot happen with a secret that signed once; keep the last one.
	return fw
}

// sign publishes a Forwarder signed at now.
func (a *anonymous) sign(now time.Time) (*gateway.Forwarder, error) {
	v, err := kitauth.SignAnonymous(a.secret, now)
	if err != nil {
		return nil, err
	}
	fw := &gateway.Forwarder{
		Header:   http.Header{kitauth.HeaderName: {v}},
		SignedAt: now,
		Fresh:    kitauth.TTL / 2,
		Sign:     a.headerAt,
		Key:      anonymousKey,
	}
	a.cur.Store(fw)
	return fw, nil
}

// headerAt is the Forwarder's Sign for long-running operations (a
// subscription's entity fetches): the shared signature when it is still
// fresh at at, else a new one.
func (a *anonymous) headerAt(at time.Time) (http.Header, error) {
	if fw := a.cur.Load(); at.Sub(fw.SignedAt) < fw.Fresh && !at.Before(fw.SignedAt) {
		return fw.Header, nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	fw, err := a.sign(at)
	if err != nil {
		return nil, err
	}
	return fw.Header, nil
}
