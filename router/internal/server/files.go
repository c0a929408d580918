package server

import (
	"net/http"
	"strings"
)

// files routes requests under one of Options.Files' prefixes to its
// handler before the mux sees them: the mux would answer a path with dot
// segments or doubled slashes with a redirect to its cleaned form, and the
// proxy must refuse such paths itself (400 or 404), never follow them.
func (s *Server) files(next http.Handler) http.Handler {
	if len(s.opts.Files) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for prefix, h := range s.opts.Files {
			if strings.HasPrefix(r.URL.Path, prefix) {
				h.ServeHTTP(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
