package account_test

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// TestEventsCarryNoSecrets runs every flow that publishes, then checks the
// outbox: the contract's event types with their fields, and no password,
// hash or token (raw, or its stored hash in hex or base64) in any payload.
func TestEventsCarryNoSecrets(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	const newPassword = "the second password"
	secrets := []string{goodPassword, newPassword, "$argon2id$"}
	keep := func(tokens ...string) {
		for _, tok := range tokens {
			h := store.HashToken(tok)
			secrets = append(secrets, tok, hex.EncodeToString(h), base64.StdEncoding.EncodeToString(h), base64.RawURLEncoding.EncodeToString(h))
		}
	}
	mailTokens := func() {
		var bodies []string
		if err := e.db.Select(&bodies, `SELECT text_body FROM auth.mail_queue`); err != nil {
			t.Fatal(err)
		}
		for _, b := range bodies {
			for _, m := range linkToken.FindAllStringSubmatch(b, -1) {
				keep(m[2])
			}
		}
	}
	adm := register(t, e, "admin@example.com")
	s := register(t, e, "sec@example.com")
	keep(adm.RefreshToken, s.RefreshToken, adm.AccessToken, s.AccessToken)
	admin := account.Caller{UserID: adm.User.ID, Admin: true}
	c := account.Caller{UserID: s.User.ID, SessionID: s.ID, Address: "192.0.2.1"}
	in, err := e.svc.SignIn(ctx, "sec@example.com", goodPassword, c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.svc.Refresh(ctx, in.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	keep(in.RefreshToken, r.RefreshToken)
	if err := e.svc.SignOut(ctx, r.RefreshToken, account.Caller{}, false); err != nil {
		t.Fatal(err)
	}
	ch, err := e.svc.ChangePassword(ctx, c, goodPassword, newPassword)
	if err != nil {
		t.Fatal(err)
	}
	keep(ch.RefreshToken)
	if err := e.svc.RequestPasswordReset(ctx, "sec@example.com", c); err != nil {
		t.Fatal(err)
	}
	mailTokens()
	if _, err := e.svc.SetRole(ctx, admin, s.User.ID, "ADMIN"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Disable(ctx, admin, s.User.ID, "testing"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Enable(ctx, admin, s.User.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.SignOut(ctx, "", c, true); err != nil {
		t.Fatal(err)
	}

	var rows []struct {
		Type    string `db:"type"`
		Payload string `db:"payload"`
	}
	if err := e.db.Select(&rows, `SELECT type, payload::text AS payload FROM auth.outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	fields := map[string][]string{
		"user.registered":       {"userId", "email", "firstName", "lastName", "role"},
		"user.signed_in":        {"userId", "sessionId"},
		"user.signed_out":       {"userId", "sessionId", "everywhere"},
		"user.role_changed":     {"userId", "from", "to", "by"},
		"user.disabled":         {"userId", "reason", "by"},
		"user.enabled":          {"userId", "by"},
		"user.password_changed": {"userId"},
	}
	seen := map[string]bool{}
	for _, row := range rows {
		seen[row.Type] = true
		for _, secret := range secrets {
			if strings.Contains(row.Payload, secret) {
				t.Errorf("%s carries a secret: %s", row.Type, row.Payload)
			}
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(row.Payload), &m); err != nil {
			t.Fatal(err)
		}
		want := fields[row.Type]
		got := make([]string, 0, len(m))
		for k := range m {
			got = append(got, k)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s has fields %v, want %v", row.Type, got, want)
		}
	}
	for typ := range fields {
		if !seen[typ] {
			t.Errorf("no %s event", typ)
		}
	}
	if len(secrets) < 20 {
		t.Fatalf("only %d secrets collected: the check proves little", len(secrets))
	}
}
