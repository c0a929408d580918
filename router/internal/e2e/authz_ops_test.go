package e2e

import (
	"strings"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// op is one row of the matrix: an operation, its variables for a
// principal, and the expected outcome per principal: "ok", "null" (no
// error, the root field null) or the error code the contract names
// (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID).
type op struct {
	name, field, query string
	vars               func(w *world, p *principal) map[string]any
	want               map[string]string
	// check looks into an "ok" response; "" when it is right.
	check func(w *world, p *principal, r gqlResult) string
	// after runs once the cell is checked: it follows the principal to a
	// new session, or checks what the operation did to the old one.
	after func(w *world, p *principal, r gqlResult)
}

// expect builds a row's outcomes: the four principals with valid tokens
// as given; the expired, unknown-key, tampered and disabled tokens are
// refused by the router before any operation runs (401 UNAUTHENTICATED).
func expect(anonymous, a, b, admin string) map[string]string {
	return map[string]string{pAnonymous: anonymous, pA: a, pB: b, pAdmin: admin,
		pDisabled: "UNAUTHENTICATED", pExpired: "UNAUTHENTICATED", pUnknown: "UNAUTHENTICATED", pTampered: "UNAUTHENTICATED"}
}

const (
	ok     = "ok"
	null   = "null"
	unauth = "UNAUTHENTICATED"
	forbid = "FORBIDDEN"
	miss   = "NOT_FOUND"
	bad    = "INVALID"
	limit  = "TOO_MANY_REQUESTS"
)

func noVars(*world, *principal) map[string]any { return nil }

func aliceID(w *world, _ *principal) map[string]any { return map[string]any{"a": w.p[pA].id} }

func victim(w *world, _ *principal) map[string]any { return map[string]any{"v": w.victim.id} }

// contains checks that r's data holds want (and, with not, that it lacks it).
func contains(want string) func(*world, *principal, gqlResult) string {
	return func(_ *world, _ *principal, r gqlResult) string {
		if !strings.Contains(r.Raw, want) {
			return "response lacks " + want
		}
		return ""
	}
}

// own checks that the response names the caller and, unless the caller
// is A, none of A's rows.
func own(w *world, p *principal, r gqlResult) string {
	if !strings.Contains(r.Raw, p.id) && !strings.Contains(r.Raw, p.email) {
		return "response is not about the caller"
	}
	if p.name != pA && strings.Contains(r.Raw, w.addrA) {
		return "response holds A's address"
	}
	return ""
}

func seesA(w *world, _ *principal, r gqlResult) string {
	if !strings.Contains(r.Raw, w.addrA) {
		return "response lacks A's address"
	}
	return ""
}

// freshAddress gives A a row of its own to delete; the others aim at A's.
func freshAddress(w *world, p *principal) map[string]any {
	if p.name == pA {
		var id struct{ ID string }
		mustCall(w.t(), w.env, p.token, addressMutation, map[string]any{"in": addressInput()}, "addAddress", &id)
		return map[string]any{"id": id.ID, "in": addressInput()}
	}
	return map[string]any{"id": w.addrA, "in": addressInput()}
}

func freshCard(w *world, p *principal) map[string]any {
	if p.name == pA {
		var id struct{ ID string }
		mustCall(w.t(), w.env, p.token, `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: "A"}) { id } }`,
			map[string]any{"t": cardToken(w.t(), w.env, p)}, "addPaymentMethod", &id)
		return map[string]any{"id": id.ID}
	}
	return map[string]any{"id": w.pmA}
}

func ownToken(w *world, p *principal) map[string]any {
	if p.token == "" || p.name == pDisabled || p.name == pExpired || p.name == pUnknown || p.name == pTampered {
		return map[string]any{"t": "tok_test_none"}
	}
	return map[string]any{"t": cardToken(w.t(), w.env, p)}
}

const userFields = `id email firstName`

// identityOps are the Query and Mutation fields of auth.graphqls and
// customer.graphqls, and the entity paths between them, but for the ones
// that end sessions (endingOps).
var identityOps = []op{
	{name: "me", field: "me", query: `{ me { ` + userFields + ` } }`, want: expect(unauth, ok, ok, ok), check: own},
	{name: "passwordPolicy", field: "passwordPolicy", query: `{ passwordPolicy { minLength maxLength } }`, want: expect(ok, ok, ok, ok)},
	{name: "user(id: A)", field: "user", query: `query($a: ID!) { user(id: $a) { ` + userFields + ` } }`, vars: aliceID,
		want: expect(unauth, forbid, forbid, ok), check: func(w *world, _ *principal, r gqlResult) string { return contains(w.p[pA].email)(w, nil, r) }},
	{name: "user(id: unknown)", field: "user", query: `query($u: ID!) { user(id: $u) { id } }`,
		vars: func(*world, *principal) map[string]any { return map[string]any{"u": uuid.NewString()} }, want: expect(unauth, forbid, forbid, null)},
	{name: "users", field: "users", query: `{ users(first: 5) { totalCount edges { node { id } } } }`, want: expect(unauth, forbid, forbid, ok)},
	{name: "register", field: "register", query: `mutation($e: String!) { register(input: {email: $e, password: "Correct-horse-battery-9", firstName: "N", lastName: "U"}) { accessToken } }`,
		vars: func(*world, *principal) map[string]any {
			return map[string]any{"e": "new-" + randomName() + "@example.test"}
		}, want: expect(ok, ok, ok, ok)},
	{name: "signIn", field: "signIn", query: `mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { accessToken } }`,
		vars: func(w *world, _ *principal) map[string]any {
			return map[string]any{"e": w.env.Shopper.Email, "p": w.env.Shopper.Password}
		}, want: expect(ok, ok, ok, ok)},
	{name: "refreshSession (no cookie)", field: "refreshSession", query: `mutation { refreshSession { accessToken } }`, want: expect(unauth, unauth, unauth, unauth)},
	{name: "requestPasswordReset", field: "requestPasswordReset", query: `mutation($e: String!) { requestPasswordReset(email: $e) }`,
		vars: func(w *world, _ *principal) map[string]any { return map[string]any{"e": w.p[pA].email} }, want: expect(ok, ok, ok, ok)},
	{name: "resetPassword (bad token)", field: "resetPassword", query: `mutation { resetPassword(input: {token: "bogus", newPassword: "Another-horse-battery-7"}) }`,
		want: expect(bad, bad, bad, bad)},
	{name: "verifyEmail (bad token)", field: "verifyEmail", query: `mutation { verifyEmail(token: "bogus") { id } }`, want: expect(bad, bad, bad, bad)},
	// At most one verification mail a minute: A and B registered moments
	// ago, and the cell's vars send one more first, so theirs is
	// TOO_MANY_REQUESTS for sure; the admin's email is verified (false).
	{name: "resendVerification", field: "resendVerification", query: `mutation { resendVerification }`, want: expect(unauth, limit, limit, ok),
		vars: func(w *world, p *principal) map[string]any {
			if p.name == pA || p.name == pB {
				call(w.t(), w.env, p.token, `mutation { resendVerification }`, nil)
			}
			return nil
		}},
	{name: "updateMe", field: "updateMe", query: `mutation { updateMe(input: {firstName: "Test", lastName: "User"}) { id } }`, want: expect(unauth, ok, ok, ok)},
	{name: "updateUser(victim)", field: "updateUser", query: `mutation($v: ID!) { updateUser(input: {id: $v, firstName: "V", lastName: "W"}) { id } }`,
		vars: victim, want: expect(unauth, forbid, forbid, ok)},
	{name: "setUserRole(victim)", field: "setUserRole", query: `mutation($v: ID!) { setUserRole(id: $v, role: CUSTOMER) { role } }`,
		vars: victim, want: expect(unauth, forbid, forbid, ok)},
	{name: "disableUser(victim)", field: "disableUser", query: `mutation($v: ID!) { disableUser(id: $v, reason: "matrix") { disabled } }`,
		vars: victim, want: expect(unauth, forbid, forbid, ok)},
	{name: "enableUser(victim)", field: "enableUser", query: `mutation($v: ID!) { enableUser(id: $v) { disabled } }`,
		vars: victim, want: expect(unauth, forbid, forbid, ok)},

	{name: "myAccount", field: "myAccount", query: `{ myAccount { id profile { locale } addresses { id } paymentMethods { id } wishlist { addedAt } } }`,
		want: expect(unauth, ok, ok, ok), check: own},
	{name: "customer(userId: A)", field: "customer", query: `query($a: ID!) { customer(userId: $a) { id profile { locale } addresses { id } paymentMethods { id } } }`,
		vars: aliceID, want: expect(unauth, forbid, forbid, ok), check: seesA},
	{name: "customer(userId: not a UUID)", field: "customer", query: `{ customer(userId: "nope") { id } }`, want: expect(unauth, forbid, forbid, null)},
	{name: "addressCountries", field: "addressCountries", query: `{ addressCountries { code requiresRegion } }`, want: expect(ok, ok, ok, ok)},
	{name: "updateProfile", field: "updateProfile", query: `mutation { updateProfile(input: {locale: "en"}) { locale } }`, want: expect(unauth, ok, ok, ok)},
	{name: "updateProfile(userId: A)", field: "updateProfile", query: `mutation($a: ID) { updateProfile(userId: $a, input: {locale: "en"}) { locale } }`,
		vars: aliceID, want: expect(unauth, ok, forbid, ok)},
	{name: "addAddress", field: "addAddress", query: addressMutation,
		vars: func(*world, *principal) map[string]any { return map[string]any{"in": addressInput()} }, want: expect(unauth, ok, ok, ok)},
	{name: "updateAddress(A's)", field: "updateAddress", query: `mutation($id: ID!, $in: AddressInput!) { updateAddress(id: $id, input: $in) { id } }`,
		vars: func(w *world, _ *principal) map[string]any {
			return map[string]any{"id": w.addrA, "in": addressInput()}
		},
		want: expect(unauth, ok, miss, miss)},
	{name: "deleteAddress(A's)", field: "deleteAddress", query: `mutation($id: ID!) { deleteAddress(id: $id) { id } }`,
		vars: freshAddress, want: expect(unauth, ok, miss, miss)},
	{name: "tokenizeTestCard", field: "tokenizeTestCard", query: `mutation { tokenizeTestCard(input: {number: "5555555555554444", expMonth: 1, expYear: 2039, cvc: "321"}) { brand last4 } }`,
		want: expect(unauth, ok, ok, ok)},
	{name: "addPaymentMethod(own token)", field: "addPaymentMethod", query: `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: "Own"}) { id } }`,
		vars: ownToken, want: expect(unauth, ok, ok, ok)},
	{name: "addPaymentMethod(A's token)", field: "addPaymentMethod", query: `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: "Thief"}) { id } }`,
		vars: func(w *world, _ *principal) map[string]any { return map[string]any{"t": w.tokenA} }, want: expect(unauth, ok, bad, bad)},
	{name: "setDefaultPaymentMethod(A's)", field: "setDefaultPaymentMethod", query: `mutation($id: ID!) { setDefaultPaymentMethod(id: $id) { id } }`,
		vars: func(w *world, _ *principal) map[string]any { return map[string]any{"id": w.pmA} }, want: expect(unauth, ok, miss, miss)},
	{name: "deletePaymentMethod(A's)", field: "deletePaymentMethod", query: `mutation($id: ID!) { deletePaymentMethod(id: $id) { id } }`,
		vars: freshCard, want: expect(unauth, ok, miss, miss)},
	{name: "addToWishlist", field: "addToWishlist", query: `mutation($p: ID!) { addToWishlist(productId: $p) { product { id } } }`,
		vars: func(*world, *principal) map[string]any { return map[string]any{"p": uuid.NewString()} }, want: expect(unauth, ok, ok, ok)},
	{name: "removeFromWishlist(A's product)", field: "removeFromWishlist", query: `mutation($p: ID!) { removeFromWishlist(productId: $p) }`,
		vars: func(w *world, _ *principal) map[string]any { return map[string]any{"p": w.productA} }, want: expect(unauth, ok, ok, ok),
		check: func(_ *world, p *principal, r gqlResult) string {
			if want := p.name == pA; strings.Contains(r.Raw, "true") != want {
				return "removed: " + r.Raw
			}
			return ""
		}},

	{name: "entity: myAccount { email }", field: "myAccount", query: `{ myAccount { id email firstName role } }`, want: expect(unauth, ok, ok, ok), check: own},
	{name: "entity: me { addresses }", field: "me", query: `{ me { id email addresses { id } paymentMethods { id } wishlist { addedAt } } }`,
		want: expect(unauth, ok, ok, ok), check: own},
	{name: "entity: customer(userId: A) { email }", field: "customer", query: `query($a: ID!) { customer(userId: $a) { email addresses { id } } }`,
		vars: aliceID, want: expect(unauth, forbid, forbid, ok), check: seesA},
	{name: "entity: user(id: A) { addresses }", field: "user", query: `query($a: ID!) { user(id: $a) { email profile { locale } addresses { id } paymentMethods { last4 } } }`,
		vars: aliceID, want: expect(unauth, forbid, forbid, ok), check: seesA},
	{name: "entity: users { addresses }", field: "users", query: `{ users(first: 100) { edges { node { email addresses { id } } } } }`,
		want: expect(unauth, forbid, forbid, ok), check: seesA},
}

// ops is every row of the matrix: identity, catalog (authz_product_ops_test.go),
// then the rows that end sessions.
var ops = append(append(append([]op{}, identityOps...), productOps...), endingOps...)

// endingOps end or change sessions, so they come after every other row.
var endingOps = []op{
	{name: "changePassword", field: "changePassword", query: `mutation($p: String!) { changePassword(input: {currentPassword: $p, newPassword: "Another-horse-battery-7"}) { accessToken } }`,
		vars: func(_ *world, p *principal) map[string]any { return map[string]any{"p": p.password} }, want: expect(unauth, ok, ok, ok),
		after: func(w *world, p *principal, r gqlResult) {
			var s struct{ AccessToken string }
			if r.Data["changePassword"] != nil && jsonInto(r.Data["changePassword"], &s) == nil && s.AccessToken != "" {
				old := p.token
				p.token, p.password = s.AccessToken, "Another-horse-battery-7"
				waitRefused(w.t(), w.env, old, p.name+" changed the password") // every other session (and token) ends
			}
		}},
	{name: "signOut (this device)", field: "signOut", query: `mutation { signOut }`, want: expect(ok, ok, ok, ok), after: endedThenBack},
	{name: "signOut(everywhere)", field: "signOut", query: `mutation { signOut(everywhere: true) }`, want: expect(ok, ok, ok, ok), after: endedThenBack},
}

// endedThenBack checks that a signed-out account's access token is
// refused at once (through the router's revocation feed), then signs the
// account in again for the rows that follow.
func endedThenBack(w *world, p *principal, r gqlResult) {
	if p.email == "" || p.name == pDisabled || r.Status != 200 {
		return
	}
	waitRefused(w.t(), w.env, p.token, p.name+" signed out: "+r.Raw)
	p.token = signIn(w.t(), w.env, p.name, testenv.Account{Email: p.email, Password: p.password}).token
}
