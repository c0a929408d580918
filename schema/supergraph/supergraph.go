// Package supergraph reads an Apollo join-spec supergraph SDL — ours or one
// composed by any other federation tool — into what a query planner needs:
// per-subgraph root and child nodes, keys, @requires, @provides, external
// fields and entity interfaces, the subgraph's own view of the schema, and
// the client-facing API schema (join machinery and @inaccessible removed).
// It depends on no planner, so the metadata stays a plain contract.
package supergraph

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Supergraph is a parsed supergraph.
type Supergraph struct {
	// SDL is the supergraph as read.
	SDL string
	// Graphs are the subgraphs in join__Graph order.
	Graphs []*Graph
	// APISchema is the schema clients see and operations are validated
	// against: no join__/link__ definitions, no @inaccessible elements.
	APISchema string
	// EngineSchema is the schema the planner plans against: the API schema
	// with the @inaccessible elements kept, since a @requires or a key may
	// need them fetched (clients never name them: operations are
	// validated against APISchema first).
	EngineSchema string
	// Arguments lists every field that takes arguments, so the planner
	// forwards them to subgraphs.
	Arguments []FieldArguments
	// Roots maps "query", "mutation", "subscription" to type names.
	Roots map[string]string
	// Authorization lists every field with @authenticated, @requiresScopes
	// or @policy requirements, type-level ones applied to the fields of the
	// type and to the fields returning it; in schema order.
	Authorization []FieldAuthorization
	// Costs is the @cost / @listSize model for the router's cost limit.
	Costs CostModel
	// Resumable lists the subscription root fields declared @resumable,
	// by field name: the router resubscribes them from the last cursor it
	// delivered when their upstream breaks.
	Resumable map[string]Resumable
}

// Graph is one subgraph's share of the supergraph.
type Graph struct {
	// Name is the subgraph name (join__graph name); Enum its join__Graph value.
	Name, Enum string
	// URL is the routing URL from the supergraph; the router may override it.
	URL string
	// RootNodes are where this subgraph can start: root operation fields and
	// entity types it can resolve by key.
	RootNodes []TypeFields
	// ChildNodes are the fields of non-entity types it returns.
	ChildNodes []TypeFields
	// Keys, Requires and Provides are the federation field sets.
	Keys, Requires, Provides []FieldSet
	// EntityInterfaces are interfaces with @key in this subgraph;
	// InterfaceObjects are interfaces this subgraph sees as an object type.
	EntityInterfaces, InterfaceObjects []EntityInterface
	// SDL is this subgraph's view of the schema (types and fields it
	// defines, @key on entities), used to build subgraph requests.
	SDL string
}

// TypeFields lists the fields of one type a subgraph can resolve and those
// it declares @external (only usable as key or @requires input).
type TypeFields struct {
	TypeName           string
	FieldNames         []string
	ExternalFieldNames []string
}

// FieldSet is a @key (FieldName empty), @requires or @provides selection.
type FieldSet struct {
	TypeName     string
	FieldName    string
	SelectionSet string
	// Resolvable is false for @key(resolvable: false): the subgraph
	// references the entity but cannot fetch it by that key.
	Resolvable bool
}

// EntityInterface maps an interface to every object type implementing it.
type EntityInterface struct {
	InterfaceTypeName string
	ConcreteTypeNames []string
}

// FieldArguments names the arguments of one field.
type FieldArguments struct {
	TypeName, FieldName string
	ArgumentNames       []string
}

// Parse reads a join-spec supergraph with the default Options (no
// progressive-override label enabled). Errors name what is malformed.
func Parse(sdl string) (*Supergraph, error) {
	return ParseWith(sdl, Options{})
}

// ParseWith reads a join-spec supergraph, resolving progressive overrides
// by opts.OverrideLabels. Errors name what is malformed.
func ParseWith(sdl string, opts Options) (*Supergraph, error) {
	doc, err := parser.ParseSchema(&ast.Source{Name: "supergraph", Input: sdl})
	if err != nil {
		return nil, fmt.Errorf("supergraph: %w", err)
	}
	sg := &Supergraph{SDL: sdl, Roots: map[string]string{"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}}
	for _, sd := range doc.Schema {
		for _, op := range sd.OperationTypes {
			sg.Roots[string(op.Operation)] = op.Type
		}
	}
	v := newView(doc, sg.Roots, opts)
	if len(v.graphs) == 0 {
		return nil, fmt.Errorf("supergraph: no join__Graph enum with @join__graph values: not a join-spec supergraph")
	}
	for _, g := range v.graphs {
		graph := &Graph{Name: g.name, Enum: g.enum, URL: g.url}
		v.fill(graph)
		sg.Graphs = append(sg.Graphs, graph)
	}
	v.implicitKeys(sg.Graphs)
	sg.APISchema = apiSchema(doc, false)
	sg.EngineSchema = apiSchema(doc, true)
	sg.Arguments = arguments(doc)
	names := readSpecNames(doc)
	sg.Authorization = authorization(v.types, names)
	sg.Costs = costs(v.types, names)
	if sg.Resumable, err = resumables(doc, v.types, sg.Roots["subscription"]); err != nil {
		return nil, err
	}
	return sg, nil
}

// Graph returns the subgraph with that name.
func (s *Supergraph) Graph(name string) (*Graph, bool) {
	for _, g := range s.Graphs {
		if g.Name == name {
			return g, true
		}
	}
	return nil, false
}

// arguments lists the fields with arguments, in schema order.
func arguments(doc *ast.SchemaDocument) []FieldArguments {
	var out []FieldArguments
	for _, d := range append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...) {
		if (d.Kind != ast.Object && d.Kind != ast.Interface) || isSpecType(d.Name) {
			continue
		}
		for _, f := range d.Fields {
			if len(f.Arguments) == 0 {
				continue
			}
			fa := FieldArguments{TypeName: d.Name, FieldName: f.Name}
			for _, a := range f.Arguments {
				fa.ArgumentNames = append(fa.ArgumentNames, a.Name)
			}
			out = append(out, fa)
		}
	}
	return out
}

// isSpecType reports definitions that belong to the link/join machinery
// or to a linked spec (requiresScopes__Scope, policy__Policy; openfed__ is
// Cosmo's prefix for the same).
func isSpecType(name string) bool {
	for _, p := range []string{"join__", "link__", "requiresScopes__", "policy__", "openfed__"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
