package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func decodeJSON(resp *http.Response, dst any) error { return json.NewDecoder(resp.Body).Decode(dst) }
