package revocation_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/revocation"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

type feed struct {
	srv *httptest.Server
	st  *store.Store
	now time.Time
}

func newFeed(t *testing.T) *feed {
	t.Helper()
	url := pgtest.URL(t)
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	fsys, _ := migrations.FS("auth")
	if err := migrate.Up(context.Background(), db, "auth", fsys, nil); err != nil {
		t.Fatal(err)
	}
	f := &feed{st: store.New(db), now: time.Now().UTC().Truncate(time.Second)}
	f.st.Now = func() time.Time { return f.now }
	n := revocation.NewNotifier()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- n.Run(ctx, url, nil) }()
	t.Cleanup(func() { cancel(); <-done })
	f.srv = httptest.NewServer(&revocation.Handler{Store: f.st, Notifier: n, AccessTTL: 15 * time.Minute})
	t.Cleanup(f.srv.Close)
	return f
}

func (f *feed) get(t *testing.T, query string) revocation.Response {
	t.Helper()
	resp, err := http.Get(f.srv.URL + "/revocations" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("GET %s: %d", query, resp.StatusCode)
	}
	var r revocation.Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func (f *feed) write(t *testing.T, fn func(ctx context.Context, tx *store.Tx) error) {
	t.Helper()
	if err := f.st.InTx(context.Background(), "test", func(tx *store.Tx) error { return fn(context.Background(), tx) }); err != nil {
		t.Fatal(err)
	}
}

func (f *feed) user(t *testing.T) string {
	id := uuid.NewString()
	f.write(t, func(ctx context.Context, tx *store.Tx) error {
		return tx.InsertUser(ctx, auth.User{ID: id, Email: id + "@example.com", FirstName: "A", LastName: "B", Role: auth.RoleCustomer}, "x")
	})
	return id
}

func TestFeed(t *testing.T) {
	f := newFeed(t)
	yes, no := true, false
	if r := f.get(t, ""); r.Cursor != "0" || !r.Reset || len(r.Revocations) != 0 {
		t.Fatalf("empty feed %+v", r)
	}
	old, disabled, session := f.user(t), f.user(t), uuid.NewString()
	f.write(t, func(ctx context.Context, tx *store.Tx) error {
		return tx.InsertRevocation(ctx, store.Revocation{Subject: old})
	})
	f.now = f.now.Add(time.Hour) // the first entry can no longer refuse a live token
	f.write(t, func(ctx context.Context, tx *store.Tx) error {
		if _, err := tx.UpdateUser(ctx, disabled, store.UserPatch{Disabled: &yes}); err != nil {
			return err
		}
		return tx.InsertRevocation(ctx, store.Revocation{Subject: disabled, Disabled: &yes})
	})
	f.write(t, func(ctx context.Context, tx *store.Tx) error {
		return tx.InsertRevocation(ctx, store.Revocation{SessionID: session})
	})

	full := f.get(t, "?after=0")
	want := []revocation.Entry{{Sub: disabled, Before: f.now.Unix(), Disabled: &yes}, {SID: session, Before: f.now.Unix()}}
	if full.Cursor != "3" || !full.Reset || !same(full.Revocations, want) {
		t.Fatalf("full state %+v", full)
	}
	if r := f.get(t, "?after=1"); r.Cursor != "3" || r.Reset || len(r.Revocations) != 2 || r.Revocations[0].Sub != disabled || r.Revocations[1].SID != session {
		t.Fatalf("after 1: %+v", r)
	}
	if r := f.get(t, "?after=3&wait=0"); r.Cursor != "3" || len(r.Revocations) != 0 {
		t.Fatalf("nothing new: %+v", r)
	}
	if r := f.get(t, "?after=99"); !r.Reset || r.Cursor != "3" {
		t.Fatalf("a cursor ahead of the feed: %+v", r)
	}

	// A long poll returns as soon as an entry commits.
	got := make(chan revocation.Response, 1)
	go func() { got <- f.get(t, "?after=3&wait=30") }()
	f.write(t, func(ctx context.Context, tx *store.Tx) error {
		return tx.InsertRevocation(ctx, store.Revocation{Subject: disabled, Disabled: &no})
	})
	select {
	case r := <-got:
		if r.Cursor != "4" || len(r.Revocations) != 1 || r.Revocations[0].Disabled == nil || *r.Revocations[0].Disabled {
			t.Fatalf("long poll %+v", r)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the long poll did not return after a commit")
	}

	for _, q := range []string{"?after=x", "?after=-1", "?wait=31", "?wait=z"} {
		resp, err := http.Get(f.srv.URL + "/revocations" + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 400", q, resp.StatusCode)
		}
	}
}

func same(a, b []revocation.Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Sub != b[i].Sub || a[i].SID != b[i].SID || a[i].Before != b[i].Before || (a[i].Disabled == nil) != (b[i].Disabled == nil) ||
			(a[i].Disabled != nil && *a[i].Disabled != *b[i].Disabled) {
			return false
		}
	}
	return true
}
