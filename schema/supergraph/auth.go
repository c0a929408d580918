package supergraph

import (
	"slices"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// FieldAuthorization is what a client must prove to read one field. The
// router checks it before planning, so an unauthorised field is nulled with
// an error instead of reaching the subgraph.
type FieldAuthorization struct {
	TypeName, FieldName string
	// Authenticated: any verified identity will do (@authenticated).
	Authenticated bool
	// Scopes is an OR of AND-sets from @requiresScopes: the request needs
	// every scope of at least one set.
	Scopes [][]string
	// Policies is an OR of AND-sets of policy names from @policy, decided
	// by the router's policy hook.
	Policies [][]string
}

// specNames maps the canonical names of the authorization and cost specs
// to the names a supergraph uses for them: the defaults, or what its @link
// imports rename them to.
type specNames map[string]string

func readSpecNames(doc *ast.SchemaDocument) specNames {
	n := specNames{"authenticated": "authenticated", "requiresScopes": "requiresScopes", "policy": "policy", "cost": "cost", "listSize": "listSize"}
	for _, sd := range append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...) {
		for _, l := range sd.Directives.ForNames("link") {
			url := arg(l, "url")
			for canon := range n {
				if !strings.Contains(url, "/"+canon+"/") && !(canon == "listSize" && strings.Contains(url, "/cost/")) {
					continue
				}
				if as := arg(l, "as"); as != "" && !strings.Contains(url, "/cost/") {
					n[canon] = as
				}
				if imp := l.Arguments.ForName("import"); imp != nil && imp.Value != nil {
					for _, c := range imp.Value.Children {
						if c.Value.Kind != ast.ObjectValue {
							continue
						}
						var name, as string
						for _, f := range c.Value.Children {
							switch f.Name {
							case "name":
								name = strings.TrimPrefix(f.Value.Raw, "@")
							case "as":
								as = strings.TrimPrefix(f.Value.Raw, "@")
							}
						}
						if name == canon && as != "" {
							n[canon] = as
						}
					}
				}
			}
		}
	}
	return n
}

// authOf is the authorization one element (type or field) declares.
type authOf struct {
	authenticated    bool
	scopes, policies [][]string
}

func (n specNames) auth(list ast.DirectiveList) authOf {
	var a authOf
	a.authenticated = list.ForName(n["authenticated"]) != nil
	if d := list.ForName(n["requiresScopes"]); d != nil {
		a.scopes = nestedStrings(d, "scopes")
	}
	if d := list.ForName(n["policy"]); d != nil {
		a.policies = nestedStrings(d, "policies")
	}
	return a
}

func (a authOf) empty() bool { return !a.authenticated && a.scopes == nil && a.policies == nil }

// authorization lists every field with requirements. As Apollo defines
// it, a directive on an object or interface type applies to every field of
// that type and to every field returning it; on a scalar or enum, to every
// field returning it. Requirements from several places must all hold, so
// their OR-of-AND sets are combined by distributing the AND.
func authorization(types []*ast.Definition, n specNames) []FieldAuthorization {
	byType := map[string]authOf{}
	for _, d := range types {
		if a := n.auth(d.Directives); !a.empty() {
			byType[d.Name] = a
		}
	}
	var out []FieldAuthorization
	for _, d := range types {
		if (d.Kind != ast.Object && d.Kind != ast.Interface) || isSpecType(d.Name) {
			continue
		}
		own := byType[d.Name]
		for _, f := range d.Fields {
			fa := FieldAuthorization{TypeName: d.Name, FieldName: f.Name}
			for _, a := range []authOf{own, byType[f.Type.Name()], n.auth(f.Directives)} {
				fa.Authenticated = fa.Authenticated || a.authenticated
				fa.Scopes = and(fa.Scopes, a.scopes)
				fa.Policies = and(fa.Policies, a.policies)
			}
			if fa.Authenticated || fa.Scopes != nil || fa.Policies != nil {
				out = append(out, fa)
			}
		}
	}
	return out
}

// and combines two OR-of-AND requirements into one that holds when both
// do: every pair of alternatives merged. nil means "no requirement".
func and(a, b [][]string) [][]string {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	var out [][]string
	for _, x := range a {
		for _, y := range b {
			set := append(slices.Clone(x), y...)
			sort.Strings(set)
			set = slices.Compact(set)
			if !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, set) }) {
				out = append(out, set)
			}
		}
	}
	return out
}

// nestedStrings reads a [[String!]!]! argument, each AND-set sorted so
// requirements compare equal however they were written.
func nestedStrings(d *ast.Directive, name string) [][]string {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return nil
	}
	out := [][]string{}
	for _, or := range a.Value.Children {
		set := []string{}
		for _, s := range or.Value.Children {
			set = append(set, s.Value.Raw)
		}
		sort.Strings(set)
		out = append(out, set)
	}
	return out
}
