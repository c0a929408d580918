package events

import (
	"context"
	"strings"
	"testing"
)

func TestFromEnv(t *testing.T) {
	db, dsn := testDB(t)
	createSchema(t, db, "shop")
	ctx := context.Background()
	env := func(kv ...string) func(string) (string, bool) {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	for _, c := range []struct {
		name    string
		lookup  func(string) (string, bool)
		errPart string // "" = success
		want    string // the bus type
	}{
		{"default", env(), "", "*events.PGBus"},
		{"postgres", env("NEXUS_BUS", "postgres", "NEXUS_BUS_RETENTION", "1h", "NEXUS_BUS_MAX_EVENTS", "10"), "", "*events.PGBus"},
		{"unknown kind", env("NEXUS_BUS", "kafka"), `NEXUS_BUS="kafka": want postgres or nats`, ""},
		{"nats without url", env("NEXUS_BUS", "nats"), "NATS_URL is not set", ""},
		{"bad retention", env("NEXUS_BUS_RETENTION", "a week"), `NEXUS_BUS_RETENTION="a week"`, ""},
		{"negative retention", env("NEXUS_BUS_RETENTION", "-1h"), `NEXUS_BUS_RETENTION="-1h"`, ""},
		{"bad max", env("NEXUS_BUS_MAX_EVENTS", "many"), `NEXUS_BUS_MAX_EVENTS="many"`, ""},
		{"nats unreachable", env("NEXUS_BUS", "nats", "NATS_URL", "nats://127.0.0.1:1"), "NEXUS_BUS=nats (NATS_URL=nats://127.0.0.1:1)", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := FromEnv(ctx, db, dsn, "shop", c.lookup)
			if c.errPart != "" {
				if err == nil || !strings.Contains(err.Error(), c.errPart) {
					t.Fatalf("FromEnv = %v, want an error containing %q", err, c.errPart)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if got := typeName(b); got != c.want {
				t.Fatalf("FromEnv built %s, want %s", got, c.want)
			}
		})
	}
	t.Run("nats", func(t *testing.T) {
		srv := startNATS(t)
		b, err := FromEnv(ctx, db, dsn, "shop", env("NEXUS_BUS", "nats", "NATS_URL", srv.URL, "NEXUS_BUS_RETENTION", "2h"))
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		nb, ok := b.(*NATSBus)
		if !ok || nb.o.Stream != "nexus_shop" || nb.o.Subject != "nexus.shop.events" || nb.o.Retention.Hours() != 2 {
			t.Fatalf("FromEnv built %s with %+v", typeName(b), nb.o)
		}
	})
}

func typeName(b Bus) string {
	switch b.(type) {
	case *PGBus:
		return "*events.PGBus"
	case *NATSBus:
		return "*events.NATSBus"
	}
	return "?"
}
