package server

import (
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

// CORS answers are fixed by what the router serves: GraphQL over GET and
// POST, with the headers our clients and Apollo's send. Listing them
// instead of echoing Access-Control-Request-Headers keeps the router from
// approving headers it never meant to accept.
const (
	corsAllowMethods  = "GET, POST"
	corsAllowHeaders  = "Content-Type, Authorization, X-Request-ID, Apollo-Require-Preflight, X-Apollo-Operation-Name"
	corsExposeHeaders = "X-Request-ID"
)

// cors applies a config.CORS to every response.
type cors struct {
	any         bool     // "*" is listed
	exact       []string // lower-case origins
	suffixes    []string // from https://*.example.com: scheme "https://", suffix ".example.com"
	schemes     []string
	credentials bool
	maxAge      string
	// allowHeaders is corsAllowHeaders plus the CSRF header when cookies
	// are configured (empty: corsAllowHeaders).
	allowHeaders string
}

// newCORS compiles a validated config; nil means CORS is off.
func newCORS(c config.CORS) *cors {
	if len(c.AllowOrigins) == 0 {
		return nil
	}
	out := &cors{maxAge: strconv.Itoa(int(c.MaxAge.Seconds()))}
	for _, o := range c.AllowOrigins {
		o = strings.ToLower(o)
		switch {
		case o == "*":
			out.any = true
		case strings.Contains(o, "://*."):
			scheme, host, _ := strings.Cut(o, "://*")
			out.schemes = append(out.schemes, scheme+"://")
			out.suffixes = append(out.suffixes, host)
		default:
			out.exact = append(out.exact, o)
		}
	}
	// Validate refuses "*" with credentials; should an unvalidated config
	// get here, credentials are dropped rather than granted to every site.
	out.credentials = c.AllowCredentials && !out.any
	return out
}

// allowed reports whether a browser on origin may read responses.
func (c *cors) allowed(origin string) bool {
	if c.any {
		return true
	}
	origin = strings.ToLower(origin)
	for _, o := range c.exact {
		if o == origin {
			return true
		}
	}
	for i, suffix := range c.suffixes {
		host, ok := strings.CutPrefix(origin, c.schemes[i])
		if ok && strings.HasSuffix(host, suffix) && len(host) > len(suffix) && !strings.ContainsAny(host, "/?#@") {
			return true
		}
	}
	return false
}

// wrap answers preflights for allowed origins (204) and refuses them for
// others (403), and marks every other response from an allowed origin as
// readable by it. Requests without Origin pass through untouched apart
// from Vary, so a shared cache never hands one origin's answer to another.
func (c *cors) wrap(next http.Handler) http.Handler {
	if c == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { c.serve(w, r, next) })
}

// withCORS applies the CORS options current for each request, so a config
// reload (Reconfigure) changes the allowed origins without a restart. The
// compiled form is cached per Options value.
func (s *Server) withCORS(next http.Handler) http.Handler {
	type compiled struct {
		from *Options
		c    *cors
	}
	var last atomic.Pointer[compiled]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o := s.current()
		c := last.Load()
		if c == nil || c.from != o {
			c = &compiled{from: o, c: newCORS(o.CORS)}
			if c.c != nil && len(o.Cookies) > 0 && o.CSRFHeader != "" {
				c.c.allowHeaders = corsAllowHeaders + ", " + o.CSRFHeader
			}
			last.Store(c)
		}
		if c.c == nil {
			next.ServeHTTP(w, r)
			return
		}
		c.c.serve(w, r, next)
	})
}

// serve is one request through the CORS rules.
func (c *cors) serve(w http.ResponseWriter, r *http.Request, next http.Handler) {
	h := w.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
	if preflight {
		h.Add("Vary", "Access-Control-Request-Method")
		h.Add("Vary", "Access-Control-Request-Headers")
	}
	if origin == "" {
		next.ServeHTTP(w, r)
		return
	}
	if !c.allowed(origin) {
		if preflight {
			http.Error(w, "origin "+strconv.Quote(origin)+" is not in cors.allow_origins", http.StatusForbidden)
			return
		}
		// The request still runs (a browser without CORS approval cannot
		// read the answer); refusing it here would not stop curl anyway.
		next.ServeHTTP(w, r)
		return
	}
	if c.any {
		h.Set("Access-Control-Allow-Origin", "*")
	} else {
		h.Set("Access-Control-Allow-Origin", origin)
	}
	if c.credentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if preflight {
		h.Set("Access-Control-Allow-Methods", corsAllowMethods)
		if c.allowHeaders != "" {
			h.Set("Access-Control-Allow-Headers", c.allowHeaders)
		} else {
			h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
		}
		h.Set("Access-Control-Max-Age", c.maxAge)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
	next.ServeHTTP(w, r)
}
