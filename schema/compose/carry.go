package compose

import (
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// carriedDirectives are the federation directives that survive into the
// supergraph because the router acts on them: authorization (checked
// before planning) and cost (the operation cost limit). Apollo carries them
// the same way, under their spec names, linked from the schema.
var carriedDirectives = []string{"authenticated", "requiresScopes", "policy", "cost", "listSize"}

// carry copies the carried directives of list (as this subgraph names
// them) into into, under their canonical names. @requiresScopes and
// @policy from several subgraphs merge into one whose alternatives are the
// union of theirs; for the others the first subgraph's application wins.
func (p *parsed) carry(list ast.DirectiveList, into *ast.DirectiveList) {
	for _, d := range list {
		if cd := p.composed[d.Name]; cd != nil {
			// A composed directive: repeatable applications accumulate
			// (once each), otherwise the first subgraph's wins.
			if cur := into.ForName(d.Name); cur == nil || (cd.def.IsRepeatable && !hasApplication(*into, d)) {
				*into = append(*into, d)
			}
			continue
		}
		canon := p.canonical[d.Name]
		if !slices.Contains(carriedDirectives, canon) {
			continue
		}
		cur := into.ForName(canon)
		if cur == nil {
			cp := *d
			cp.Name = canon
			*into = append(*into, &cp)
			continue
		}
		if canon == "requiresScopes" || canon == "policy" {
			argName := map[string]string{"requiresScopes": "scopes", "policy": "policies"}[canon]
			mergeAlternatives(cur, d, argName)
		}
	}
}

func hasApplication(list ast.DirectiveList, d *ast.Directive) bool {
	for _, x := range list {
		if directiveString(x) == directiveString(d) {
			return true
		}
	}
	return false
}

// mergeAlternatives adds the AND-sets of add's [[String!]!]! argument that
// cur lacks, so either subgraph's requirement admits a request.
func mergeAlternatives(cur, add *ast.Directive, argName string) {
	ca, aa := cur.Arguments.ForName(argName), add.Arguments.ForName(argName)
	if ca == nil || aa == nil || ca.Value == nil || aa.Value == nil {
		return
	}
	seen := map[string]bool{}
	for _, c := range ca.Value.Children {
		seen[c.Value.String()] = true
	}
	merged := *ca.Value
	merged.Children = slices.Clone(ca.Value.Children)
	for _, c := range aa.Value.Children {
		if !seen[c.Value.String()] {
			merged.Children = append(merged.Children, c)
			seen[c.Value.String()] = true
		}
	}
	cp := *ca
	cp.Value = &merged
	for i, a := range cur.Arguments {
		if a.Name == argName {
			cur.Arguments = slices.Clone(cur.Arguments)
			cur.Arguments[i] = &cp
		}
	}
}

// carriedSpecs returns which of the carried directives the supergraph uses.
func (m *merger) carriedSpecs() map[string]bool {
	used := map[string]bool{}
	mark := func(list ast.DirectiveList) {
		for _, d := range list {
			used[d.Name] = true // composed directives too; specLinks ignores them
		}
	}
	for _, t := range m.types {
		mark(t.Carried)
		for _, f := range t.Fields {
			mark(f.Carried)
			for _, a := range f.Args {
				mark(a.Carried)
			}
		}
		for _, v := range t.Values {
			mark(v.Carried)
		}
	}
	return used
}

// specLinks and specDefinitions print the @link and the definitions of each
// carried spec as Apollo's supergraphs do.
func specLinks(used map[string]bool) string {
	var b strings.Builder
	for _, s := range []string{"authenticated", "requiresScopes", "policy"} {
		if used[s] {
			b.WriteString("  @link(url: \"https://specs.apollo.dev/" + s + "/v0.1\", for: SECURITY)\n")
		}
	}
	if used["cost"] || used["listSize"] {
		b.WriteString("  @link(url: \"https://specs.apollo.dev/cost/v0.1\", import: [\"@cost\", \"@listSize\"])\n")
	}
	return b.String()
}

func specDefinitions(used map[string]bool) string {
	var b strings.Builder
	if used["authenticated"] {
		b.WriteString("directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\n")
	}
	if used["cost"] || used["listSize"] {
		b.WriteString("directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR\n\n")
		b.WriteString("directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION\n\n")
	}
	if used["policy"] {
		b.WriteString("directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\n")
	}
	if used["requiresScopes"] {
		b.WriteString("directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\n")
	}
	return b.String()
}

func specScalars(used map[string]bool) string {
	var b strings.Builder
	if used["policy"] {
		b.WriteString("\nscalar policy__Policy\n")
	}
	if used["requiresScopes"] {
		b.WriteString("\nscalar requiresScopes__Scope\n")
	}
	return b.String()
}

func writeCarried(b *strings.Builder, list ast.DirectiveList, sep string) {
	for _, d := range list {
		b.WriteString(sep + directiveString(d))
	}
}
