package account_test

import (
	"context"
	"fmt"
	"testing"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
)

func TestUsersListing(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var ids []string
	for i := range 7 {
		e.clock.Advance(1000) // distinct creation times (microseconds apart)
		ids = append(ids, register(t, e, fmt.Sprintf("user%d@example.com", i)).User.ID)
	}
	admin := account.Caller{UserID: ids[0], Admin: true}
	if _, err := e.svc.Users(ctx, account.Caller{UserID: ids[1]}, auth.UserFilter{}, 10, ""); code(err) != auth.Forbidden {
		t.Fatalf("non-admin listing: %v", err)
	}
	// Pages of 3, newest first, cover everyone once.
	var seen []string
	after := ""
	for page := 0; ; page++ {
		p, err := e.svc.Users(ctx, admin, auth.UserFilter{}, 3, after)
		if err != nil {
			t.Fatal(err)
		}
		if p.TotalCount != 7 || p.HasPrevious != (page > 0) {
			t.Fatalf("page %d: %+v", page, p)
		}
		for _, u := range p.Users {
			seen = append(seen, u.ID)
		}
		if !p.HasNext {
			break
		}
		after = auth.CursorOf(p.Users[len(p.Users)-1]).Encode()
	}
	for i, id := range seen {
		if id != ids[len(ids)-1-i] {
			t.Fatalf("order %v, want newest first of %v", seen, ids)
		}
	}
	yes := true
	if _, err := e.svc.Disable(ctx, admin, ids[3], "fraud"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    auth.UserFilter
		want int
	}{
		{"search email", auth.UserFilter{Search: "USER3@"}, 1},
		{"search name", auth.UserFilter{Search: "lee"}, 7},
		{"search literal percent", auth.UserFilter{Search: "%"}, 0},
		{"role", auth.UserFilter{Role: auth.RoleAdmin}, 0},
		{"disabled", auth.UserFilter{Disabled: &yes}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := e.svc.Users(ctx, admin, tt.f, 100, "")
			if err != nil || p.TotalCount != tt.want || len(p.Users) != tt.want {
				t.Fatalf("%+v: %d users (%v), want %d", tt.f, p.TotalCount, err, tt.want)
			}
		})
	}
	_, err := e.svc.Users(ctx, admin, auth.UserFilter{}, 0, "bogus")
	if fes := auth.FieldErrors(err); len(fes) != 2 || fes[0].Field != "first" || fes[1].Field != "after" {
		t.Fatalf("bad arguments: %v", err)
	}
}

func TestAdminChanges(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	adm := register(t, e, "boss@example.com")
	cust := register(t, e, "cust@example.com")
	admin := account.Caller{UserID: adm.User.ID, Admin: true}
	self := []struct {
		name string
		fn   func() error
	}{
		{"own role", func() error { _, err := e.svc.SetRole(ctx, admin, adm.User.ID, auth.RoleCustomer); return err }},
		{"disable oneself", func() error { _, err := e.svc.Disable(ctx, admin, adm.User.ID, "x"); return err }},
	}
	for _, s := range self {
		if err := s.fn(); code(err) != auth.Invalid {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
	notAdmin := account.Caller{UserID: cust.User.ID}
	if _, err := e.svc.SetRole(ctx, notAdmin, cust.User.ID, auth.RoleAdmin); code(err) != auth.Forbidden {
		t.Fatalf("self-promotion: %v", err)
	}
	if _, err := e.svc.SetRole(ctx, admin, "00000000-0000-0000-0000-000000000000", auth.RoleAdmin); code(err) != auth.NotFound {
		t.Fatalf("unknown user: %v", err)
	}

	u, err := e.svc.SetRole(ctx, admin, cust.User.ID, auth.RoleAdmin)
	if err != nil || u.Role != auth.RoleAdmin {
		t.Fatalf("set role: %+v %v", u, err)
	}
	// Sessions continue with the new scope.
	s, err := e.svc.Refresh(ctx, cust.RefreshToken)
	if err != nil || s.User.Role != auth.RoleAdmin {
		t.Fatalf("refresh after the role change: %v", err)
	}

	if _, err := e.svc.Disable(ctx, admin, cust.User.ID, " "); code(err) != auth.Invalid {
		t.Fatalf("empty reason: %v", err)
	}
	u, err = e.svc.Disable(ctx, admin, cust.User.ID, "chargebacks")
	if err != nil || !u.Disabled {
		t.Fatalf("disable: %v", err)
	}
	if _, err := e.svc.Refresh(ctx, s.RefreshToken); code(err) != auth.Unauthenticated {
		t.Fatalf("refresh of a disabled user: %v", err)
	}
	_, err = e.svc.SignIn(ctx, "cust@example.com", goodPassword, account.Caller{Address: "192.0.2.1"})
	badCredentials(t, err, "disabled sign-in")
	if _, err := e.svc.Me(ctx, account.Caller{UserID: cust.User.ID}); code(err) != auth.Unauthenticated {
		t.Fatalf("me of a disabled user: %v", err)
	}
	u, err = e.svc.Enable(ctx, admin, cust.User.ID)
	if err != nil || u.Disabled {
		t.Fatalf("enable: %v", err)
	}
	if _, err := e.svc.Refresh(ctx, s.RefreshToken); code(err) != auth.Unauthenticated {
		t.Fatal("enabling revived an ended session")
	}
	if _, err := e.svc.SignIn(ctx, "cust@example.com", goodPassword, account.Caller{Address: "192.0.2.1"}); err != nil {
		t.Fatalf("sign in after enable: %v", err)
	}
	var feed []struct {
		Subject  string `db:"subject"`
		Disabled *bool  `db:"disabled"`
	}
	if err := e.db.Select(&feed, `SELECT coalesce(subject::text, '') AS subject, disabled FROM auth.revocations WHERE subject = $1 ORDER BY id`, cust.User.ID); err != nil {
		t.Fatal(err)
	}
	if len(feed) != 3 || feed[0].Disabled != nil || feed[1].Disabled == nil || !*feed[1].Disabled || feed[2].Disabled == nil || *feed[2].Disabled {
		t.Fatalf("revocations (role, disable, enable): %+v", feed)
	}

	// Names: own and, for admins, anyone's; every bad field at once.
	_, err = e.svc.UpdateMe(ctx, account.Caller{UserID: cust.User.ID}, "", "")
	if fes := auth.FieldErrors(err); len(fes) != 2 || fes[0].Field != "input.firstName" || fes[1].Field != "input.lastName" {
		t.Fatalf("empty names: %v", err)
	}
	if u, err := e.svc.UpdateUser(ctx, admin, cust.User.ID, "Cy", "Customer"); err != nil || u.FirstName != "Cy" {
		t.Fatalf("update user: %v", err)
	}
	if _, err := e.svc.UpdateUser(ctx, notAdmin, adm.User.ID, "Cy", "Customer"); code(err) != auth.Forbidden {
		t.Fatalf("update user as a customer: %v", err)
	}
}

func TestChangePassword(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	s := register(t, e, "cp@example.com")
	other, err := e.svc.SignIn(ctx, "cp@example.com", goodPassword, account.Caller{Address: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	c := account.Caller{UserID: s.User.ID, SessionID: s.ID}
	_, err = e.svc.ChangePassword(ctx, c, "wrong current", "cp@example.com")
	if fes := auth.FieldErrors(err); len(fes) != 1 || fes[0].Field != "input.newPassword" {
		t.Fatalf("email as the new password: %v", err)
	}
	_, err = e.svc.ChangePassword(ctx, c, "wrong current", "a fine new password")
	if fes := auth.FieldErrors(err); len(fes) != 1 || fes[0].Field != "input.currentPassword" {
		t.Fatalf("wrong current password: %v", err)
	}
	ns, err := e.svc.ChangePassword(ctx, c, goodPassword, "a fine new password")
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{"this device's old token": s.RefreshToken, "another device": other.RefreshToken} {
		if _, err := e.svc.Refresh(ctx, tok); code(err) != auth.Unauthenticated {
			t.Fatalf("%s after the change: %v", name, err)
		}
	}
	if _, err := e.svc.Refresh(ctx, ns.RefreshToken); err != nil {
		t.Fatalf("the new session: %v", err)
	}
}
