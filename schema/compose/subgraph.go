package compose

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Subgraph is one federated service as the composer sees it: a name (which
// becomes the join__Graph value), the URL the router will call and its SDL.
type Subgraph struct {
	Name string
	URL  string
	SDL  string
}

// federationSpecPrefix identifies the federation @link; its version follows.
const federationSpecPrefix = "https://specs.apollo.dev/federation/"

// federationDirectives are the directives of the federation spec, by their
// canonical names (without "@").
var federationDirectives = []string{
	"key", "external", "requires", "provides", "extends", "shareable",
	"inaccessible", "tag", "override", "interfaceObject", "composeDirective",
	"authenticated", "requiresScopes", "policy", "cost", "listSize", "context", "fromContext",
}

// federationTypes are the definitions a subgraph carries for the federation
// machinery; they never reach the supergraph.
var federationTypes = map[string]bool{
	"_Service": true, "_Any": true, "_Entity": true, "_FieldSet": true, "FieldSet": true,
	"federation__FieldSet": true, "federation__Scope": true, "federation__Policy": true,
	"federation__ContextFieldValue": true, "link__Import": true, "link__Purpose": true,
	"Scope": true, "Policy": true, "ContextFieldValue": true, "link__FieldSet": true,
}

// parsed is a subgraph after parsing: its definitions and extensions merged
// by type name, and a map from the names its SDL uses for federation
// directives to their canonical names.
type parsed struct {
	Subgraph
	// v2 is true when the SDL links the federation v2 spec; v1 subgraphs
	// make every field shareable and use @extends / `extend type`.
	v2 bool
	// canonical maps a directive name as written in this SDL to the
	// canonical federation name ("key", "shareable", ...).
	canonical map[string]string
	// types in SDL order; each merges the definition and its extensions.
	types []*ast.Definition
	// extension marks types that appear only as `extend type` or carry @extends.
	extension map[string]bool
	// roots maps operation ("query", "mutation", "subscription") to type name.
	roots map[string]string
	// composed are the directives named by @composeDirective, by name.
	composed map[string]*composedDirective
	// keyNested are the fields keys select below their top level
	// (nestedKeyFields), shareable as key fields are.
	keyNested map[string]bool
}

// parseSubgraph parses one subgraph SDL and resolves its federation imports.
func parseSubgraph(s Subgraph) (*parsed, error) {
	doc, err := parser.ParseSchema(&ast.Source{Name: s.Name, Input: s.SDL})
	if err != nil {
		return nil, &Error{Rule: "INVALID_GRAPHQL", Subgraphs: []string{s.Name}, Message: err.Error()}
	}
	p := &parsed{Subgraph: s, canonical: map[string]string{}, extension: map[string]bool{}, composed: map[string]*composedDirective{}, roots: map[string]string{
		"query": "Query", "mutation": "Mutation", "subscription": "Subscription",
	}}
	p.readLinks(append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...))
	if err := p.readComposed(doc); err != nil {
		return nil, err
	}
	for _, sd := range append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...) {
		for _, op := range sd.OperationTypes {
			p.roots[string(op.Operation)] = op.Type
		}
	}

	byName := map[string]*ast.Definition{}
	add := func(d *ast.Definition, isExt bool) {
		if federationTypes[d.Name] || strings.HasPrefix(d.Name, "join__") {
			return
		}
		cur, ok := byName[d.Name]
		if !ok {
			cp := *d
			cp.Fields = append(ast.FieldList{}, d.Fields...)
			cp.Directives = append(ast.DirectiveList{}, d.Directives...)
			cp.Interfaces = append([]string{}, d.Interfaces...)
			cp.Types = append([]string{}, d.Types...)
			cp.EnumValues = append(ast.EnumValueList{}, d.EnumValues...)
			byName[d.Name] = &cp
			p.types = append(p.types, &cp)
			p.extension[d.Name] = isExt
		} else {
			if cur.Kind != d.Kind {
				return // reported by the merge as a kind mismatch within one subgraph is a parse-level error below
			}
			cur.Fields = append(cur.Fields, d.Fields...)
			cur.Directives = append(cur.Directives, d.Directives...)
			cur.Interfaces = append(cur.Interfaces, d.Interfaces...)
			cur.Types = append(cur.Types, d.Types...)
			cur.EnumValues = append(cur.EnumValues, d.EnumValues...)
			if !isExt {
				p.extension[d.Name] = false
				if cur.Description == "" {
					cur.Description = d.Description
				}
			}
		}
	}
	for _, d := range doc.Definitions {
		add(d, false)
	}
	for _, d := range doc.Extensions {
		add(d, true)
	}
	for _, d := range p.types {
		if p.directive(d.Directives, "extends") != nil {
			p.extension[d.Name] = true
		}
		// Drop the federation entry points a subgraph may print in its SDL.
		if d.Name == p.roots["query"] {
			d.Fields = removeFields(d.Fields, "_service", "_entities")
		}
	}
	p.keyNested = p.nestedKeyFields()
	return p, nil
}

// readLinks finds the federation @link and records how this SDL names each
// federation directive: imported names, renamed imports ({name, as}) and the
// namespaced form (federation__key, or <as>__key).
func (p *parsed) readLinks(schemas ast.SchemaDefinitionList) {
	for _, sd := range schemas {
		for _, d := range sd.Directives {
			if d.Name != "link" {
				continue
			}
			url := argString(d, "url")
			if !strings.HasPrefix(url, federationSpecPrefix) {
				continue
			}
			p.v2 = true
			ns := "federation"
			if as := argString(d, "as"); as != "" {
				ns = as
			}
			for _, name := range federationDirectives {
				p.canonical[ns+"__"+name] = name
			}
			if imp := d.Arguments.ForName("import"); imp != nil && imp.Value != nil {
				for _, c := range imp.Value.Children {
					v := c.Value
					switch v.Kind {
					case ast.StringValue:
						n := strings.TrimPrefix(v.Raw, "@")
						p.canonical[n] = n
					case ast.ObjectValue:
						var name, as string
						for _, f := range v.Children {
							switch f.Name {
							case "name":
								name = strings.TrimPrefix(f.Value.Raw, "@")
							case "as":
								as = strings.TrimPrefix(f.Value.Raw, "@")
							}
						}
						if as == "" {
							as = name
						}
						p.canonical[as] = name
					}
				}
			}
		}
	}
	if !p.v2 {
		// Federation 1: the directives are used by their plain names.
		for _, name := range federationDirectives {
			p.canonical[name] = name
		}
	}
}

// directive returns the first directive in list whose canonical federation
// name is name, or nil.
func (p *parsed) directive(list ast.DirectiveList, name string) *ast.Directive {
	for _, d := range list {
		if p.canonical[d.Name] == name {
			return d
		}
	}
	return nil
}

// directives returns every directive in list whose canonical name is name.
func (p *parsed) directives(list ast.DirectiveList, name string) []*ast.Directive {
	var out []*ast.Directive
	for _, d := range list {
		if p.canonical[d.Name] == name {
			out = append(out, d)
		}
	}
	return out
}

// isFederationDirective reports whether a directive application is one of
// the federation spec's (as named in this SDL).
func (p *parsed) isFederationDirective(name string) bool {
	_, ok := p.canonical[name]
	return ok || name == "link"
}

func argString(d *ast.Directive, name string) string {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return ""
	}
	return a.Value.Raw
}

func argBool(d *ast.Directive, name string, def bool) bool {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return def
	}
	return a.Value.Raw == "true"
}

func removeFields(fields ast.FieldList, names ...string) ast.FieldList {
	out := fields[:0:0]
	for _, f := range fields {
		keep := true
		for _, n := range names {
			if f.Name == n {
				keep = false
			}
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

func (p *parsed) String() string { return fmt.Sprintf("subgraph %q", p.Name) }
