package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// Principals of the matrix, in the order its cells run (customer A last,
// so every other principal's cells are checked against A's data first).
const (
	pAnonymous = "anonymous"
	pB         = "customer B"
	pAdmin     = "admin"
	pDisabled  = "disabled"
	pExpired   = "expired token"
	pUnknown   = "unknown key"
	pTampered  = "tampered token"
	pA         = "customer A"
)

var principalOrder = []string{pAnonymous, pB, pAdmin, pDisabled, pExpired, pUnknown, pTampered, pA}

// principal is who a cell calls as: the bearer token it sends ("" for
// anonymous) and, for the accounts, who they are.
type principal struct {
	name, token         string
	id, email, password string
}

// world is the matrix's fixture: the principals, the rows A owns (which
// nobody else may see or change), an admin token of an observer the test
// minted (to read A's data between cells) and a victim account the admin
// operations act on.
type world struct {
	tt         *testing.T
	env        *testenv.Identity
	p          map[string]*principal
	observer   string
	victim     *principal
	addrA      string // A's address, kept throughout
	pmA        string // A's saved card, kept throughout
	tokenA     string // a card token A made and never used
	productA   string // on A's wishlist
	addressB   string // B's own address
	secretsOfA []string
	cat        catalogWorld
}

const testPassword = "Correct-horse-battery-9"

func randomName() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// register creates an account through the router and returns it signed in.
func register(t *testing.T, env *testenv.Identity, name string) *principal {
	t.Helper()
	email := "user-" + randomName() + "@example.test"
	var s struct {
		AccessToken string
		User        struct{ ID string }
	}
	mustCall(t, env, "", `mutation($e: String!, $p: String!) { register(input: {email: $e, password: $p, firstName: "Test", lastName: "User"}) { accessToken user { id } } }`,
		map[string]any{"e": email, "p": testPassword}, "register", &s)
	return &principal{name: name, token: s.AccessToken, id: s.User.ID, email: email, password: testPassword}
}

// signIn signs an existing account in through the router.
func signIn(t *testing.T, env *testenv.Identity, name string, a testenv.Account) *principal {
	t.Helper()
	var s struct {
		AccessToken string
		User        struct{ ID string }
	}
	mustCall(t, env, "", `mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { accessToken user { id } } }`,
		map[string]any{"e": a.Email, "p": a.Password}, "signIn", &s)
	return &principal{name: name, token: s.AccessToken, id: s.User.ID, email: a.Email, password: a.Password}
}

// accessClaims are claims the auth service would issue for p.
func accessClaims(p *principal, iat time.Time, scope string) jwt.MapClaims {
	return jwt.MapClaims{"iss": "nexus-auth", "aud": []string{"nexus"}, "sub": p.id, "iat": iat.Unix(), "nbf": iat.Unix(),
		"exp": iat.Add(15 * time.Minute).Unix(), "jti": uuid.NewString(), "sid": uuid.NewString(), "scope": scope,
		"email": p.email, "email_verified": false}
}

const addressMutation = `mutation($in: AddressInput!) { addAddress(input: $in) { id } }`

func addressInput() map[string]any {
	return map[string]any{"firstName": "Ada", "lastName": "Lovelace", "line1": "1 Main St", "city": "Springfield",
		"region": "CA", "postalCode": "94105", "country": "US", "phone": "(415) 555-0123"}
}

// cardToken tokenizes a test card as p.
func cardToken(t *testing.T, env *testenv.Identity, p *principal) string {
	t.Helper()
	var tok struct{ Token string }
	mustCall(t, env, p.token, `mutation { tokenizeTestCard(input: {number: "4242 4242 4242 4242", expMonth: 12, expYear: 2040, cvc: "123"}) { token } }`,
		nil, "tokenizeTestCard", &tok)
	return tok.Token
}

// newWorld signs every principal in and gives A its rows.
func newWorld(t *testing.T, env *testenv.Identity) *world {
	t.Helper()
	w := &world{tt: t, env: env, p: map[string]*principal{pAnonymous: {name: pAnonymous}}}
	a, b := register(t, env, pA), register(t, env, pB)
	w.p[pA], w.p[pB] = a, b
	w.p[pAdmin] = signIn(t, env, pAdmin, env.Admin)
	w.victim = register(t, env, "victim")
	w.observer = signToken(t, env.SigningKey, env.KID, accessClaims(&principal{id: uuid.NewString(), email: "observer@example.test"}, time.Now(), "admin"))

	var id struct{ ID string }
	mustCall(t, env, a.token, addressMutation, map[string]any{"in": addressInput()}, "addAddress", &id)
	w.addrA = id.ID
	mustCall(t, env, a.token, `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: "A"}) { id } }`,
		map[string]any{"t": cardToken(t, env, a)}, "addPaymentMethod", &id)
	w.pmA = id.ID
	w.tokenA = cardToken(t, env, a)
	w.productA = uuid.NewString()
	mustCall(t, env, a.token, `mutation($p: ID!) { addToWishlist(productId: $p) { addedAt } }`, map[string]any{"p": w.productA}, "addToWishlist", nil)
	mustCall(t, env, b.token, addressMutation, map[string]any{"in": addressInput()}, "addAddress", &id)
	w.addressB = id.ID
	w.cat = newCatalogWorld(t, env, a)
	w.secretsOfA = []string{a.id, a.email, w.addrA, w.pmA, w.productA, w.tokenA}

	// Invalid tokens, all about A.
	w.p[pExpired] = &principal{name: pExpired, token: signToken(t, env.SigningKey, env.KID, accessClaims(a, time.Now().Add(-2*time.Hour), "customer"))}
	w.p[pUnknown] = &principal{name: pUnknown, token: unknownKey(t, accessClaims(a, time.Now(), "customer"))}
	w.p[pTampered] = &principal{name: pTampered, token: tamper(t, a.token, func(c jwt.MapClaims) { c["scope"] = "customer admin" })}

	// Disabled after sign-in, still holding an unexpired token.
	d := register(t, env, pDisabled)
	mustCall(t, env, w.p[pAdmin].token, `mutation($id: ID!) { disableUser(id: $id, reason: "matrix") { disabled } }`, map[string]any{"id": d.id}, "disableUser", nil)
	w.p[pDisabled] = d
	waitRefused(t, env, d.token, "disabled user")
	return w
}

// t is the test the world belongs to (for setup steps inside cells).
func (w *world) t() *testing.T { return w.tt }

// waitRefused polls until the router refuses token (its revocation feed
// has delivered the disable), within 20 seconds.
func waitRefused(t *testing.T, env *testenv.Identity, token, why string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for backoff := 10 * time.Millisecond; ; backoff = min(2*backoff, 250*time.Millisecond) {
		if r := call(t, env, token, `{ passwordPolicy { minLength } }`, nil); r.Status == http.StatusUnauthorized {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the router still accepts the token after 20s (%s); its claims: %v", why, claimsOf(t, token))
		}
		timer := time.NewTimer(backoff)
		<-timer.C
	}
}

// snapshotA is A's customer data as an admin sees it (profile without its
// timestamp), for checking that no other principal changed it.
func (w *world) snapshotA(t *testing.T) string {
	t.Helper()
	r := call(t, w.env, w.observer, `query($a: ID!) { customer(userId: $a) { profile { phone locale marketingEmails }
		addresses { id firstName line1 postalCode phone isDefaultShipping isDefaultBilling }
		paymentMethods { id last4 isDefault } wishlist { product { id } } } }`, map[string]any{"a": w.p[pA].id})
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		t.Fatalf("snapshot of A: %s", r.Raw)
	}
	return string(r.Data["customer"])
}
