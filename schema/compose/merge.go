package compose

import (
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// mType is a type of the supergraph: every subgraph's definition of it merged.
type mType struct {
	Name        string
	Kind        ast.DefinitionKind
	Description string
	In          []*typeIn
	Fields      []*mField

	Values       []*mValue
	Interfaces   []string
	Members      []string
	Directives   ast.DirectiveList // non-federation directives kept as-is (@specifiedBy, @oneOf)
	Inaccessible bool
	Tags         []string
	// Carried are the authorization and cost directives (see carry.go).
	Carried ast.DirectiveList
}

// typeIn is what one subgraph says about a type.
type typeIn struct {
	Graph           string
	Keys            []key
	Extension       bool
	InterfaceObject bool
	Shareable       bool
	Interfaces      []string
	Members         []string
}

type key struct {
	Fields     string
	Resolvable bool
}

// mField is a field (or input field) of the supergraph.
type mField struct {
	Name         string
	Description  string
	Type         *ast.Type
	Default      *ast.Value
	Args         []*mArg
	In           []*fieldIn
	Deprecated   *ast.Directive
	Inaccessible bool
	Tags         []string
	Carried      ast.DirectiveList
	// FromInterfaceObject is set on an implementation's copy of a field
	// that only @interfaceObject subgraphs define (through the interface).
	FromInterfaceObject bool
}

// fieldIn is one subgraph's definition of a field.
type fieldIn struct {
	Graph     string
	Type      *ast.Type
	External  bool
	Shareable bool
	Requires  string
	Provides  string
	Override  string
	// OverrideLabel is the label of a progressive @override, on both its
	// target (with Override) and its source (alone), as Apollo emits it.
	OverrideLabel string
	// Overridden is set when another subgraph took the field over with
	// @override; the field stays in this graph only for @requires/@key use.
	Overridden bool
	// ProgressiveOverride is set on the source of a labelled @override:
	// both subgraphs resolve the field while traffic moves over.
	ProgressiveOverride bool
	// Dropped is set when an @override leaves this subgraph no use for
	// the field; applyOverrides removes it.
	Dropped bool
	Args    ast.ArgumentDefinitionList
}

type mArg struct {
	Name         string
	Description  string
	Type         *ast.Type
	Default      *ast.Value
	Graphs       []string
	Deprecated   *ast.Directive
	Inaccessible bool
	Carried      ast.DirectiveList
}

type mValue struct {
	Name         string
	Description  string
	Graphs       []string
	Deprecated   *ast.Directive
	Inaccessible bool
	Tags         []string
	Carried      ast.DirectiveList
}

// merger accumulates types across subgraphs and the errors found on the way.
type merger struct {
	graphs []*parsed
	types  map[string]*mType
	order  []string
	roots  map[string]string // operation -> supergraph type name
	errs   Errors
}

func (m *merger) fail(rule, typ, field, msg string, graphs ...string) {
	m.errs = append(m.errs, &Error{Rule: rule, Type: typ, Field: field, Subgraphs: graphs, Message: msg})
}

// rootName maps a subgraph's root type name onto the supergraph's canonical
// Query / Mutation / Subscription.
func (m *merger) rootName(p *parsed, name string) string {
	for op, n := range p.roots {
		if n == name {
			return map[string]string{"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}[op]
		}
	}
	return name
}

func (m *merger) addSubgraph(p *parsed) {
	for _, d := range p.types {
		name := m.rootName(p, d.Name)
		t := m.types[name]
		if t == nil {
			t = &mType{Name: name, Kind: d.Kind}
			m.types[name] = t
			m.order = append(m.order, name)
		}
		isIfaceObject := d.Kind == ast.Object && p.directive(d.Directives, "interfaceObject") != nil
		if t.Kind == ast.Object && d.Kind == ast.Interface && t.onlyInterfaceObjects() {
			// An @interfaceObject subgraph came first; the real interface
			// decides the supergraph kind.
			t.Kind = ast.Interface
		}
		if t.Kind != d.Kind && !(isIfaceObject && t.Kind == ast.Interface) {
			m.fail("TYPE_KIND_MISMATCH", name, "", "defined as "+strings.ToLower(string(t.Kind))+" in "+strings.Join(t.graphs(), ", ")+" but as "+strings.ToLower(string(d.Kind))+" in "+p.Name, append(t.graphs(), p.Name)...)
			continue
		}
		if t.Description == "" {
			t.Description = d.Description
		}
		in := &typeIn{Graph: p.Name, Extension: p.extension[d.Name], Interfaces: d.Interfaces, Members: d.Types}
		for _, k := range p.directives(d.Directives, "key") {
			in.Keys = append(in.Keys, key{Fields: normalizeFieldSet(argString(k, "fields")), Resolvable: argBool(k, "resolvable", true)})
		}
		in.InterfaceObject = p.directive(d.Directives, "interfaceObject") != nil
		in.Shareable = p.directive(d.Directives, "shareable") != nil || !p.v2
		if p.directive(d.Directives, "inaccessible") != nil {
			t.Inaccessible = true
		}
		for _, tg := range p.directives(d.Directives, "tag") {
			t.Tags = appendUnique(t.Tags, argString(tg, "name"))
		}
		p.carry(d.Directives, &t.Carried)
		for _, dir := range d.Directives {
			if !p.isFederationDirective(dir.Name) && (dir.Name == "specifiedBy" || dir.Name == "oneOf") && t.Directives.ForName(dir.Name) == nil {
				t.Directives = append(t.Directives, dir)
			}
		}
		t.In = append(t.In, in)
		for _, i := range d.Interfaces {
			t.Interfaces = appendUnique(t.Interfaces, i)
		}
		for _, u := range d.Types {
			t.Members = appendUnique(t.Members, u)
		}
		switch d.Kind {
		case ast.Object, ast.Interface, ast.InputObject:
			m.addFields(p, t, in, d)
		case ast.Enum:
			for _, v := range d.EnumValues {
				mv := t.value(v.Name)
				mv.Graphs = append(mv.Graphs, p.Name)
				if mv.Description == "" {
					mv.Description = v.Description
				}
				if dep := v.Directives.ForName("deprecated"); dep != nil && mv.Deprecated == nil {
					mv.Deprecated = dep
				}
				if p.directive(v.Directives, "inaccessible") != nil {
					mv.Inaccessible = true
				}
				p.carry(v.Directives, &mv.Carried)
			}
		}
	}
}

func (m *merger) addFields(p *parsed, t *mType, in *typeIn, d *ast.Definition) {
	keyFields := map[string]bool{}
	for _, k := range in.Keys {
		for _, f := range topLevelFields(k.Fields) {
			keyFields[f] = true
		}
	}
	for _, f := range d.Fields {
		mf := t.field(f.Name)
		if mf.Description == "" {
			mf.Description = f.Description
		}
		if dep := f.Directives.ForName("deprecated"); dep != nil && mf.Deprecated == nil {
			mf.Deprecated = dep
		}
		if p.directive(f.Directives, "inaccessible") != nil {
			mf.Inaccessible = true
		}
		for _, tg := range p.directives(f.Directives, "tag") {
			mf.Tags = appendUnique(mf.Tags, argString(tg, "name"))
		}
		p.carry(f.Directives, &mf.Carried)
		fi := &fieldIn{Graph: p.Name, Type: f.Type, Args: f.Arguments}
		fi.External = p.directive(f.Directives, "external") != nil
		fi.Shareable = in.Shareable || keyFields[f.Name] || p.keyNested[t.Name+"."+f.Name] || p.directive(f.Directives, "shareable") != nil
		if r := p.directive(f.Directives, "requires"); r != nil {
			fi.Requires = normalizeFieldSet(argString(r, "fields"))
		}
		if pr := p.directive(f.Directives, "provides"); pr != nil {
			fi.Provides = normalizeFieldSet(argString(pr, "fields"))
		}
		if o := p.directive(f.Directives, "override"); o != nil {
			fi.Override = argString(o, "from")
			fi.OverrideLabel = argString(o, "label")
		}
		if t.Kind == ast.InputObject && mf.Default == nil {
			mf.Default = f.DefaultValue
		}
		mf.In = append(mf.In, fi)
	}
}

// onlyInterfaceObjects reports whether every subgraph seen so far defines
// t as an @interfaceObject.
func (t *mType) onlyInterfaceObjects() bool {
	for _, in := range t.In {
		if !in.InterfaceObject {
			return false
		}
	}
	return len(t.In) > 0
}

func (t *mType) graphs() []string {
	out := make([]string, len(t.In))
	for i, in := range t.In {
		out[i] = in.Graph
	}
	return out
}

func (t *mType) inGraph(g string) *typeIn {
	for _, in := range t.In {
		if in.Graph == g {
			return in
		}
	}
	return nil
}

func (t *mType) field(name string) *mField {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	f := &mField{Name: name}
	t.Fields = append(t.Fields, f)
	return f
}

func (t *mType) value(name string) *mValue {
	for _, v := range t.Values {
		if v.Name == name {
			return v
		}
	}
	v := &mValue{Name: name}
	t.Values = append(t.Values, v)
	return v
}

func (f *mField) graphs() []string {
	out := make([]string, len(f.In))
	for i, in := range f.In {
		out[i] = in.Graph
	}
	return out
}

func appendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// normalizeFieldSet collapses whitespace in a field set so equal selections
// compare equal ("id  sku" == "id sku").
func normalizeFieldSet(s string) string {
	s = strings.NewReplacer("\n", " ", "\t", " ", ",", " ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "{ ", "{ ")
	return s
}

// topLevelFields returns the field names at the top of a field set:
// "id sku" -> [id sku]; "id organization { id }" -> [id organization].
func topLevelFields(fs string) []string {
	var out []string
	depth := 0
	for _, tok := range strings.Fields(strings.NewReplacer("{", " { ", "}", " } ").Replace(fs)) {
		switch tok {
		case "{":
			depth++
		case "}":
			depth--
		default:
			if depth == 0 && !strings.HasPrefix(tok, "...") && tok != "on" {
				out = append(out, tok)
			}
		}
	}
	return out
}
