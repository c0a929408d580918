package authbench

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The many-addresses burst depends on this: a client bound to another
// loopback address reaches a server on 127.0.0.1, which sees that address.
func TestClientSendsFromItsAddress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		var body struct {
			Query string `json:"query"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "Bearer tok" {
			_ = json.NewEncoder(w).Encode(map[string]any{"data": nil, "errors": []any{map[string]any{
				"message": "email or password is incorrect", "extensions": map[string]any{"code": "UNAUTHENTICATED"}}}})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"from": host, "query": body.Query}})
	}))
	defer srv.Close()
	for _, from := range []string{manyAddress(0), manyAddress(499), "127.0.0.2"} {
		c := NewClient(srv.URL, from, false)
		a, err := c.Do(context.Background(), "{ __typename }", nil, "tok")
		c.Close()
		if err != nil {
			t.Fatalf("from %s: %v", from, err)
		}
		var d struct{ From, Query string }
		if err := json.Unmarshal(a.Data, &d); err != nil || d.From != from || d.Query != "{ __typename }" || a.Class() != "ok" {
			t.Errorf("from %s: server saw %+v (%s, %v)", from, d, a.Class(), err)
		}
	}
	c := NewClient(srv.URL, "", true)
	defer c.Close()
	if _, a, err := c.SignIn(context.Background(), "x@example.com", "y"); err == nil || a.Class() != "UNAUTHENTICATED" {
		t.Errorf("a refused sign-in: err %v, class %q", err, a.Class())
	}
}

func TestManyAddressesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for i := range 1000 {
		a := manyAddress(i)
		if ip := net.ParseIP(a); ip == nil || !ip.IsLoopback() || seen[a] {
			t.Fatalf("address %d: %s (loopback %v, seen %v)", i, a, ip != nil && ip.IsLoopback(), seen[a])
		}
		seen[a] = true
	}
}
