package graph

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// CookieConfig describes the session cookie (docs/auth.md): Path=/graphql,
// HttpOnly, SameSite=Strict, Max-Age the family's remaining lifetime,
// Secure when the storefront is served over https.
type CookieConfig struct {
	// Name is the cookie name (AUTH_COOKIE_NAME, default nexus_session).
	Name string
	// Secure adds the Secure attribute (AUTH_COOKIE_SECURE).
	Secure bool
}

// DefaultCookieName is the contract's cookie name.
const DefaultCookieName = "nexus_session"

// exchange is one HTTP request's cookie plumbing, carried in the context
// from the transport to the resolvers: the request's cookies, the client
// address and a sink for response headers.
type exchange struct {
	req     *http.Request
	address string
	mu      sync.Mutex
	header  http.Header
}

type exchangeKey struct{}

// withExchange puts the request's exchange into its context.
func withExchange(w http.ResponseWriter, r *http.Request) *http.Request {
	x := &exchange{req: r, address: ClientAddress(r), header: w.Header()}
	return r.WithContext(context.WithValue(r.Context(), exchangeKey{}, x))
}

func exchangeFrom(ctx context.Context) *exchange {
	x, _ := ctx.Value(exchangeKey{}).(*exchange)
	return x
}

// ClientAddress is the first X-Forwarded-For value (set by the router
// from the connection it accepted), else the connection's own address.
func ClientAddress(r *http.Request) string {
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		first, _, _ := strings.Cut(xff, ",")
		if a := strings.TrimSpace(first); a != "" {
			return a
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// readCookie returns the value of cookie name of the request in ctx ("" when absent).
func readCookie(ctx context.Context, name string) string {
	x := exchangeFrom(ctx)
	if x == nil {
		return ""
	}
	c, err := x.req.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

// setCookie adds a Set-Cookie header to the response of the request in ctx.
func setCookie(ctx context.Context, c *http.Cookie) {
	x := exchangeFrom(ctx)
	if x == nil {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.header.Add("Set-Cookie", c.String())
	x.header.Set("Cache-Control", "no-store")
}

// sessionCookie is the cookie carrying refresh token tok until expires.
func (c CookieConfig) sessionCookie(tok string, expires, now time.Time) *http.Cookie {
	return &http.Cookie{
		Name: c.Name, Value: tok, Path: "/graphql", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: c.Secure, MaxAge: max(int(expires.Sub(now)/time.Second), 1),
	}
}

// clearCookie deletes the session cookie (Max-Age=0).
func (c CookieConfig) clearCookie() *http.Cookie {
	return &http.Cookie{Name: c.Name, Value: "", Path: "/graphql", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: c.Secure, MaxAge: -1}
}

// Transports are gqlgen's POST and GET transports with the exchange in the
// request context, so resolvers read the session cookie and set
// Set-Cookie. The server tries them before its own defaults.
func Transports() []graphql.Transport {
	return []graphql.Transport{exchanging{transport.POST{}}, exchanging{transport.GET{}}}
}

type exchanging struct{ graphql.Transport }

// Do serves the request with its exchange in the context.
func (e exchanging) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	e.Transport.Do(w, withExchange(w, r), exec)
}
