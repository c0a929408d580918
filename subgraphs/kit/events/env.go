package events

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
)

// DefaultRetention is how long events are kept when NEXUS_BUS_RETENTION is
// unset: a week lets a client that was offline over a weekend resume.
const DefaultRetention = 168 * time.Hour

// FromEnv builds the bus a service uses for schema from its environment:
//
//	NEXUS_BUS            postgres (default) or nats
//	NATS_URL             required with NEXUS_BUS=nats, e.g. nats://127.0.0.1:4222
//	NEXUS_BUS_RETENTION  how long events are kept, a Go duration (default 168h; 0 keeps all)
//	NEXUS_BUS_MAX_EVENTS at most this many events kept (default 0: no limit)
//
// With nats the stream is nexus_<schema> on subject nexus.<schema>.events.
// Errors name the variable at fault. lookup is os.LookupEnv in services.
func FromEnv(ctx context.Context, db *sqlx.DB, dsn, schema string, lookup func(string) (string, bool)) (Bus, error) {
	get := func(k string) string { v, _ := lookup(k); return v }
	retention := DefaultRetention
	if v := get("NEXUS_BUS_RETENTION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return nil, fmt.Errorf("NEXUS_BUS_RETENTION=%q: want a non-negative Go duration such as 168h", v)
		}
		retention = d
	}
	var maxEvents int64
	if v := get("NEXUS_BUS_MAX_EVENTS"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("NEXUS_BUS_MAX_EVENTS=%q: want a non-negative whole number (0 = no limit)", v)
		}
		maxEvents = n
	}
	switch kind := get("NEXUS_BUS"); kind {
	case "", "postgres":
		b, err := NewPGBus(ctx, db, dsn, schema, PGOptions{Retention: retention, MaxEvents: int(maxEvents)})
		if err != nil {
			return nil, fmt.Errorf("NEXUS_BUS=postgres: %w", err)
		}
		return b, nil
	case "nats":
		url := get("NATS_URL")
		if url == "" {
			return nil, fmt.Errorf("NATS_URL is not set: NEXUS_BUS=nats needs the NATS server's URL, e.g. nats://127.0.0.1:4222")
		}
		b, err := NewNATSBus(ctx, NATSOptions{URL: url, Stream: "nexus_" + schema, Subject: "nexus." + schema + ".events",
			Retention: retention, MaxEvents: maxEvents})
		if err != nil {
			return nil, fmt.Errorf("NEXUS_BUS=nats (NATS_URL=%s): %w", url, err)
		}
		return b, nil
	default:
		return nil, fmt.Errorf("NEXUS_BUS=%q: want postgres or nats", kind)
	}
}
