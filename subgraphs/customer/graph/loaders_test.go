package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/migrations"
	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
	"github.com/nexus-commerce/nexus/subgraphs/customer/store"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// counting records every multi-user read of the real store.
type counting struct {
	customer.Store
	mu    sync.Mutex
	calls []string // "method id,id,..."
}

func (c *counting) record(method string, ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := slices.Clone(ids)
	slices.Sort(s)
	c.calls = append(c.calls, method+" "+strings.Join(s, ","))
}

func (c *counting) ProfilesOf(ctx context.Context, ids []string) (map[string]customer.Profile, error) {
	c.record("profiles", ids)
	return c.Store.ProfilesOf(ctx, ids)
}

func (c *counting) AddressesOf(ctx context.Context, ids []string) (map[string][]customer.Address, error) {
	c.record("addresses", ids)
	return c.Store.AddressesOf(ctx, ids)
}

// server serves the schema over c with the claims of who.
func server(t *testing.T, c *counting, who *kitauth.Claims) *client.Client {
	h := handler.New(NewSchema(&Resolver{Store: c}))
	h.AddTransport(transport.POST{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(kitauth.WithClaims(r.Context(), who)))
	}))
	t.Cleanup(srv.Close)
	return client.New(srv.Config.Handler)
}

// TestEntityBatchLoadsOncePerField: an admin's batch of three users costs
// one query per customer field, for exactly those users; a customer's
// batch mixing others reads only the customer's own rows.
func TestEntityBatchLoadsOncePerField(t *testing.T) {
	db := pgtest.New(t)
	fsys, err := migrations.FS("customer")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(t.Context(), db, "customer", fsys, nil); err != nil {
		t.Fatal(err)
	}
	real := store.New(db, nil)
	ids := []string{uuid.NewString(), uuid.NewString(), uuid.NewString()}
	for _, id := range ids {
		in, _ := customer.ValidateAddress(customer.AddressInput{FirstName: "A", LastName: "B", Line1: "C", City: "D", PostalCode: "10115", Country: "DE", Phone: "030 1234567"})
		if _, err := real.AddAddress(t.Context(), id, in); err != nil {
			t.Fatal(err)
		}
	}
	reps := make([]string, len(ids))
	for i, id := range ids {
		reps[i] = fmt.Sprintf(`{__typename: "User", id: %q}`, id)
	}
	q := `{ _entities(representations: [` + strings.Join(reps, ", ") + `]) { ... on User { id profile { locale } addresses { id } } } }`
	sorted := slices.Sorted(slices.Values(ids))

	c := &counting{Store: real}
	var resp struct {
		Entities []struct {
			ID        string
			Profile   struct{ Locale string }
			Addresses []struct{ ID string }
		} `json:"_entities"`
	}
	server(t, c, &kitauth.Claims{Subject: uuid.NewString(), Scopes: []string{"admin"}}).MustPost(q, &resp)
	want := []string{"addresses " + strings.Join(sorted, ","), "profiles " + strings.Join(sorted, ",")}
	got := slices.Sorted(slices.Values(c.calls))
	if !slices.Equal(got, want) {
		t.Fatalf("admin: calls %v, want %v", got, want)
	}
	for i, e := range resp.Entities {
		if e.ID != ids[i] || len(e.Addresses) != 1 || e.Profile.Locale != "en" {
			t.Fatalf("entity %d: %+v", i, e)
		}
	}

	c = &counting{Store: real}
	_ = server(t, c, &kitauth.Claims{Subject: ids[1]}).Post(q, &resp) // FORBIDDEN for the others
	want = []string{"addresses " + ids[1], "profiles " + ids[1]}
	if got := slices.Sorted(slices.Values(c.calls)); !slices.Equal(got, want) {
		t.Fatalf("customer: calls %v, want only the customer's own (%v)", got, want)
	}
}
