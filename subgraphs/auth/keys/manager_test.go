package keys_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

func migrated(t *testing.T) *sqlx.DB {
	t.Helper()
	db := pgtest.New(t)
	fsys, err := migrations.FS("auth")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(context.Background(), db, "auth", fsys, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

var cfg = keys.Config{Rotation: 24 * time.Hour, PublishAhead: 10 * time.Minute, AccessTTL: 15 * time.Minute}

// parseJWKS turns the document into verification keys, as the router does.
func parseJWKS(t *testing.T, doc []byte) map[string]*ecdsa.PublicKey {
	t.Helper()
	var set struct{ Keys []keys.JWK }
	if err := json.Unmarshal(doc, &set); err != nil {
		t.Fatal(err)
	}
	out := map[string]*ecdsa.PublicKey{}
	for _, k := range set.Keys {
		x, _ := base64.RawURLEncoding.DecodeString(k.X)
		y, _ := base64.RawURLEncoding.DecodeString(k.Y)
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
		if err != nil {
			t.Fatal(err)
		}
		out[k.Kid] = pub
	}
	return out
}

// verifies reports whether tok verifies against the JWKS document at now.
func verifies(t *testing.T, doc []byte, tok string, now time.Time) error {
	t.Helper()
	set := parseJWKS(t, doc)
	_, err := jwt.Parse(tok, func(tk *jwt.Token) (any, error) {
		if k := set[tk.Header["kid"].(string)]; k != nil {
			return k, nil
		}
		return nil, fmt.Errorf("kid %v not in the JWKS", tk.Header["kid"])
	}, jwt.WithValidMethods([]string{"ES256"}), jwt.WithTimeFunc(func() time.Time { return now }), jwt.WithAudience("nexus"))
	return err
}

func issue(t *testing.T, m *keys.Manager, now time.Time) string {
	t.Helper()
	tok, _, err := (&keys.Issuer{Keys: m, Issuer: "nexus-auth", Audience: "nexus", TTL: cfg.AccessTTL}).Issue(keys.Subject{UserID: "u", SessionID: "s", Scope: "customer"}, now)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// A key is published before it signs, the previous key stays published
// for the access TTL + 5 min after it stopped signing, and a token it
// signed still verifies against the JWKS after the rotation.
func TestRotation(t *testing.T) {
	db := migrated(t)
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	m, err := keys.New(db, cfg, nil, clk.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Rotate(ctx); err != nil {
		t.Fatal(err)
	}
	first, _ := m.Signing()
	if n := len(parseJWKS(t, m.JWKS())); n != 1 {
		t.Fatalf("%d keys after the first start", n)
	}
	if err := m.Rotate(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(parseJWKS(t, m.JWKS())); n != 1 {
		t.Fatal("a second Rotate before the schedule added a key")
	}

	// 10 min before the rotation the next key is published, not signing.
	clk.Add(24*time.Hour - 10*time.Minute)
	old := issue(t, m, clk.Now())
	if err := m.Rotate(ctx); err != nil {
		t.Fatal(err)
	}
	if k, _ := m.Signing(); k.KID != first.KID || len(parseJWKS(t, m.JWKS())) != 2 {
		t.Fatalf("publish-ahead: signing %s, %d keys", k.KID, len(parseJWKS(t, m.JWKS())))
	}
	clk.Add(10 * time.Minute)
	next, _ := m.Signing()
	if next.KID == first.KID {
		t.Fatal("the next key does not sign at its activation")
	}
	if err := verifies(t, m.JWKS(), old, clk.Now()); err != nil {
		t.Fatalf("token of the previous key after rotation: %v", err)
	}
	if err := verifies(t, m.JWKS(), issue(t, m, clk.Now()), clk.Now()); err != nil {
		t.Fatalf("token of the new key: %v", err)
	}
	// Another replica loading the same schedule sees the same keys.
	other, _ := keys.New(db, cfg, nil, clk.Now)
	if err := other.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if k, _ := other.Signing(); k.KID != next.KID || string(other.JWKS()) != string(m.JWKS()) {
		t.Fatal("replicas disagree on the keys")
	}
	// Retired: access TTL + 5 min after the new key took over.
	clk.Add(cfg.AccessTTL + keys.RetireMargin + time.Second)
	if err := m.Rotate(ctx); err != nil {
		t.Fatal(err)
	}
	if set := parseJWKS(t, m.JWKS()); len(set) != 1 || set[first.KID] != nil {
		t.Fatalf("the retired key is still published: %d keys", len(set))
	}
}

// Two replicas rotating at once create one key (the advisory lock).
func TestConcurrentFirstStart(t *testing.T) {
	db := migrated(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, _ := keys.New(db, cfg, nil, nil)
			if err := m.Rotate(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM auth.signing_keys`); err != nil || n != 1 {
		t.Fatalf("%d keys (%v), want 1", n, err)
	}
}

// With AUTH_KEY_ENCRYPTION_KEY the stored private key is sealed: the
// database holds no PKCS#8, and another encryption key cannot load it.
func TestEncryptionAtRest(t *testing.T) {
	db := migrated(t)
	ctx := context.Background()
	sealed := cfg
	sealed.EncryptionKey = []byte("0123456789abcdef0123456789abcdef")
	m, _ := keys.New(db, sealed, nil, nil)
	if err := m.Rotate(ctx); err != nil {
		t.Fatal(err)
	}
	var row struct {
		Der       []byte `db:"private_key"`
		Encrypted bool   `db:"encrypted"`
	}
	if err := db.Get(&row, `SELECT private_key, encrypted FROM auth.signing_keys`); err != nil {
		t.Fatal(err)
	}
	if _, err := x509.ParsePKCS8PrivateKey(row.Der); err == nil || !row.Encrypted {
		t.Fatal("the private key is stored in the clear")
	}
	again, _ := keys.New(db, sealed, nil, nil)
	if err := again.Reload(ctx); err != nil {
		t.Fatalf("reload with the same key: %v", err)
	}
	wrong := cfg
	wrong.EncryptionKey = []byte("another-key-another-key-another-key")
	bad, _ := keys.New(db, wrong, nil, nil)
	if err := bad.Reload(ctx); err == nil || !strings.Contains(err.Error(), "AUTH_KEY_ENCRYPTION_KEY") {
		t.Fatalf("reload with another key: %v", err)
	}
	none, _ := keys.New(db, cfg, nil, nil)
	if err := none.Reload(ctx); err == nil || !strings.Contains(err.Error(), "AUTH_KEY_ENCRYPTION_KEY") {
		t.Fatalf("reload without a key: %v", err)
	}
}

// AUTH_SIGNING_KEY_FILE: the one key from the PEM signs, nothing is stored.
func TestFixedKey(t *testing.T) {
	db := migrated(t)
	priv, _, err := keys.Generate()
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalECPrivateKey(priv)
	parsed, err := keys.ParsePEM(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}))
	if err != nil {
		t.Fatal(err)
	}
	fixed := cfg
	fixed.Fixed = parsed
	m, _ := keys.New(db, fixed, nil, nil)
	if err := m.Rotate(context.Background()); err != nil {
		t.Fatal(err)
	}
	kid, _ := keys.KIDOf(priv)
	if k, _ := m.Signing(); k.KID != kid {
		t.Fatalf("signing kid %s, want %s", k.KID, kid)
	}
	if err := verifies(t, m.JWKS(), issue(t, m, time.Now()), time.Now()); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM auth.signing_keys`); err != nil || n != 0 {
		t.Fatalf("%d keys stored with a fixed key", n)
	}
	for _, bad := range []string{"", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"} {
		if _, err := keys.ParsePEM([]byte(bad)); err == nil {
			t.Fatalf("ParsePEM(%q) accepted", bad)
		}
	}
}
