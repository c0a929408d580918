package gateway

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

// A subscription's fetches carry a signature no older than Fresh: the
// headers builder signs again once it has passed, keeps its hash (the
// single-flight and trigger identity) meanwhile, and keeps the last
// signature when signing fails (the caller's token has expired).
func TestHeadersResignWhenStale(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	now := t0
	signed := 0
	expired := t0.Add(10 * time.Minute)
	fw := &Forwarder{
		Header: http.Header{"X-Nexus-Claims": {"sig@0"}}, SignedAt: t0, Fresh: 30 * time.Second, Key: "alice",
		Sign: func(at time.Time) (http.Header, error) {
			if at.After(expired) {
				return nil, errors.New("the caller's token has expired")
			}
			signed++
			return http.Header{"X-Nexus-Claims": {"sig@" + at.Sub(t0).String()}}, nil
		},
	}
	h := newHeaders(&ExecOptions{Principal: &Principal{Subject: "alice"}, Forward: fw})
	h.now = func() time.Time { return now }
	get := func() (string, uint64) {
		hdr, hash := h.HeadersForSubgraph("accounts")
		return hdr.Get("X-Nexus-Claims"), hash
	}

	v, hash := get()
	if v != "sig@0" || signed != 0 {
		t.Fatalf("fresh: %q after %d signings", v, signed)
	}
	now = t0.Add(29 * time.Second)
	if v, _ := get(); v != "sig@0" || signed != 0 {
		t.Fatalf("at 29s: %q after %d signings, want the first signature", v, signed)
	}
	now = t0.Add(31 * time.Second)
	if v, h2 := get(); v != "sig@31s" || signed != 1 || h2 != hash {
		t.Fatalf("at 31s: %q after %d signings, hash changed %v", v, signed, h2 != hash)
	}
	// A group's copy keeps re-signing on its own.
	g := h.withHash(7)
	g.now = func() time.Time { return now }
	now = t0.Add(70 * time.Second)
	if hdr, gh := g.HeadersForSubgraph("accounts"); hdr.Get("X-Nexus-Claims") != "sig@1m10s" || gh != 7 {
		t.Fatalf("group copy at 70s: %q hash %d", hdr.Get("X-Nexus-Claims"), gh)
	}
	now = expired.Add(time.Minute)
	if v, _ := g.HeadersForSubgraph("accounts"); v.Get("X-Nexus-Claims") != "sig@1m10s" {
		t.Fatalf("after the token expired: %q, want the last signature kept", v.Get("X-Nexus-Claims"))
	}

	// The hash follows the forwarded identity, not the signature.
	other := newHeaders(&ExecOptions{Principal: &Principal{Subject: "alice"}, Forward: &Forwarder{Header: http.Header{"X-Nexus-Claims": {"different"}}, Key: "alice"}})
	if other.hash != hash {
		t.Error("the same principal and key hash differently")
	}
	if newHeaders(&ExecOptions{Principal: &Principal{Subject: "alice"}, Forward: &Forwarder{Key: "alice/tenant-2"}}).hash == hash {
		t.Error("another forwarded identity hashes the same")
	}
	// Another token of the same caller (another expiry) never shares: a
	// shared subscription re-signs with, and ends with, its first token.
	if newHeaders(&ExecOptions{Principal: &Principal{Subject: "alice", Expires: expired}, Forward: &Forwarder{Key: "alice"}}).hash == hash {
		t.Error("a token with another expiry hashes the same")
	}
}

// The engine adds its own headers to the map HeadersForSubgraph returns,
// from parallel fetches: each call must hand out a map of its own, and the
// forwarded headers (shared by every anonymous request) must stay as
// signed. Under -race, writing to a shared map here fails the test.
func TestHeadersForSubgraphHandsOutCopies(t *testing.T) {
	shared := &Forwarder{Header: http.Header{"X-Nexus-Claims": {"anon"}}, SignedAt: time.Now(), Fresh: time.Hour, Key: "anonymous",
		Sign: func(time.Time) (http.Header, error) { return http.Header{"X-Nexus-Claims": {"anon-2"}}, nil }}
	for name, fw := range map[string]*Forwarder{"re-signing": shared, "fixed": {Header: http.Header{"X-Nexus-Claims": {"c"}}, Key: "k"}} {
		t.Run(name, func(t *testing.T) {
			a, b := newHeaders(&ExecOptions{Forward: fw}), newHeaders(&ExecOptions{Forward: fw})
			done := make(chan struct{})
			for _, h := range []*headers{a, b, a} {
				go func() {
					defer func() { done <- struct{}{} }()
					hdr, _ := h.HeadersForSubgraph("product")
					hdr.Add("Accept", "application/json")
					hdr.Set("Accept-Encoding", "gzip")
				}()
			}
			for range 3 {
				<-done
			}
			if len(fw.Header) != 1 || fw.Header.Get("Accept") != "" {
				t.Fatalf("the forwarded headers were written to: %v", fw.Header)
			}
		})
	}
}
