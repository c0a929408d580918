package gateway

import (
	"encoding/binary"
	"net/http"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// Forwarder is what a request forwards to subgraphs about its caller: the
// headers signed when it was authenticated, and how to sign them again. A
// subscription outlives the signed header's short lifetime (kitauth.TTL),
// so its entity fetches ask for a fresh signature once Fresh has passed.
type Forwarder struct {
	// Header was signed at SignedAt.
	Header   http.Header
	SignedAt time.Time
	// Fresh is how long one signature is sent (half its lifetime, so a
	// fetch never carries one about to expire). Zero: never re-signed.
	Fresh time.Duration
	// Sign signs the headers again at now; an error (the caller's own
	// token has expired) keeps the last signature, which the subgraphs
	// then refuse.
	Sign func(now time.Time) (http.Header, error)
	// Key identifies what is forwarded independent of when it was signed:
	// requests share single-flight fetches and subscriptions only when
	// their keys (and principals) are equal.
	Key string
}

// headers is the per-request SubgraphHeadersBuilder: the same forwarded
// headers for every subgraph, hashed together with the principal so that
// single-flight never shares a response between different callers. With a
// Forwarder it re-signs them when they grow old (subscriptions).
type headers struct {
	hash uint64
	fw   *Forwarder
	now  func() time.Time
	// cookies adds a Cookie header for the subgraphs it names; clientAddr
	// is sent as X-Forwarded-For (not part of the hash: requests that
	// share a fetch differ only in it, and the subgraph sees the first).
	cookies    *Cookies
	clientAddr string
	// fault receives a panic of fw.Sign (it runs on the engine's fetch
	// goroutines); nil lets it through.
	fault *fault

	mu       sync.Mutex
	h        http.Header
	signedAt time.Time
}

func newHeaders(o *ExecOptions) *headers {
	p, fw := o.Principal, o.Forward
	d := xxhash.New()
	if p != nil {
		_, _ = d.WriteString(p.Subject)
		for _, s := range p.Scopes {
			_, _ = d.Write([]byte{0})
			_, _ = d.WriteString(s)
		}
		// The token's expiry too: a shared subscription re-signs with the
		// first subscriber's token and ends with it, so callers holding
		// different tokens never share one.
		var exp [8]byte
		binary.LittleEndian.PutUint64(exp[:], uint64(p.Expires.Unix()))
		_, _ = d.Write(exp[:])
	}
	h := &headers{fw: fw, now: time.Now, cookies: o.Cookies, clientAddr: o.ClientAddr}
	if fw != nil {
		_, _ = d.Write([]byte{1})
		_, _ = d.WriteString(fw.Key)
		h.h, h.signedAt = fw.Header, fw.SignedAt
	}
	if o.Cookies.sends() {
		// Cookie values are the caller's session: never shared, not even
		// with a caller holding the same cookie (each must get its own
		// Set-Cookie).
		var seq [8]byte
		binary.LittleEndian.PutUint64(seq[:], uniqueSeq.Add(1))
		_, _ = d.Write([]byte{2})
		_, _ = d.Write(seq[:])
	}
	h.hash = d.Sum64() | 1 // never 0: 0 means "no headers"
	return h
}

// withHash is h with another hash (a subscription group's own trigger id),
// sharing nothing mutable with h.
func (h *headers) withHash(hash uint64) *headers {
	h.mu.Lock()
	defer h.mu.Unlock()
	return &headers{hash: hash, fw: h.fw, now: h.now, h: h.h, signedAt: h.signedAt, cookies: h.cookies, clientAddr: h.clientAddr}
}

// HeadersForSubgraph returns a copy per fetch: the engine adds its own
// headers to the map it gets (httpclient.makeHTTPRequest), and parallel
// fetches — of one request, or of every anonymous request sharing one
// signature — must not write to one map.
func (h *headers) HeadersForSubgraph(subgraph string) (http.Header, uint64) {
	return h.extra(subgraph, h.current()), h.hash
}

// current is a copy of the forwarded headers, signed again when they have
// grown old.
func (h *headers) current() http.Header {
	if h.fw == nil || h.fw.Sign == nil || h.fw.Fresh <= 0 {
		return h.h.Clone()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if now := h.now(); now.Sub(h.signedAt) >= h.fw.Fresh {
		if fresh, err := h.sign(now); err == nil {
			// A new map: a fetch may still be reading the old one.
			h.h, h.signedAt = fresh, now
		}
	}
	return h.h.Clone()
}

// extra adds the client's address and the subgraph's cookies to hdr (a
// copy owned by the caller).
func (h *headers) extra(subgraph string, hdr http.Header) http.Header {
	cookie := ""
	if h.cookies != nil {
		cookie = h.cookies.Send[subgraph]
	}
	if h.clientAddr == "" && cookie == "" {
		return hdr
	}
	if hdr == nil {
		hdr = make(http.Header, 2)
	}
	if h.clientAddr != "" {
		hdr.Set("X-Forwarded-For", h.clientAddr)
	}
	if cookie != "" {
		hdr.Set("Cookie", cookie)
	}
	return hdr
}

func (h *headers) HashAll() uint64 { return h.hash }

// sign calls fw.Sign; a panic there fails the execution (see fault) and
// keeps the last signature, as a signing error does.
func (h *headers) sign(now time.Time) (hdr http.Header, err error) {
	defer func() {
		if h.fault.recovered(recover()) {
			hdr, err = nil, recovery.ErrPanic
		}
	}()
	return h.fw.Sign(now)
}
