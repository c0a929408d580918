package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

const addressFields = `id firstName line1 line2 city region postalCode country phone isDefaultShipping isDefaultBilling`

const addAddress = `mutation($in: AddressInput!) { addAddress(input: $in) { ` + addressFields + ` } }`

func validAddress() map[string]any {
	return map[string]any{"firstName": "Ada", "lastName": "Lovelace", "line1": "1 Main St", "city": "London",
		"postalCode": "sw1a1aa", "country": "gb", "phone": "020 7946 0958", "isDefaultShipping": true}
}

type address struct {
	ID, FirstName, Line1, City, PostalCode, Country, Phone string
	Line2, Region                                          *string
	IsDefaultShipping, IsDefaultBilling                    bool
}

// TestAccountOperations runs every mutation through HTTP as a signed-in
// customer: normalised addresses, all invalid fields reported at once,
// the test card flow, the wishlist, and the account read back.
func TestAccountOperations(t *testing.T) {
	s := startServe(t, "1")
	me := user(newID(), "customer")

	var added struct{ AddAddress address }
	s.ok(t, me, addAddress, map[string]any{"in": validAddress()}, &added)
	if a := added.AddAddress; a.PostalCode != "SW1A 1AA" || a.Country != "GB" || a.Phone != "+442079460958" || !a.IsDefaultShipping || a.Line2 != nil {
		t.Fatalf("added %+v", a)
	}

	bad := validAddress()
	bad["postalCode"], bad["phone"], bad["firstName"], bad["country"] = "12345", "12", " ", "GB"
	r := s.do(t, me, addAddress, map[string]any{"in": bad})
	if f := r.fields(); !slices.Equal(f, []string{"input.firstName", "input.postalCode", "input.phone"}) || string(r.Data) != "null" {
		t.Fatalf("invalid address: fields %v, data %s, errors %+v", f, r.Data, r.Errors)
	}
	for _, c := range r.codes() {
		if c != "INVALID" {
			t.Fatalf("codes %v", r.codes())
		}
	}

	upd := validAddress()
	upd["country"], upd["postalCode"], upd["region"], upd["phone"], upd["isDefaultShipping"], upd["isDefaultBilling"] = "US", "94105", "ca", "415 555 0123", false, true
	var updated struct{ UpdateAddress address }
	s.ok(t, me, `mutation($id: ID!, $in: AddressInput!) { updateAddress(id: $id, input: $in) { `+addressFields+` } }`,
		map[string]any{"id": added.AddAddress.ID, "in": upd}, &updated)
	if a := updated.UpdateAddress; a.Region == nil || *a.Region != "CA" || a.IsDefaultShipping || !a.IsDefaultBilling || a.Phone != "+14155550123" {
		t.Fatalf("updated %+v", a)
	}

	var tok struct {
		TokenizeTestCard struct{ Token, Brand, Last4 string }
	}
	s.ok(t, me, `mutation { tokenizeTestCard(input: {number: "3782 822463 10005", expMonth: 12, expYear: 2040, cvc: "1234"}) { token brand last4 } }`, nil, &tok)
	if tok.TokenizeTestCard.Brand != "amex" || tok.TokenizeTestCard.Last4 != "0005" || len(tok.TokenizeTestCard.Token) < 40 {
		t.Fatalf("token %+v", tok)
	}
	r = s.do(t, me, `mutation { tokenizeTestCard(input: {number: "4242424242424241", expMonth: 13, expYear: 2040, cvc: "12"}) { token } }`, nil)
	if f := r.fields(); !slices.Equal(f, []string{"input.number", "input.expMonth", "input.cvc"}) {
		t.Fatalf("bad card: %+v", r.Errors)
	}
	const addPM = `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: " Ada Lovelace ", isDefault: true}) { id type brand last4 expMonth expYear holderName isDefault } }`
	var pm struct {
		AddPaymentMethod struct {
			ID, Type, Brand, Last4, HolderName string
			ExpMonth, ExpYear                  int
			IsDefault                          bool
		}
	}
	s.ok(t, me, addPM, map[string]any{"t": tok.TokenizeTestCard.Token}, &pm)
	if p := pm.AddPaymentMethod; p.Type != "CREDIT_CARD" || p.Brand != "amex" || p.Last4 != "0005" || p.HolderName != "Ada Lovelace" || !p.IsDefault || p.ExpYear != 2040 {
		t.Fatalf("payment method %+v", p)
	}
	r = s.do(t, me, addPM, map[string]any{"t": tok.TokenizeTestCard.Token})
	if f := r.fields(); !slices.Equal(f, []string{"input.token"}) {
		t.Fatalf("token reused: %+v", r.Errors)
	}

	product := newID()
	for range 2 {
		s.ok(t, me, `mutation($p: ID!) { addToWishlist(productId: $p) { product { id } addedAt } }`, map[string]any{"p": product}, nil)
	}
	r = s.do(t, me, `mutation { addToWishlist(productId: "nope") { addedAt } }`, nil)
	if f := r.fields(); !slices.Equal(f, []string{"productId"}) {
		t.Fatalf("bad product id: %+v", r.Errors)
	}
	r = s.do(t, me, `mutation { updateProfile(input: {phone: "555", locale: "x"}) { phone } }`, nil)
	if f := r.fields(); !slices.Equal(f, []string{"input.phone", "input.locale"}) {
		t.Fatalf("bad profile: %+v", r.Errors)
	}
	s.ok(t, me, `mutation { updateProfile(input: {phone: "+41 44 668 18 00", locale: "de-ch", marketingEmails: true}) { phone } }`, nil, nil)

	var acct struct {
		MyAccount struct {
			ID      string
			Profile struct {
				Phone           string
				Locale          string
				MarketingEmails bool
			}
			Addresses      []address
			PaymentMethods []struct{ ID string }
			Wishlist       []struct{ Product struct{ ID string } }
		}
	}
	s.ok(t, me, `{ myAccount { id profile { phone locale marketingEmails updatedAt } addresses { `+addressFields+` }
		paymentMethods { id } wishlist { product { id } addedAt } } }`, nil, &acct)
	a := acct.MyAccount
	if a.ID != me.claims.Subject || a.Profile.Phone != "+41446681800" || a.Profile.Locale != "de-CH" || !a.Profile.MarketingEmails ||
		len(a.Addresses) != 1 || len(a.PaymentMethods) != 1 || len(a.Wishlist) != 1 || a.Wishlist[0].Product.ID != product {
		b, _ := json.Marshal(a)
		t.Fatalf("account %s", b)
	}

	var del struct{ RemoveFromWishlist bool }
	s.ok(t, me, `mutation($p: ID!) { removeFromWishlist(productId: $p) }`, map[string]any{"p": product}, &del)
	if !del.RemoveFromWishlist {
		t.Fatal("removeFromWishlist: false")
	}
	s.ok(t, me, `mutation($id: ID!) { setDefaultPaymentMethod(id: $id) { isDefault } }`, map[string]any{"id": pm.AddPaymentMethod.ID}, nil)
	s.ok(t, me, `mutation($id: ID!) { deletePaymentMethod(id: $id) { id } }`, map[string]any{"id": pm.AddPaymentMethod.ID}, nil)
	s.ok(t, me, `mutation($id: ID!) { deleteAddress(id: $id) { id } }`, map[string]any{"id": added.AddAddress.ID}, nil)
	r = s.do(t, me, `mutation($id: ID!) { deleteAddress(id: $id) { id } }`, map[string]any{"id": added.AddAddress.ID})
	if strings.Join(r.codes(), ",") != "NOT_FOUND" {
		t.Fatalf("second delete: %+v", r.Errors)
	}
}
