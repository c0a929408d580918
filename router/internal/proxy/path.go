package proxy

import (
	"net/http"
	"strings"
)

// maxPathBytes bounds a proxied path; file names are short.
const maxPathBytes = 512

// checkPath decides whether a request path may be sent upstream. Only
// plain paths pass: letters, digits and -._~/ with no escapes, no empty,
// "." or ".." segment and no trailing slash (no directory listings). A
// path with other characters or escapes is a 400; one that tries to leave
// the prefix or name a directory is a 404, as a file that does not exist.
func checkPath(r *http.Request, prefix string) (string, int) {
	p := r.URL.Path
	if r.URL.RawPath != "" || len(p) > maxPathBytes || strings.ContainsRune(r.RequestURI, '%') {
		return "", http.StatusBadRequest
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.', c == '_', c == '~', c == '/':
		default:
			return "", http.StatusBadRequest
		}
	}
	rest, ok := strings.CutPrefix(p, prefix)
	if !ok || rest == "" {
		return "", http.StatusNotFound
	}
	for _, seg := range strings.Split(rest, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", http.StatusNotFound
		}
	}
	return p, 0
}
