package events

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestOutboxAppend(t *testing.T) {
	db, _ := testDB(t)
	createSchema(t, db, "shop")
	ctx := context.Background()
	o := Outbox{Schema: "shop"}
	count := func() (n int) {
		if err := db.Get(&n, `SELECT count(*) FROM shop.outbox`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	valid := func() Event {
		return Event{Type: "product.stock-changed", AggregateID: "p1", Payload: json.RawMessage(`{"delta":-2}`)}
	}

	t.Run("fills id and time", func(t *testing.T) {
		tx := db.MustBeginTx(ctx, nil)
		evs := []Event{valid(), valid()}
		if err := o.Append(ctx, tx, evs...); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if evs[0].ID == "" || evs[0].ID == evs[1].ID || evs[0].OccurredAt.IsZero() || evs[0].OccurredAt.Location() != time.UTC ||
			evs[0].OccurredAt.Nanosecond()%1000 != 0 {
			t.Fatalf("Append left %+v", evs[0])
		}
		var at time.Time
		if err := db.Get(&at, `SELECT occurred_at FROM shop.outbox WHERE event_id = $1`, evs[0].ID); err != nil || !at.Equal(evs[0].OccurredAt) {
			t.Fatalf("stored occurred_at %v, %v; want %v", at, err, evs[0].OccurredAt)
		}
	})

	t.Run("underscored type", func(t *testing.T) {
		tx := db.MustBeginTx(ctx, nil)
		defer tx.Rollback()
		e := valid()
		e.Type = "user.signed_in"
		if err := o.Append(ctx, tx, e); err != nil {
			t.Fatalf("user.signed_in refused: %v", err)
		}
	})

	t.Run("rolled back leaves nothing", func(t *testing.T) {
		before := count()
		tx := db.MustBeginTx(ctx, nil)
		if err := o.Append(ctx, tx, valid()); err != nil {
			t.Fatal(err)
		}
		tx.Rollback()
		if count() != before {
			t.Fatal("a rolled-back Append left a row")
		}
	})

	bad := []struct {
		name, field string
		edit        func(*Event)
	}{
		{"id", "id", func(e *Event) { e.ID = "not-a-uuid" }},
		{"type empty", "type", func(e *Event) { e.Type = "" }},
		{"type shape", "type", func(e *Event) { e.Type = "ProductCreated" }},
		{"type trailing underscore", "type", func(e *Event) { e.Type = "user.signed_" }},
		{"aggregate", "aggregateId", func(e *Event) { e.AggregateID = "" }},
		{"payload missing", "payload", func(e *Event) { e.Payload = nil }},
		{"payload array", "payload", func(e *Event) { e.Payload = json.RawMessage(`[1]`) }},
		{"payload broken", "payload", func(e *Event) { e.Payload = json.RawMessage(`{"a":`) }},
		{"cursor", "cursor", func(e *Event) { e.Cursor = "pg:1" }},
	}
	for _, c := range bad {
		t.Run("invalid "+c.name, func(t *testing.T) {
			before := count()
			tx := db.MustBeginTx(ctx, nil)
			defer tx.Rollback()
			e := valid()
			c.edit(&e)
			err := o.Append(ctx, tx, valid(), e)
			if !errors.Is(err, ErrInvalidEvent) || !strings.Contains(err.Error(), "event 1: "+c.field) {
				t.Fatalf("Append = %v, want ErrInvalidEvent naming event 1's %s", err, c.field)
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			if count() != before {
				t.Fatal("an invalid batch wrote its valid event")
			}
		})
	}
}

func TestSchemaSQL(t *testing.T) {
	for _, f := range []struct{ file, want string }{
		{"../../../migrations/product/0003_events.up.sql", SchemaSQL("product")},
		{"../../../migrations/product/0003_events.down.sql", DropSQL("product")},
	} {
		got, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != f.want {
			t.Errorf("%s differs from events.SchemaSQL/DropSQL(\"product\"); rewrite it from them", f.file)
		}
	}
	db, _ := testDB(t)
	createSchema(t, db, "order") // a reserved word: every name must be quoted
	if _, err := db.Exec(DropSQL("order")); err != nil {
		t.Fatalf("DropSQL: %v", err)
	}
	if _, err := db.Exec(SchemaSQL("order")); err != nil {
		t.Fatalf("SchemaSQL after DropSQL: %v", err)
	}
}
