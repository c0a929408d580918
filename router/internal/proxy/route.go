package proxy

import (
	"log/slog"
	"net/http"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

// FromConfig builds one handler per configured proxy route, keyed by its
// path prefix, for the server's mux.
func FromConfig(cfg *config.Config, log *slog.Logger) (map[string]http.Handler, error) {
	out := make(map[string]http.Handler, len(cfg.Proxy))
	for _, p := range cfg.Proxy {
		up, err := cfg.ProxyUpstream(p)
		if err != nil {
			return nil, err
		}
		out[p.Path] = New(Route{Prefix: p.Path, Upstream: up, Timeout: p.Timeout, MaxBytes: p.MaxBytes, CacheControl: p.CacheControl}, nil, log)
	}
	return out, nil
}
