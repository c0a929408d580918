package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/migrations"
	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newStore migrates a fresh database and returns a Store over it with a
// test clock.
func newStore(t *testing.T) (*Store, *clock) {
	t.Helper()
	db := pgtest.New(t)
	fsys, err := migrations.FS("customer")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(t.Context(), db, "customer", fsys, nil); err != nil {
		t.Fatal(err)
	}
	c := &clock{t: time.Now()}
	return New(db, c.now), c
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if customer.ErrorCode(err) != code {
		t.Fatalf("error %v, want code %s", err, code)
	}
}

func address(country string, shipping, billing bool) customer.AddressInput {
	in, err := customer.ValidateAddress(customer.AddressInput{FirstName: "Ada", LastName: "Lovelace", Line1: "1 Main St",
		City: "Springfield", Region: ptr("CA"), PostalCode: "94105", Country: country, Phone: "+14155550123",
		IsDefaultShipping: shipping, IsDefaultBilling: billing})
	if err != nil {
		panic(err)
	}
	return in
}

func ptr(s string) *string { return &s }

func TestProfileCreatedLazilyAndUpdated(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	user := uuid.NewString()
	p, err := s.Profile(ctx, user)
	if err != nil || p.UserID != user || p.Phone != nil || p.Locale != customer.DefaultLocale || p.MarketingEmails {
		t.Fatalf("first read %+v, %v", p, err)
	}
	yes := true
	p, err = s.UpdateProfile(ctx, user, customer.ProfileUpdate{Phone: ptr("+14155550123"), MarketingEmails: &yes})
	if err != nil || p.Phone == nil || *p.Phone != "+14155550123" || !p.MarketingEmails || p.Locale != "en" {
		t.Fatalf("update %+v, %v", p, err)
	}
	p, err = s.UpdateProfile(ctx, user, customer.ProfileUpdate{Phone: ptr(""), Locale: ptr("de-CH")})
	if err != nil || p.Phone != nil || !p.MarketingEmails || p.Locale != "de-CH" {
		t.Fatalf("clearing the phone %+v, %v", p, err)
	}
	// Concurrent first reads of a new user create one row and all succeed.
	other := uuid.NewString()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := s.Profile(context.Background(), other)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent first read: %v", err)
		}
	}
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM customer.profiles`); err != nil || n != 2 {
		t.Fatalf("%d profiles (%v)", n, err)
	}
}

func TestAddressDefaultsMoveInOneTransaction(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	user := uuid.NewString()
	a, err := s.AddAddress(ctx, user, address("US", true, true))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddAddress(ctx, user, address("US", true, false))
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.AddAddress(ctx, user, address("US", false, false))
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Addresses(ctx, user)
	if err != nil {
		t.Fatal(err)
	}
	// b is default shipping, a default billing, then the newest (c).
	if len(list) != 3 || list[0].ID != b.ID || !list[0].IsDefaultShipping || list[0].IsDefaultBilling ||
		list[1].ID != a.ID || list[1].IsDefaultShipping || !list[1].IsDefaultBilling || list[2].ID != c.ID {
		t.Fatalf("order/defaults %+v", list)
	}
	// Replacing c as both defaults takes them from a and b.
	if _, err := s.UpdateAddress(ctx, user, c.ID, address("US", true, true)); err != nil {
		t.Fatal(err)
	}
	var shipping, billing int
	if err := s.db.Get(&shipping, `SELECT count(*) FROM customer.addresses WHERE user_id = $1 AND is_default_shipping AND id = $2`, user, c.ID); err != nil || shipping != 1 {
		t.Fatalf("c is not the default shipping address (%v)", err)
	}
	if err := s.db.Get(&billing, `SELECT count(*) FROM customer.addresses WHERE user_id = $1 AND is_default_billing`, user); err != nil || billing != 1 {
		t.Fatalf("%d default billing addresses (%v)", billing, err)
	}
	// The database itself refuses a second default.
	if _, err := s.db.Exec(`UPDATE customer.addresses SET is_default_shipping = true WHERE id = $1`, a.ID); err == nil {
		t.Fatal("a second default shipping address was accepted by the database")
	}
}

func TestConcurrentDefaultsLeaveOne(t *testing.T) {
	s, _ := newStore(t)
	user := uuid.NewString()
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := s.AddAddress(context.Background(), user, address("US", true, true)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FILTER (WHERE is_default_shipping) + count(*) FILTER (WHERE is_default_billing) FROM customer.addresses WHERE user_id = $1`, user); err != nil || n != 2 {
		t.Fatalf("%d default flags over 10 concurrent adds (%v)", n, err)
	}
}

func TestAddressBookLimit(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	user := uuid.NewString()
	var wg sync.WaitGroup
	errs := make(chan error, customer.MaxAddresses+5)
	for range customer.MaxAddresses + 5 {
		wg.Go(func() {
			_, err := s.AddAddress(context.Background(), user, address("US", false, false))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	conflicts := 0
	for err := range errs {
		if err != nil {
			wantCode(t, err, customer.Conflict)
			conflicts++
		}
	}
	list, err := s.Addresses(ctx, user)
	if err != nil || len(list) != customer.MaxAddresses || conflicts != 5 {
		t.Fatalf("%d addresses, %d conflicts (%v)", len(list), conflicts, err)
	}
}
