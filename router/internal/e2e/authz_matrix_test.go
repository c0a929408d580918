package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

func jsonInto(raw json.RawMessage, dst any) error { return json.Unmarshal(raw, dst) }

// outcome classifies a response in the contract's vocabulary, with the
// layers that refused: "r" the router, "s" a subgraph. The router's own
// refusal of an @authenticated or @requiresScopes field is
// UNAUTHORIZED_FIELD_OR_TYPE; its reason tells UNAUTHENTICATED ("not
// authenticated") from FORBIDDEN ("requires scopes"). Errors that do not
// agree on one code, or an error beside a non-null root field, are
// reported as such and match no expectation.
func outcome(r gqlResult, field string) (string, string) {
	if r.Status == http.StatusUnauthorized {
		if c := r.codes(); len(c) == 1 && c[0] == unauth && r.Data == nil {
			return unauth, "r"
		}
		return "401 " + r.Raw, "r"
	}
	root := strings.TrimSpace(string(r.Data[field]))
	if len(r.Errors) == 0 {
		if root == "" || root == "null" {
			return null, ""
		}
		return ok, ""
	}
	classes := map[string]bool{}
	layers := map[string]bool{}
	for _, e := range r.Errors {
		code, _ := e.Extensions["code"].(string)
		if code == "UNAUTHORIZED_FIELD_OR_TYPE" {
			layers["r"] = true
			switch {
			case strings.Contains(e.Message, "not authenticated"):
				code = unauth
			case strings.Contains(e.Message, "requires scopes"):
				code = forbid
			}
		} else if e.Extensions["serviceName"] != nil {
			layers["s"] = true
		}
		classes[code] = true
	}
	var cs []string
	for c := range classes {
		cs = append(cs, c)
	}
	layer := strings.Join(sortedKeys(layers), "+")
	if len(cs) != 1 {
		return "mixed " + strings.Join(cs, ","), layer
	}
	if root != "" && root != "null" {
		return "partial " + cs[0], layer
	}
	return cs[0], layer
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for _, k := range []string{"r", "s"} {
		if m[k] {
			out = append(out, k)
		}
	}
	return out
}

// TestAuthorizationMatrix runs every auth and customer operation, the
// catalog's review and admin variant operations (and the
// entity paths between the two subgraphs) through the real router as
// eight principals — anonymous, customers A and B, an admin, a user
// disabled after signing in, an expired token, a token signed by an
// unknown key and a tampered token — and checks each cell's outcome. It
// also checks that no principal but A and the admin ever receives any of
// A's data, and that A's data is unchanged after every cell of every
// other principal. The matrix is printed (go test -v).
func TestAuthorizationMatrix(t *testing.T) {
	testenv.RunIdentity(t, func(t *testing.T, env *testenv.Identity) {
		w := newWorld(t, env)
		got := make([][]string, len(ops))
		failed := 0
		for i, o := range ops {
			got[i] = make([]string, len(principalOrder))
			for j, name := range principalOrder {
				p := w.p[name]
				var before string
				if name != pA {
					before = w.snapshotA(t)
				}
				var vars map[string]any
				if o.vars != nil {
					vars = o.vars(w, p)
				}
				r := call(t, env, p.token, o.query, vars)
				class, layer := outcome(r, o.field)
				want := o.want[name]
				problem := ""
				switch {
				case class != want:
					problem = fmt.Sprintf("got %s, want %s: %s", class, want, r.Raw)
				case class == ok && o.check != nil:
					problem = o.check(w, p, r)
				}
				if name != pA && name != pAdmin {
					for _, s := range w.secretsOfA {
						if strings.Contains(r.Raw, s) {
							problem += fmt.Sprintf("; the response holds A's %q", s)
						}
					}
				}
				if name != pA {
					if after := w.snapshotA(t); after != before {
						problem += fmt.Sprintf("; A's data changed:\n%s\n%s", before, after)
					}
				}
				if o.after != nil {
					o.after(w, p, r)
				}
				cell := class
				if layer != "" {
					cell += "[" + layer + "]"
				}
				if problem != "" {
					failed++
					cell = "✗ " + cell
					t.Errorf("%s as %s: %s", o.name, name, problem)
				}
				got[i][j] = cell
			}
		}
		t.Logf("authorization matrix: %d operations × %d principals = %d cells, %d as expected, %d not\n%s",
			len(ops), len(principalOrder), len(ops)*len(principalOrder), len(ops)*len(principalOrder)-failed, failed, render(got))
	})
}

// render prints the matrix as a Markdown table.
func render(got [][]string) string {
	var b strings.Builder
	b.WriteString("| operation | " + strings.Join(principalOrder, " | ") + " |\n|---")
	b.WriteString(strings.Repeat("|---", len(principalOrder)) + "|\n")
	for i, o := range ops {
		b.WriteString("| " + o.name + " | " + strings.Join(got[i], " | ") + " |\n")
	}
	return b.String()
}
