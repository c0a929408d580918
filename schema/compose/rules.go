package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

var builtinScalars = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// resolve applies the federation merge rules to the accumulated types:
// @override, shareability, field and argument types, input intersections,
// enum merging and references. It records every violation.
func (m *merger) resolve() {
	for _, name := range m.order {
		t := m.types[name]
		switch t.Kind {
		case ast.Object, ast.Interface:
			m.applyOverrides(t)
			m.checkKeys(t)
			for _, f := range t.Fields {
				m.checkExternal(t, f)
				m.checkSharing(t, f)
				m.mergeOutputType(t, f)
				m.mergeArgs(t, f)
			}
		case ast.InputObject:
			m.mergeInputFields(t)
		}
	}
	for _, p := range m.graphs {
		m.checkExternalUsed(p)
	}
	m.mergeEnums()
	m.addInterfaceObjectFields()
	m.checkReferences()
	m.checkImplementations()
	if q := m.types["Query"]; q == nil || len(q.Fields) == 0 {
		names := make([]string, len(m.graphs))
		for i, g := range m.graphs {
			names[i] = g.Name
		}
		m.fail("NO_QUERIES", "Query", "", "no subgraph defines a query field", names...)
	}
}

// applyOverrides moves a field to the subgraph that declares @override.
// The source subgraph keeps the field only where it still needs it: as
// part of one of its keys or @requires (Apollo's usedOverridden); otherwise
// it loses the field. A labelled (progressive) override keeps both, since
// the router picks one by the label's state; as in Apollo's join spec v0.5
// both carry the label: the target as @join__field(override:, overrideLabel:),
// the source as a bare @join__field(overrideLabel:) (no usedOverridden,
// since the source still resolves the field while the label is off).
func (m *merger) applyOverrides(t *mType) {
	for _, f := range t.Fields {
		for _, fi := range f.In {
			if fi.Override == "" {
				continue
			}
			if fi.Override == fi.Graph {
				m.fail("OVERRIDE_FROM_SELF_ERROR", t.Name, f.Name, fmt.Sprintf("subgraph %s overrides itself", fi.Graph), fi.Graph)
				continue
			}
			for _, other := range f.In {
				if other.Graph != fi.Override {
					continue
				}
				if other.Override != "" {
					m.fail("OVERRIDE_SOURCE_HAS_OVERRIDE", t.Name, f.Name, "a field may be overridden only once", fi.Graph, other.Graph)
				}
				switch {
				case fi.OverrideLabel != "":
					other.ProgressiveOverride = true
					other.OverrideLabel = fi.OverrideLabel
				case t.usedBy(other.Graph, f.Name):
					other.Overridden = true
				default:
					other.Dropped = true
				}
			}
			// Overriding a subgraph that is gone is allowed: the
			// migration finished and the old owner was removed.
		}
		kept := f.In[:0]
		for _, fi := range f.In {
			if !fi.Dropped {
				kept = append(kept, fi)
			}
		}
		f.In = kept
	}
}

// usedBy reports whether graph g uses field name of t in a key or in a
// @requires selection of another field.
func (t *mType) usedBy(g, name string) bool {
	if in := t.inGraph(g); in != nil {
		for _, k := range in.Keys {
			if slices.Contains(topLevelFields(k.Fields), name) {
				return true
			}
		}
	}
	for _, f := range t.Fields {
		for _, fi := range f.In {
			if fi.Graph == g && fi.Requires != "" && slices.Contains(topLevelFields(fi.Requires), name) {
				return true
			}
		}
	}
	return false
}

// addInterfaceObjectFields copies the fields an @interfaceObject subgraph
// contributes to an interface onto every implementation, so the API schema
// stays valid; no subgraph resolves them on the concrete type.
func (m *merger) addInterfaceObjectFields() {
	for _, name := range m.order {
		iface := m.types[name]
		if iface.Kind != ast.Interface {
			continue
		}
		for _, f := range iface.Fields {
			onlyObjects := true
			for _, fi := range f.In {
				if in := iface.inGraph(fi.Graph); in == nil || !in.InterfaceObject {
					onlyObjects = false
				}
			}
			if !onlyObjects {
				continue
			}
			for _, impl := range m.order {
				it := m.types[impl]
				if it.Kind != ast.Object || !slices.Contains(it.Interfaces, name) || it.hasField(f.Name) {
					continue
				}
				it.Fields = append(it.Fields, &mField{Name: f.Name, Description: f.Description, Type: copyType(f.Type), Args: f.Args,
					Deprecated: f.Deprecated, Inaccessible: f.Inaccessible, Tags: f.Tags, FromInterfaceObject: true})
			}
		}
	}
}

// checkImplementations applies INTERFACE_FIELD_NO_IMPLEM: once merged, an
// object must define every field of every interface it implements, even
// when the subgraph that adds a field to the interface does not know the
// object.
func (m *merger) checkImplementations() {
	for _, name := range m.order {
		t := m.types[name]
		if t.Kind != ast.Object && t.Kind != ast.Interface {
			continue
		}
		for _, i := range t.Interfaces {
			it := m.types[i]
			if it == nil || it.Kind != ast.Interface {
				continue
			}
			for _, f := range it.Fields {
				if !t.hasField(f.Name) {
					m.fail("INTERFACE_FIELD_NO_IMPLEM", t.Name, f.Name, fmt.Sprintf("%s implements %s, whose field %s (defined in %s) no subgraph defines on %s", t.Name, i, f.Name, strings.Join(f.graphs(), ", "), t.Name), t.graphs()...)
				}
			}
		}
	}
}

func (t *mType) hasField(name string) bool {
	for _, f := range t.Fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

func (m *merger) checkKeys(t *mType) {
	for _, in := range t.In {
		for _, k := range in.Keys {
			for _, name := range topLevelFields(k.Fields) {
				if f := t.fieldIn(name, in.Graph); f == nil {
					m.fail("KEY_INVALID_FIELDS", t.Name, "", fmt.Sprintf("@key(fields: %q) selects %q, which subgraph %s does not define on %s", k.Fields, name, in.Graph, t.Name), in.Graph)
				}
			}
		}
	}
}

func (m *merger) checkExternal(t *mType, f *mField) {
	for _, fi := range f.In {
		if !fi.External {
			return
		}
	}
	m.fail("EXTERNAL_MISSING_ON_BASE", t.Name, f.Name, "the field is marked @external in every subgraph that defines it, so none resolves it", f.graphs()...)
}

func (m *merger) checkSharing(t *mType, f *mField) {
	if t.Kind != ast.Object {
		return
	}
	var resolvers []*fieldIn
	for _, fi := range f.In {
		if !fi.External && !fi.Overridden && !fi.ProgressiveOverride {
			resolvers = append(resolvers, fi)
		}
	}
	if len(resolvers) < 2 {
		return
	}
	var notShared []string
	for _, fi := range resolvers {
		if !fi.Shareable {
			notShared = append(notShared, fi.Graph)
		}
	}
	if len(notShared) > 0 {
		all := make([]string, len(resolvers))
		for i, fi := range resolvers {
			all[i] = fi.Graph
		}
		m.fail("INVALID_FIELD_SHARING", t.Name, f.Name, fmt.Sprintf("resolved by subgraphs %s but not marked @shareable in %s", strings.Join(all, ", "), strings.Join(notShared, ", ")), all...)
	}
}

// mergeOutputType picks the supergraph type of an output field: the same
// list shape everywhere, nullable wherever any subgraph is, and the same
// named type or, where subgraphs differ, the one the others are subtypes
// of (`[User]` in one subgraph, `[Account]` in another, with User
// implementing Account, is `[Account]`; each subgraph keeps its own type
// in @join__field(type:)), as Apollo's composition allows for outputs.
func (m *merger) mergeOutputType(t *mType, f *mField) {
	for _, fi := range f.In {
		if f.Type == nil {
			f.Type = copyType(fi.Type)
			continue
		}
		merged, ok := mergeTypes(f.Type, fi.Type, false)
		if !ok {
			merged, ok = m.mergeSubtypes(f.Type, fi.Type)
		}
		if !ok {
			m.fail("FIELD_TYPE_MISMATCH", t.Name, f.Name, fmt.Sprintf("type %s in %s is incompatible with %s elsewhere", fi.Type, fi.Graph, f.Type), f.graphs()...)
			return
		}
		f.Type = merged
	}
}

// mergeArgs keeps the arguments every resolving subgraph defines; an
// argument required somewhere but missing elsewhere is an error.
func (m *merger) mergeArgs(t *mType, f *mField) {
	var defs []*fieldIn
	for _, fi := range f.In {
		if !fi.External {
			defs = append(defs, fi)
		}
	}
	if len(defs) == 0 {
		return
	}
	var names []string
	for _, fi := range defs {
		for _, a := range fi.Args {
			names = appendUnique(names, a.Name)
		}
	}
	for _, name := range names {
		arg := &mArg{Name: name}
		present := true
		for _, fi := range defs {
			a := fi.Args.ForName(name)
			if a == nil {
				present = false
				continue
			}
			arg.Graphs = append(arg.Graphs, fi.Graph)
			if arg.Description == "" {
				arg.Description = a.Description
			}
			if arg.Default == nil {
				arg.Default = a.DefaultValue
			}
			if dep := a.Directives.ForName("deprecated"); dep != nil {
				arg.Deprecated = dep
			}
			if g := m.graph(fi.Graph); g != nil {
				arg.Inaccessible = arg.Inaccessible || g.directive(a.Directives, "inaccessible") != nil
				g.carry(a.Directives, &arg.Carried)
			}
			if arg.Type == nil {
				arg.Type = copyType(a.Type)
			} else if merged, ok := mergeTypes(arg.Type, a.Type, true); ok {
				arg.Type = merged
			} else {
				m.fail("FIELD_ARGUMENT_TYPE_MISMATCH", t.Name, f.Name, fmt.Sprintf("argument %q has type %s in %s but %s elsewhere", name, a.Type, fi.Graph, arg.Type), f.graphs()...)
			}
		}
		if present {
			f.Args = append(f.Args, arg)
			continue
		}
		if arg.Type != nil && arg.Type.NonNull && arg.Default == nil {
			m.fail("REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", t.Name, f.Name, fmt.Sprintf("argument %q is required in %s but missing in other subgraphs", name, strings.Join(arg.Graphs, ", ")), f.graphs()...)
		}
	}
}

// mergeInputFields keeps the input fields every subgraph defines (the
// intersection), because a field unknown to one subgraph cannot be sent to it.
func (m *merger) mergeInputFields(t *mType) {
	kept := t.Fields[:0]
	for _, f := range t.Fields {
		for _, fi := range f.In {
			if f.Type == nil {
				f.Type = copyType(fi.Type)
			} else if merged, ok := mergeTypes(f.Type, fi.Type, true); ok {
				f.Type = merged
			} else {
				m.fail("FIELD_TYPE_MISMATCH", t.Name, f.Name, fmt.Sprintf("input field type %s in %s is incompatible with %s elsewhere", fi.Type, fi.Graph, f.Type), f.graphs()...)
			}
		}
		if len(f.In) == len(t.In) {
			kept = append(kept, f)
			continue
		}
		if f.Type != nil && f.Type.NonNull && f.Default == nil {
			m.fail("REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", t.Name, f.Name, "a required input field must be defined in every subgraph that defines the input type", f.graphs()...)
		}
	}
	t.Fields = kept
}

// mergeEnums applies the enum rule: an enum used only in output positions
// gets every value of every subgraph; only in inputs, the values all
// subgraphs share; in both, the subgraphs must agree exactly.
func (m *merger) mergeEnums() {
	inInput, inOutput := m.enumUsage()
	for _, name := range m.order {
		t := m.types[name]
		if t.Kind != ast.Enum {
			continue
		}
		switch {
		case inInput[name] && inOutput[name]:
			for _, v := range t.Values {
				if len(v.Graphs) != len(t.In) {
					m.fail("ENUM_VALUE_MISMATCH", name, v.Name, fmt.Sprintf("the enum is used as input and output, so every subgraph must define value %s (defined in %s only)", v.Name, strings.Join(v.Graphs, ", ")), t.graphs()...)
				}
			}
		case inInput[name]:
			kept := t.Values[:0]
			for _, v := range t.Values {
				if len(v.Graphs) == len(t.In) {
					kept = append(kept, v)
				}
			}
			t.Values = kept
			if len(kept) == 0 {
				m.fail("EMPTY_MERGED_ENUM_TYPE", name, "", "the enum is used only as input and its subgraphs share no value", t.graphs()...)
			}
		}
	}
}

func (m *merger) enumUsage() (in, out map[string]bool) {
	in, out = map[string]bool{}, map[string]bool{}
	for _, name := range m.order {
		t := m.types[name]
		for _, f := range t.Fields {
			if f.Type == nil {
				continue
			}
			if t.Kind == ast.InputObject {
				in[f.Type.Name()] = true
				continue
			}
			out[f.Type.Name()] = true
			for _, a := range f.Args {
				in[a.Type.Name()] = true
			}
		}
	}
	return in, out
}

func (m *merger) checkReferences() {
	known := func(n string) bool { return builtinScalars[n] || m.types[n] != nil }
	for _, name := range m.order {
		t := m.types[name]
		for _, f := range t.Fields {
			if f.Type != nil && !known(f.Type.Name()) {
				m.fail("TYPE_NOT_DEFINED", t.Name, f.Name, fmt.Sprintf("type %s is not defined in any subgraph", f.Type.Name()), f.graphs()...)
			}
			for _, a := range f.Args {
				if a.Type != nil && !known(a.Type.Name()) {
					m.fail("TYPE_NOT_DEFINED", t.Name, f.Name, fmt.Sprintf("argument %q has type %s, which no subgraph defines", a.Name, a.Type.Name()), a.Graphs...)
				}
			}
		}
		for _, i := range t.Interfaces {
			if it := m.types[i]; it == nil || it.Kind != ast.Interface {
				m.fail("INTERFACE_NOT_DEFINED", t.Name, "", fmt.Sprintf("implements %s, which is not an interface of any subgraph", i), t.graphs()...)
			}
		}
		for _, u := range t.Members {
			if ut := m.types[u]; ut == nil || ut.Kind != ast.Object {
				m.fail("UNION_MEMBER_NOT_OBJECT", t.Name, "", fmt.Sprintf("member %s is not an object type", u), t.graphs()...)
			}
		}
	}
}

func (t *mType) fieldIn(name, graph string) *fieldIn {
	for _, f := range t.Fields {
		if f.Name != name {
			continue
		}
		for _, fi := range f.In {
			if fi.Graph == graph {
				return fi
			}
		}
	}
	return nil
}

// mergeTypes merges two type references with the same named type and list
// shape. For inputs the result is non-null where either is (the stricter);
// for outputs nullable where either is (the looser).
func mergeTypes(a, b *ast.Type, input bool) (*ast.Type, bool) {
	if (a.Elem == nil) != (b.Elem == nil) {
		return nil, false
	}
	out := &ast.Type{NamedType: a.NamedType}
	if input {
		out.NonNull = a.NonNull || b.NonNull
	} else {
		out.NonNull = a.NonNull && b.NonNull
	}
	if a.Elem != nil {
		elem, ok := mergeTypes(a.Elem, b.Elem, input)
		if !ok {
			return nil, false
		}
		out.Elem = elem
		return out, true
	}
	return out, a.NamedType == b.NamedType
}

// mergeSubtypes merges two output types whose named types differ when one
// is a subtype of the other (an implementation of an interface, a member
// of a union), giving the supertype.
func (m *merger) mergeSubtypes(a, b *ast.Type) (*ast.Type, bool) {
	if (a.Elem == nil) != (b.Elem == nil) {
		return nil, false
	}
	out := &ast.Type{NonNull: a.NonNull && b.NonNull}
	if a.Elem != nil {
		elem, ok := m.mergeSubtypes(a.Elem, b.Elem)
		if !ok {
			return nil, false
		}
		out.Elem = elem
		return out, true
	}
	switch {
	case a.NamedType == b.NamedType:
		out.NamedType = a.NamedType
	case m.isSubtype(a.NamedType, b.NamedType, 0):
		out.NamedType = b.NamedType
	case m.isSubtype(b.NamedType, a.NamedType, 0):
		out.NamedType = a.NamedType
	default:
		return nil, false
	}
	return out, true
}

// isSubtype reports whether sub implements interface super (directly or
// through other interfaces) or is a member of union super.
func (m *merger) isSubtype(sub, super string, depth int) bool {
	st, pt := m.types[sub], m.types[super]
	if st == nil || pt == nil || depth > 32 {
		return false
	}
	if pt.Kind == ast.Union {
		return slices.Contains(pt.Members, sub)
	}
	if pt.Kind != ast.Interface {
		return false
	}
	for _, i := range st.Interfaces {
		if i == super || m.isSubtype(i, super, depth+1) {
			return true
		}
	}
	return false
}

func copyType(t *ast.Type) *ast.Type {
	if t == nil {
		return nil
	}
	return &ast.Type{NamedType: t.NamedType, NonNull: t.NonNull, Elem: copyType(t.Elem)}
}

// graph returns the parsed subgraph named name, or nil.
func (m *merger) graph(name string) *parsed {
	for _, g := range m.graphs {
		if g.Name == name {
			return g
		}
	}
	return nil
}
