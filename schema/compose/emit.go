package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// joinPreamble declares the link and join specs (join v0.4) exactly as other
// federation tools print them, so any router can read our output.
const joinPreamble = `directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

directive @join__graph(name: String!, url: String!) on ENUM_VALUE

directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
`

const inaccessibleDef = "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n"
const tagDef = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA\n"

// emit prints the supergraph: schema with @link, the spec definitions, the
// join__Graph enum and every merged type in a stable order.
func (m *merger) emit() string {
	var b strings.Builder
	usesInaccessible, usesTag := m.usesSecurityDirectives()

	b.WriteString("schema\n  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n  @link(url: \"https://specs.apollo.dev/join/" + m.joinVersion() + "\", for: EXECUTION)\n")
	if usesInaccessible {
		b.WriteString("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n")
	}
	if usesTag {
		b.WriteString("  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n")
	}
	carried := m.carriedSpecs()
	b.WriteString(specLinks(carried))
	b.WriteString(m.composedLinks())
	b.WriteString("{\n")
	for _, op := range []string{"query", "mutation", "subscription"} {
		name := map[string]string{"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}[op]
		if m.types[name] != nil {
			fmt.Fprintf(&b, "  %s: %s\n", op, name)
		}
	}
	b.WriteString("}\n\n")
	b.WriteString(specDefinitions(carried))
	b.WriteString(m.composedDefinitions())
	if usesInaccessible {
		b.WriteString(inaccessibleDef + "\n")
	}
	b.WriteString(joinPreamble + "\n")
	if usesTag {
		b.WriteString(tagDef + "\n")
	}
	b.WriteString("enum join__Graph {\n")
	for _, g := range m.graphs {
		fmt.Fprintf(&b, "  %s @join__graph(name: %s, url: %s)\n", graphEnum(g.Name), quote(g.Name), quote(g.URL))
	}
	b.WriteString("}\n\nscalar join__FieldSet\n\nscalar link__Import\n\nenum link__Purpose {\n  \"\"\"\n  `SECURITY` features provide metadata necessary to securely resolve fields.\n  \"\"\"\n  SECURITY\n\n  \"\"\"\n  `EXECUTION` features provide metadata necessary for operation execution.\n  \"\"\"\n  EXECUTION\n}\n")
	b.WriteString(specScalars(carried))

	for _, name := range m.sortedTypes() {
		b.WriteString("\n")
		m.emitType(&b, m.types[name])
	}
	return b.String()
}

// sortedTypes orders root types first (Query, Mutation, Subscription), then
// the rest alphabetically, so the file diffs cleanly.
func (m *merger) sortedTypes() []string {
	names := append([]string(nil), m.order...)
	rank := map[string]int{"Query": 0, "Mutation": 1, "Subscription": 2}
	sort.SliceStable(names, func(i, j int) bool {
		ri, iok := rank[names[i]]
		rj, jok := rank[names[j]]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return names[i] < names[j]
	})
	return names
}

func (m *merger) emitType(b *strings.Builder, t *mType) {
	writeDescription(b, t.Description, "")
	kw := map[ast.DefinitionKind]string{ast.Object: "type", ast.Interface: "interface", ast.Union: "union", ast.Enum: "enum", ast.InputObject: "input", ast.Scalar: "scalar"}[t.Kind]
	b.WriteString(kw + " " + t.Name)
	if len(t.Interfaces) > 0 {
		b.WriteString(" implements " + strings.Join(t.Interfaces, " & "))
	}
	for _, in := range t.In {
		g := graphEnum(in.Graph)
		if len(in.Keys) == 0 {
			b.WriteString("\n  @join__type(graph: " + g + typeFlags(in) + ")")
		}
		for _, k := range in.Keys {
			s := "\n  @join__type(graph: " + g + ", key: " + quote(k.Fields)
			if !k.Resolvable {
				s += ", resolvable: false"
			}
			b.WriteString(s + typeFlags(in) + ")")
		}
	}
	for _, in := range t.In {
		for _, i := range in.Interfaces {
			fmt.Fprintf(b, "\n  @join__implements(graph: %s, interface: %s)", graphEnum(in.Graph), quote(i))
		}
		for _, u := range in.Members {
			fmt.Fprintf(b, "\n  @join__unionMember(graph: %s, member: %s)", graphEnum(in.Graph), quote(u))
		}
	}
	writeSecurity(b, t.Inaccessible, t.Tags, "\n  ")
	writeCarried(b, t.Carried, "\n  ")
	for _, d := range t.Directives {
		b.WriteString("\n  " + directiveString(d))
	}
	switch t.Kind {
	case ast.Union:
		if len(t.Members) > 0 {
			b.WriteString("\n  = " + strings.Join(t.Members, " | "))
		}
		b.WriteString("\n")
	case ast.Scalar:
		b.WriteString("\n")
	case ast.Enum:
		b.WriteString("\n{\n")
		for i, v := range t.Values {
			if i > 0 && v.Description != "" {
				b.WriteString("\n")
			}
			writeDescription(b, v.Description, "  ")
			b.WriteString("  " + v.Name)
			for _, g := range v.Graphs {
				b.WriteString(" @join__enumValue(graph: " + graphEnum(g) + ")")
			}
			writeSecurity(b, v.Inaccessible, v.Tags, " ")
			writeCarried(b, v.Carried, " ")
			if v.Deprecated != nil {
				b.WriteString(" " + directiveString(v.Deprecated))
			}
			b.WriteString("\n")
		}
		b.WriteString("}\n")
	default:
		b.WriteString("\n{\n")
		for i, f := range t.Fields {
			if i > 0 && f.Description != "" {
				b.WriteString("\n")
			}
			m.emitField(b, t, f)
		}
		b.WriteString("}\n")
	}
}

func typeFlags(in *typeIn) string {
	s := ""
	if in.Extension {
		s += ", extension: true"
	}
	if in.InterfaceObject {
		s += ", isInterfaceObject: true"
	}
	return s
}

func (m *merger) emitField(b *strings.Builder, t *mType, f *mField) {
	writeDescription(b, f.Description, "  ")
	b.WriteString("  " + f.Name)
	if len(f.Args) > 0 {
		b.WriteString("(")
		for i, a := range f.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			if a.Description != "" {
				b.WriteString(quote(a.Description) + " ")
			}
			b.WriteString(a.Name + ": " + a.Type.String())
			if a.Default != nil {
				b.WriteString(" = " + a.Default.String())
			}
			writeSecurity(b, a.Inaccessible, nil, " ")
			writeCarried(b, a.Carried, " ")
			if a.Deprecated != nil {
				b.WriteString(" " + directiveString(a.Deprecated))
			}
		}
		b.WriteString(")")
	}
	b.WriteString(": " + f.Type.String())
	if t.Kind == ast.InputObject && f.Default != nil {
		b.WriteString(" = " + f.Default.String())
	}
	if f.FromInterfaceObject {
		b.WriteString(" @join__field")
	} else if needsJoinField(t, f) {
		for _, fi := range f.In {
			b.WriteString(" @join__field(graph: " + graphEnum(fi.Graph))
			if fi.Requires != "" {
				b.WriteString(", requires: " + quote(fi.Requires))
			}
			if fi.Provides != "" {
				b.WriteString(", provides: " + quote(fi.Provides))
			}
			if fi.Type.String() != f.Type.String() {
				b.WriteString(", type: " + quote(fi.Type.String()))
			}
			if fi.External {
				b.WriteString(", external: true")
			}
			if fi.Override != "" {
				b.WriteString(", override: " + quote(fi.Override))
			}
			if fi.OverrideLabel != "" {
				b.WriteString(", overrideLabel: " + quote(fi.OverrideLabel))
			}
			if fi.Overridden {
				b.WriteString(", usedOverridden: true")
			}
			b.WriteString(")")
		}
	}
	writeSecurity(b, f.Inaccessible, f.Tags, " ")
	writeCarried(b, f.Carried, " ")
	if f.Deprecated != nil {
		b.WriteString(" " + directiveString(f.Deprecated))
	}
	b.WriteString("\n")
}

// joinVersion is the join spec the supergraph links: v0.5 once a
// progressive @override needs @join__field(overrideLabel:), which v0.4
// lacks; v0.4 otherwise, so existing supergraphs stay byte-identical.
func (m *merger) joinVersion() string {
	for _, t := range m.types {
		for _, f := range t.Fields {
			for _, fi := range f.In {
				if fi.OverrideLabel != "" {
					return "v0.5"
				}
			}
		}
	}
	return "v0.4"
}

// needsJoinField reports whether a field must say which graphs resolve it:
// whenever it is not simply defined, unchanged, by every graph of its type.
func needsJoinField(t *mType, f *mField) bool {
	if len(f.In) != len(t.In) {
		return true
	}
	for _, fi := range f.In {
		if fi.External || fi.Requires != "" || fi.Provides != "" || fi.Override != "" || fi.OverrideLabel != "" || fi.Overridden || fi.Type.String() != f.Type.String() {
			return true
		}
	}
	return false
}

func (m *merger) usesSecurityDirectives() (inaccessible, tag bool) {
	for _, t := range m.types {
		inaccessible = inaccessible || t.Inaccessible
		tag = tag || len(t.Tags) > 0
		for _, f := range t.Fields {
			inaccessible = inaccessible || f.Inaccessible
			tag = tag || len(f.Tags) > 0
			for _, a := range f.Args {
				inaccessible = inaccessible || a.Inaccessible
			}
		}
		for _, v := range t.Values {
			inaccessible = inaccessible || v.Inaccessible
			tag = tag || len(v.Tags) > 0
		}
	}
	return inaccessible, tag
}

func writeSecurity(b *strings.Builder, inaccessible bool, tags []string, sep string) {
	if inaccessible {
		b.WriteString(sep + "@inaccessible")
	}
	for _, t := range tags {
		b.WriteString(sep + "@tag(name: " + quote(t) + ")")
	}
}

func writeDescription(b *strings.Builder, d, indent string) {
	if d == "" {
		return
	}
	d = strings.ReplaceAll(d, `"""`, `\"""`)
	b.WriteString(indent + "\"\"\"\n")
	for _, line := range strings.Split(d, "\n") {
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(indent + line + "\n")
	}
	b.WriteString(indent + "\"\"\"\n")
}

// graphEnum turns a subgraph name into its join__Graph enum value.
func graphEnum(name string) string {
	var b strings.Builder
	for i, r := range strings.ToUpper(name) {
		switch {
		case r >= 'A' && r <= 'Z', r == '_', r >= '0' && r <= '9' && i > 0:
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	return b.String()
}

func quote(s string) string {
	v := &ast.Value{Kind: ast.StringValue, Raw: s}
	return v.String()
}

// directiveString prints a directive application: @name(a: 1, b: "x").
func directiveString(d *ast.Directive) string {
	s := "@" + d.Name
	if len(d.Arguments) == 0 {
		return s
	}
	parts := make([]string, len(d.Arguments))
	for i, a := range d.Arguments {
		parts[i] = a.Name + ": " + a.Value.String()
	}
	return s + "(" + strings.Join(parts, ", ") + ")"
}
