package gateway

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
)

// Cookies is one GraphQL-over-HTTP request's cookie exchange with its
// subgraphs, decided by the router's cookie policy (package cookie): the
// Cookie header each subgraph gets, and the cookie names whose Set-Cookie
// each subgraph may send back to the client. Every other subgraph gets no
// cookie and every other Set-Cookie is dropped. A request carrying cookies
// never shares a subgraph fetch or a response with another request (its
// single-flight keys are unique), so a session answer reaches only the
// client whose cookie asked for it. Values are never logged.
type Cookies struct {
	// Send is the Cookie header value per subgraph name.
	Send map[string]string
	// Pass is, per subgraph name, the cookie names whose Set-Cookie from
	// that subgraph reaches the client.
	Pass map[string][]string

	mu  sync.Mutex
	set []string
}

// SetCookies returns the Set-Cookie header values collected so far, in the
// order the subgraphs answered.
func (c *Cookies) SetCookies() []string {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.set)
}

// capture keeps the Set-Cookie lines of h whose cookie names service may
// set; the rest are dropped.
func (c *Cookies) capture(service string, h http.Header) {
	names := c.Pass[service]
	if len(names) == 0 {
		return
	}
	for _, line := range h.Values("Set-Cookie") {
		sc, err := http.ParseSetCookie(line)
		if err != nil || !slices.Contains(names, sc.Name) {
			continue
		}
		c.mu.Lock()
		c.set = append(c.set, line)
		c.mu.Unlock()
	}
}

// sends reports whether any subgraph gets a cookie.
func (c *Cookies) sends() bool { return c != nil && len(c.Send) > 0 }

type cookiesKey struct{}

// withCookies returns ctx carrying c for the subgraph transport.
func withCookies(ctx context.Context, c *Cookies) context.Context {
	if c == nil {
		return ctx
	}
	return context.WithValue(ctx, cookiesKey{}, c)
}

func cookiesFrom(ctx context.Context) *Cookies {
	c, _ := ctx.Value(cookiesKey{}).(*Cookies)
	return c
}

// uniqueSeq makes the single-flight key of every request that sends a
// cookie its own.
var uniqueSeq atomic.Uint64
