package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/jmoiron/sqlx"
)

// readyTimeout keeps /readyz fast when the database hangs: a load balancer
// probing it must get an answer before its own timeout.
const readyTimeout = 2 * time.Second

// readiness is the JSON body of /readyz.
type readiness struct {
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// healthz says the process is alive and serving HTTP; it checks nothing
// else, so a database outage never gets a healthy process restarted.
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok"))
}

// readyz says whether the service can do its work (its database answers),
// so load balancers route around a replica that cannot.
func readyz(db *sqlx.DB, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if db != nil {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			defer cancel()
			if err := db.PingContext(ctx); err != nil {
				log.WarnContext(ctx, "not ready: database does not answer", "err", err, "request_id", RequestID(r.Context()))
				w.WriteHeader(http.StatusServiceUnavailable)
				_ = json.NewEncoder(w).Encode(readiness{Status: "unavailable", Reason: "database does not answer"})
				return
			}
		}
		_ = json.NewEncoder(w).Encode(readiness{Status: "ready"})
	})
}
