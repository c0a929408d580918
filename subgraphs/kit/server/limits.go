package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
)

// Limits are a subgraph's own bounds on one GraphQL operation: the second
// line behind the router's limits, for whatever reaches a subgraph without
// passing them (a development subgraph called directly, a misconfigured
// network). Each is measured on the document as sent, counting a fragment
// once with the number of times it is spread, so a fragment bomb costs a
// walk of its text, not of its expansion. Zero means the default.
type Limits struct {
	// MaxDepth bounds field nesting (GRAPHQL_MAX_DEPTH, default 32: the
	// router's 16 plus the _entities wrapper, with room to spare).
	MaxDepth int
	// MaxAliases bounds aliased fields after fragment expansion
	// (GRAPHQL_MAX_ALIASES, default 256).
	MaxAliases int
	// MaxFields bounds field selections after fragment expansion
	// (GRAPHQL_MAX_FIELDS, default 20000: the router's 5000 with room for
	// the selections it adds).
	MaxFields int
}

// Limit defaults and the codes of their errors (the router's own codes).
const (
	DefaultMaxDepth   = 32
	DefaultMaxAliases = 256
	DefaultMaxFields  = 20000

	CodeDepth   = "DEPTH_LIMIT_EXCEEDED"
	CodeAliases = "ALIAS_LIMIT_EXCEEDED"
	CodeFields  = "FIELD_LIMIT_EXCEEDED"
)

// LimitsFromEnv reads GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES and
// GRAPHQL_MAX_FIELDS (unset: the defaults).
func LimitsFromEnv() (Limits, error) {
	var l Limits
	var errs []error
	for _, v := range []struct {
		key string
		dst *int
		def int
	}{
		{"GRAPHQL_MAX_DEPTH", &l.MaxDepth, DefaultMaxDepth},
		{"GRAPHQL_MAX_ALIASES", &l.MaxAliases, DefaultMaxAliases},
		{"GRAPHQL_MAX_FIELDS", &l.MaxFields, DefaultMaxFields},
	} {
		n, err := config.Int(v.key, v.def)
		switch {
		case err != nil:
			errs = append(errs, err)
		case n <= 0:
			errs = append(errs, fmt.Errorf("%s: %d must be positive", v.key, n))
		}
		*v.dst = n
	}
	return l, errors.Join(errs...)
}

func (l *Limits) defaults() {
	if l.MaxDepth == 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxAliases == 0 {
		l.MaxAliases = DefaultMaxAliases
	}
	if l.MaxFields == 0 {
		l.MaxFields = DefaultMaxFields
	}
}

// ExtensionName, Validate and MutateOperationContext make Limits a gqlgen
// extension that refuses an operation over a limit before it executes.
func (l Limits) ExtensionName() string                   { return "NexusOperationLimits" }
func (l Limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation and refuses it with the
// limit's code when it is over one.
func (l Limits) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	m := measurer{frags: map[string]*size{}, doc: rc.Doc}
	s := m.selections(rc.Operation.SelectionSet)
	refuse := func(code, what string, got int64, limit int) *gqlerror.Error {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("operation %s is %d, over this service's limit of %d", what, got, limit),
			Extensions: map[string]any{"code": code},
		}
	}
	switch {
	case s.depth > int64(l.MaxDepth):
		return refuse(CodeDepth, "depth", s.depth, l.MaxDepth)
	case s.aliases > int64(l.MaxAliases):
		return refuse(CodeAliases, "alias count", s.aliases, l.MaxAliases)
	case s.fields > int64(l.MaxFields):
		return refuse(CodeFields, "field count (fragments expanded)", s.fields, l.MaxFields)
	}
	return nil
}

// size is what a selection set costs once expanded; counts saturate at
// ceiling so a fragment bomb cannot overflow them.
type size struct{ depth, fields, aliases int64 }

const ceiling = 1 << 40

func (s *size) add(o size, times int64) {
	s.fields = min(s.fields+o.fields*times, ceiling)
	s.aliases = min(s.aliases+o.aliases*times, ceiling)
	s.depth = max(s.depth, o.depth)
}

// measurer walks one document, each fragment once (memoised by name).
type measurer struct {
	doc   *ast.QueryDocument
	frags map[string]*size // nil entry: being measured (a cycle counts as nothing)
}

func (m *measurer) selections(set ast.SelectionSet) size {
	var s size
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			child := m.selections(x.SelectionSet)
			f := size{depth: child.depth + 1, fields: 1, aliases: 0}
			if x.Alias != "" && x.Alias != x.Name {
				f.aliases = 1
			}
			f.fields = min(f.fields+child.fields, ceiling)
			f.aliases = min(f.aliases+child.aliases, ceiling)
			s.add(f, 1)
		case *ast.InlineFragment:
			s.add(m.selections(x.SelectionSet), 1)
		case *ast.FragmentSpread:
			s.add(m.fragment(x.Name), 1)
		}
	}
	return s
}

func (m *measurer) fragment(name string) size {
	if s, seen := m.frags[name]; seen {
		if s == nil {
			return size{}
		}
		return *s
	}
	m.frags[name] = nil
	var s size
	if def := m.doc.Fragments.ForName(name); def != nil {
		s = m.selections(def.SelectionSet)
	}
	m.frags[name] = &s
	return s
}
