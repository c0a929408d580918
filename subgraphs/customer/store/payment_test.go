package store

import (
	"testing"
	"time"

	"github.com/google/uuid"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

var visa = customer.Card{Type: customer.CreditCard, Brand: "visa", Last4: "4242", ExpMonth: 12, ExpYear: 2030}

// token saves a fresh token for user and returns it.
func token(t *testing.T, s *Store, c *clock, user string) string {
	t.Helper()
	tok, hash := customer.NewToken()
	if err := s.SaveToken(t.Context(), user, hash, visa, c.now().Add(customer.TokenTTL)); err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestTokensAreSingleUseBoundAndExpiring(t *testing.T) {
	s, c := newStore(t)
	ctx := t.Context()
	alice, bob := uuid.NewString(), uuid.NewString()

	tok := token(t, s, c, alice)
	// Bob cannot use Alice's token, and trying does not burn it.
	_, err := s.AddPaymentMethod(ctx, bob, customer.HashToken(tok), "Bob", false)
	wantCode(t, err, customer.Invalid)
	pm, err := s.AddPaymentMethod(ctx, alice, customer.HashToken(tok), "Alice", false)
	if err != nil || pm.Card != visa || pm.HolderName != "Alice" || pm.UserID != alice {
		t.Fatalf("add %+v, %v", pm, err)
	}
	// Used once: gone.
	_, err = s.AddPaymentMethod(ctx, alice, customer.HashToken(tok), "Alice", false)
	wantCode(t, err, customer.Invalid)

	// Expired: refused after 15 minutes.
	late := token(t, s, c, alice)
	c.add(customer.TokenTTL + time.Second)
	_, err = s.AddPaymentMethod(ctx, alice, customer.HashToken(late), "Alice", false)
	wantCode(t, err, customer.Invalid)
	if e := customer.FieldErrors(err); len(e) != 1 || e[0].Field != "input.token" {
		t.Fatalf("field of %v", err)
	}
	// The next token saved sweeps the expired one.
	token(t, s, c, bob)
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM customer.payment_tokens WHERE expires_at <= $1`, c.now()); err != nil || n != 0 {
		t.Fatalf("%d expired tokens kept (%v)", n, err)
	}
	// Only the hash is stored, never the token.
	if err := s.db.Get(&n, `SELECT count(*) FROM customer.payment_tokens WHERE token_hash = convert_to($1, 'UTF8')`, late); err != nil || n != 0 {
		t.Fatalf("a token stored in clear (%v)", err)
	}
}

func TestPaymentMethodDefaultsAndLimit(t *testing.T) {
	s, c := newStore(t)
	ctx := t.Context()
	user := uuid.NewString()
	var ids []string
	for i := range customer.MaxPaymentMethods {
		pm, err := s.AddPaymentMethod(ctx, user, customer.HashToken(token(t, s, c, user)), "Ada", i%3 == 0)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, pm.ID)
	}
	_, err := s.AddPaymentMethod(ctx, user, customer.HashToken(token(t, s, c, user)), "Ada", false)
	wantCode(t, err, customer.Conflict)

	list, err := s.PaymentMethods(ctx, user)
	if err != nil || len(list) != customer.MaxPaymentMethods || list[0].ID != ids[9] || !list[0].IsDefault || list[1].IsDefault {
		t.Fatalf("list %+v, %v", list, err)
	}
	pm, err := s.SetDefaultPaymentMethod(ctx, user, ids[1])
	if err != nil || !pm.IsDefault {
		t.Fatalf("set default %+v, %v", pm, err)
	}
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM customer.payment_methods WHERE user_id = $1 AND is_default`, user); err != nil || n != 1 {
		t.Fatalf("%d defaults (%v)", n, err)
	}
	if _, err := s.DeletePaymentMethod(ctx, user, ids[1]); err != nil {
		t.Fatal(err)
	}
	_, err = s.DeletePaymentMethod(ctx, user, ids[1])
	wantCode(t, err, customer.NotFound)
	_, err = s.SetDefaultPaymentMethod(ctx, user, "not-a-uuid")
	wantCode(t, err, customer.NotFound)
}

func TestWishlist(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	user := uuid.NewString()
	p1, p2 := uuid.NewString(), uuid.NewString()
	first, err := s.AddToWishlist(ctx, user, p1)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.AddToWishlist(ctx, user, p1)
	if err != nil || again != first {
		t.Fatalf("second add %+v, first %+v (%v)", again, first, err)
	}
	if _, err := s.AddToWishlist(ctx, user, p2); err != nil {
		t.Fatal(err)
	}
	list, err := s.Wishlist(ctx, user)
	if err != nil || len(list) != 2 || list[0].ProductID != p2 || list[1].ProductID != p1 {
		t.Fatalf("list %+v, %v", list, err)
	}
	if ok, err := s.RemoveFromWishlist(ctx, user, p1); !ok || err != nil {
		t.Fatalf("remove: %v, %v", ok, err)
	}
	if ok, err := s.RemoveFromWishlist(ctx, user, p1); ok || err != nil {
		t.Fatalf("remove again: %v, %v", ok, err)
	}
	// Full at MaxWishlistItems; an existing product is still "added".
	if _, err := s.db.Exec(`INSERT INTO customer.wishlist_items (user_id, product_id)
		SELECT $1, gen_random_uuid() FROM generate_series(1, $2)`, user, customer.MaxWishlistItems-1); err != nil {
		t.Fatal(err)
	}
	_, err = s.AddToWishlist(ctx, user, uuid.NewString())
	wantCode(t, err, customer.Conflict)
	if _, err := s.AddToWishlist(ctx, user, p2); err != nil {
		t.Fatalf("re-adding a listed product to a full list: %v", err)
	}
}

// TestNoUserReachesAnothersRows: every write by id, with another user's
// ids, is NOT_FOUND and leaves the owner's rows as they were.
func TestNoUserReachesAnothersRows(t *testing.T) {
	s, c := newStore(t)
	ctx := t.Context()
	alice, bob := uuid.NewString(), uuid.NewString()
	addr, err := s.AddAddress(ctx, alice, address("US", true, true))
	if err != nil {
		t.Fatal(err)
	}
	pm, err := s.AddPaymentMethod(ctx, alice, customer.HashToken(token(t, s, c, alice)), "Alice", true)
	if err != nil {
		t.Fatal(err)
	}
	product := uuid.NewString()
	if _, err := s.AddToWishlist(ctx, alice, product); err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		var out string
		if err := s.db.Get(&out, `SELECT (SELECT json_agg(a ORDER BY id)::text FROM customer.addresses a WHERE user_id = $1) ||
			(SELECT json_agg(p ORDER BY id)::text FROM customer.payment_methods p WHERE user_id = $1) ||
			(SELECT json_agg(w)::text FROM customer.wishlist_items w WHERE user_id = $1)`, alice); err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := snapshot()

	_, err = s.UpdateAddress(ctx, bob, addr.ID, address("US", false, false))
	wantCode(t, err, customer.NotFound)
	_, err = s.DeleteAddress(ctx, bob, addr.ID)
	wantCode(t, err, customer.NotFound)
	_, err = s.SetDefaultPaymentMethod(ctx, bob, pm.ID)
	wantCode(t, err, customer.NotFound)
	_, err = s.DeletePaymentMethod(ctx, bob, pm.ID)
	wantCode(t, err, customer.NotFound)
	if ok, err := s.RemoveFromWishlist(ctx, bob, product); ok || err != nil {
		t.Fatalf("bob removed alice's wishlist item: %v %v", ok, err)
	}
	// Bob's own defaults do not touch Alice's.
	if _, err := s.AddAddress(ctx, bob, address("US", true, true)); err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]func() (int, error){
		"addresses":       func() (int, error) { l, err := s.Addresses(ctx, bob); return len(l), err },
		"payment methods": func() (int, error) { l, err := s.PaymentMethods(ctx, bob); return len(l), err },
		"wishlist":        func() (int, error) { l, err := s.Wishlist(ctx, bob); return len(l), err },
	} {
		got, err := n()
		if err != nil || (name == "addresses" && got != 1) || (name != "addresses" && got != 0) {
			t.Errorf("bob's %s: %d (%v)", name, got, err)
		}
	}
	if after := snapshot(); after != before {
		t.Fatalf("alice's rows changed:\n%s\n%s", before, after)
	}
}
