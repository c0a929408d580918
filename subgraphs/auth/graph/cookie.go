package graph

// CookieConfig describes the session cookie.
type CookieConfig struct {
	Name   string
	Secure bool
}
