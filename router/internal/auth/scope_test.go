package auth

import "testing"

func TestAllowed(t *testing.T) {
	user := &Claims{Subject: "u", Scopes: []string{"read", "write"}}
	tests := []struct {
		name   string
		c      *Claims
		authn  bool
		scopes [][]string
		want   bool
	}{
		{"public field, anonymous", nil, false, nil, true},
		{"public field, user", user, false, nil, true},
		{"@authenticated, anonymous", nil, true, nil, false},
		{"@authenticated, user", user, true, nil, true},
		{"scopes, anonymous", nil, false, [][]string{{"read"}}, false},
		{"one AND-set satisfied", user, false, [][]string{{"read", "write"}}, true},
		{"AND-set partly satisfied", user, false, [][]string{{"read", "admin"}}, false},
		{"second OR branch", user, false, [][]string{{"admin"}, {"write"}}, true},
		{"no branch", user, false, [][]string{{"admin"}, {"root", "read"}}, false},
		{"empty AND-set needs a caller", nil, false, [][]string{{}}, false},
		{"empty AND-set, user", user, false, [][]string{{}}, true},
		{"user with no scopes", &Claims{Subject: "u"}, true, [][]string{{"read"}}, false},
	}
	for _, tt := range tests {
		if got := Allowed(tt.c, tt.authn, tt.scopes); got != tt.want {
			t.Errorf("%s: Allowed = %v, want %v", tt.name, got, tt.want)
		}
	}
}
