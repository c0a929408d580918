package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// Through the real router: a token is accepted only with the router's
// audience in aud (alone or in a list); another API's token, or one
// without aud, is a 401 UNAUTHENTICATED.
func TestAudienceThroughTheRouter(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		tests := []struct {
			name   string
			aud    any // nil: no aud claim
			status int
		}{
			{"right audience", "nexus-test-api", http.StatusOK},
			{"aud array containing the right one", []string{"billing", "nexus-test-api"}, http.StatusOK},
			{"wrong audience", "some-other-api", http.StatusUnauthorized},
			{"missing audience", nil, http.StatusUnauthorized},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tok := env.TokenWith(t, func(c jwt.MapClaims) {
					if tt.aud == nil {
						delete(c, "aud")
					} else {
						c["aud"] = tt.aud
					}
				})
				req, _ := http.NewRequest(http.MethodPost, env.RouterURL, bytes.NewReader([]byte(`{"query":"{ products(first: 1) { totalCount } }"}`)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+tok)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				var out struct {
					Data   map[string]any `json:"data"`
					Errors []struct {
						Message    string         `json:"message"`
						Extensions map[string]any `json:"extensions"`
					} `json:"errors"`
				}
				if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
					t.Fatal(err)
				}
				if resp.StatusCode != tt.status {
					t.Fatalf("status %d, want %d (%+v)", resp.StatusCode, tt.status, out)
				}
				if tt.status == http.StatusOK {
					if len(out.Errors) > 0 || out.Data["products"] == nil {
						t.Fatalf("%+v", out)
					}
					return
				}
				if len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "UNAUTHENTICATED" || out.Data != nil {
					t.Fatalf("%+v", out)
				}
			})
		}
	})
}
