package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestAuthorization checks the subgraph's own checks, behind the
// router's: every operation as anonymous, as another customer and as an
// admin, and the User entity resolver in batches that mix users.
func TestAuthorization(t *testing.T) {
	s := startServe(t, "1")
	aliceID, bobID, adminID := newID(), newID(), newID()
	alice, bob, admin := user(aliceID, "customer"), user(bobID, "customer"), user(adminID, "admin")

	var added struct{ AddAddress struct{ ID string } }
	s.ok(t, alice, addAddress, map[string]any{"in": validAddress()}, &added)
	addrID := added.AddAddress.ID
	var tok struct{ TokenizeTestCard struct{ Token string } }
	s.ok(t, alice, `mutation { tokenizeTestCard(input: {number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123"}) { token } }`, nil, &tok)
	var pm struct{ AddPaymentMethod struct{ ID string } }
	s.ok(t, alice, `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: "Alice"}) { id } }`, map[string]any{"t": tok.TokenizeTestCard.Token}, &pm)
	product := newID()
	s.ok(t, alice, `mutation($p: ID!) { addToWishlist(productId: $p) { addedAt } }`, map[string]any{"p": product}, nil)

	const account = `profile { phone locale } addresses { id postalCode } paymentMethods { id last4 } wishlist { product { id } }`
	snapshot := func() string {
		r := s.do(t, alice, `{ myAccount { `+account+` } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("alice's account: %+v", r.Errors)
		}
		return string(r.Data)
	}
	before := snapshot()

	// A token Bob made cannot be used by Alice either.
	var bobTok struct{ TokenizeTestCard struct{ Token string } }
	s.ok(t, bob, `mutation { tokenizeTestCard(input: {number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123"}) { token } }`, nil, &bobTok)

	vars := map[string]any{"addr": addrID, "pm": pm.AddPaymentMethod.ID, "p": product, "alice": aliceID, "in": validAddress(), "bobTok": bobTok.TokenizeTestCard.Token}
	ops := []struct {
		name, query string
		want        map[string]string // principal -> comma-separated codes ("" = no error)
	}{
		{"myAccount", `query { myAccount { id } }`, map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "", "admin": ""}},
		{"customer", `query($alice: ID!) { customer(userId: $alice) { ` + account + ` } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "FORBIDDEN", "admin": ""}},
		{"updateProfile of alice", `mutation($alice: ID) { updateProfile(userId: $alice, input: {locale: "fr"}) { locale } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "FORBIDDEN", "admin": ""}},
		{"updateAddress of alice's", `mutation($addr: ID!, $in: AddressInput!) { updateAddress(id: $addr, input: $in) { id } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "NOT_FOUND", "admin": "NOT_FOUND"}},
		{"deleteAddress of alice's", `mutation($addr: ID!) { deleteAddress(id: $addr) { id } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "NOT_FOUND", "admin": "NOT_FOUND"}},
		{"setDefaultPaymentMethod of alice's", `mutation($pm: ID!) { setDefaultPaymentMethod(id: $pm) { id } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "NOT_FOUND", "admin": "NOT_FOUND"}},
		{"deletePaymentMethod of alice's", `mutation($pm: ID!) { deletePaymentMethod(id: $pm) { id } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "NOT_FOUND", "admin": "NOT_FOUND"}},
		{"removeFromWishlist (own list)", `mutation($p: ID!) { removeFromWishlist(productId: $p) }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "bob": "", "admin": ""}},
		{"addAddress", `mutation($in: AddressInput!) { addAddress(input: $in) { id } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED"}},
		{"tokenizeTestCard", `mutation { tokenizeTestCard(input: {number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123"}) { token } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED"}},
		{"addPaymentMethod with bob's token", `mutation($bobTok: String!) { addPaymentMethod(input: {token: $bobTok, holderName: "X"}) { id } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED", "admin": "INVALID"}},
		{"addToWishlist", `mutation($p: ID!) { addToWishlist(productId: $p) { addedAt } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED"}},
		{"alice as an entity", `query($alice: ID!) { _entities(representations: [{__typename: "User", id: $alice}]) { ... on User { ` + account + ` } } }`,
			map[string]string{"anonymous": "UNAUTHENTICATED,UNAUTHENTICATED,UNAUTHENTICATED,UNAUTHENTICATED",
				"bob": "FORBIDDEN,FORBIDDEN,FORBIDDEN,FORBIDDEN", "admin": ""}},
	}
	principals := map[string]principal{"anonymous": anonymous, "bob": bob, "admin": admin}
	cells := 0
	for _, op := range ops {
		for name, want := range op.want {
			t.Run(op.name+"/"+name, func(t *testing.T) {
				cells++
				r := s.do(t, principals[name], op.query, vars)
				if got := strings.Join(r.codes(), ","); got != want {
					t.Fatalf("codes %q, want %q (%+v)", got, want, r.Errors)
				}
			})
		}
	}
	// The admin changed alice's locale to fr through updateProfile(userId:);
	// nothing else of hers changed.
	s.ok(t, alice, `mutation { updateProfile(input: {locale: "en"}) { locale } }`, nil, nil)
	if after := snapshot(); after != before {
		t.Fatalf("alice's account changed:\n%s\n%s", before, after)
	}
	t.Logf("%d principal × operation cells checked", cells)
}

// TestUserEntitiesKeepOrder: a batch of User representations is answered
// in input order; the caller's own entry carries data, the others'
// customer fields are FORBIDDEN at their own index, and a non-UUID id is
// null.
func TestUserEntitiesKeepOrder(t *testing.T) {
	s := startServe(t, "1")
	aliceID, bobID := newID(), newID()
	s.ok(t, user(aliceID), `mutation { updateProfile(input: {locale: "de"}) { locale } }`, nil, nil)
	q := fmt.Sprintf(`{ _entities(representations: [{__typename: "User", id: %q}, {__typename: "User", id: %q}, {__typename: "User", id: "x"}]) { ... on User { id profile { locale } } } }`, bobID, aliceID)
	r := s.do(t, user(aliceID), q, nil)
	var data struct {
		Entities []*struct {
			ID      string
			Profile *struct{ Locale string }
		} `json:"_entities"`
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatal(err)
	}
	e := data.Entities
	if len(e) != 3 || e[0] != nil || e[1] == nil || e[1].ID != aliceID || e[1].Profile.Locale != "de" || e[2] != nil {
		t.Fatalf("entities %s", r.Data)
	}
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "FORBIDDEN" || fmt.Sprint(r.Errors[0].Path) != "[_entities 0 profile]" {
		t.Fatalf("errors %+v", r.Errors)
	}
	// As admin, both users' profiles.
	r = s.do(t, user(newID(), "admin"), q, nil)
	if len(r.Errors) != 0 || !strings.Contains(string(r.Data), `"locale":"de"`) || !strings.Contains(string(r.Data), `"locale":"en"`) {
		t.Fatalf("admin: %s %+v", r.Data, r.Errors)
	}
}
