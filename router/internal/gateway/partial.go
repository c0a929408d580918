package gateway

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
)

// unplanned is a root field of a query the planner could not plan while
// it planned the others: the response has it null, with an error at its
// path, as GraphQL answers a field that failed (data: null when the field
// is non-null).
type unplanned struct {
	key     string // response key (alias or name)
	nonNull bool
	message string // the client-facing planning error
	detail  string // the planner's message, for the log
}

// partialPlan plans the root fields of a query one by one after the whole
// query failed to plan. When some plan and others do not, it returns the
// plan of the query without the failing ones, the response keys of the
// root fields in order, and the failing ones. text is the normalised
// operation as printed before planning (the planner changes the document
// it plans).
func (g *Gateway) partialPlan(text []byte, opName string) (plan.Plan, uint64, []string, []unplanned, bool) {
	fresh := func() (*ast.Document, int, []int, bool) {
		doc, report := astparser.ParseGraphqlDocumentBytes(text)
		if report.HasErrors() {
			return nil, 0, nil, false
		}
		op := findOperation(&doc, opName)
		if op < 0 {
			return nil, 0, nil, false
		}
		set := doc.OperationDefinitions[op].SelectionSet
		refs := slices.Clone(doc.SelectionSets[set].SelectionRefs)
		for _, r := range refs {
			if doc.Selections[r].Kind != ast.SelectionKindField {
				return nil, 0, nil, false
			}
		}
		return &doc, set, refs, true
	}
	doc, _, refs, ok := fresh()
	if !ok || len(refs) < 2 || doc.OperationDefinitions[findOperation(doc, opName)].OperationType != ast.OperationTypeQuery {
		return nil, 0, nil, nil, false
	}
	def := g.schema.Document()
	queryType, hasQuery := def.Index.FirstNodeByNameStr(g.sg.Roots["query"])
	keys := make([]string, len(refs))
	var failed []unplanned
	keep := make([]bool, len(refs))
	for i, r := range refs {
		field := doc.Selections[r].Ref
		keys[i] = doc.FieldAliasOrNameString(field)
		one, set, oneRefs, ok := fresh()
		if !ok {
			return nil, 0, nil, nil, false
		}
		one.SelectionSets[set].SelectionRefs = []int{oneRefs[i]}
		if _, _, err := g.planFor(one, opName); err != nil {
			u := unplanned{key: keys[i], message: g.planFailed(err).Err.Error(), detail: err.Error()}
			if hasQuery && queryType.Kind == ast.NodeKindObjectTypeDefinition {
				if fd, ok := def.ObjectTypeDefinitionFieldWithName(queryType.Ref, doc.FieldNameBytes(field)); ok {
					u.nonNull = def.TypeIsNonNull(def.FieldDefinitionType(fd))
				}
			}
			failed = append(failed, u)
			continue
		}
		keep[i] = true
	}
	if len(failed) == 0 || len(failed) == len(refs) {
		return nil, 0, nil, nil, false
	}
	rest, set, restRefs, ok := fresh()
	if !ok {
		return nil, 0, nil, nil, false
	}
	var kept []int
	for i, r := range restRefs {
		if keep[i] {
			kept = append(kept, r)
		}
	}
	rest.SelectionSets[set].SelectionRefs = kept
	p, id, err := g.planFor(rest, opName)
	if err != nil {
		return nil, 0, nil, nil, false
	}
	return p, id, keys, failed, true
}

// patchUnplanned puts the root fields partialPlan could not plan into a
// response: each null (or data null when one is non-null) with its error.
func (p *prepared) patchUnplanned(resp []byte) []byte {
	if len(p.unplanned) == 0 {
		return resp
	}
	top, ok := splitObject(resp)
	if !ok {
		return resp
	}
	var errs []json.RawMessage
	if i := top.index("errors"); i >= 0 && json.Unmarshal(top[i].val, &errs) != nil {
		return resp
	}
	failed := map[string]bool{}
	nullData := false
	for _, u := range p.unplanned {
		failed[u.key] = true
		nullData = nullData || u.nonNull
		e, _ := json.Marshal(map[string]any{"message": u.message, "path": []string{u.key}, "extensions": map[string]string{"code": CodeQueryPlanFailed}})
		errs = append(errs, e)
	}
	data := json.RawMessage("null")
	if i := top.index("data"); i >= 0 && !nullData && !bytes.Equal(bytes.TrimSpace(top[i].val), []byte("null")) {
		got, ok := splitObject(top[i].val)
		if !ok {
			return resp
		}
		var out members
		for _, k := range p.rootKeys {
			if failed[k] {
				out = append(out, member{key: k, val: json.RawMessage("null")})
			} else if j := got.index(k); j >= 0 && out.index(k) < 0 {
				out = append(out, got[j])
			}
		}
		for _, m := range got {
			if out.index(m.key) < 0 {
				out = append(out, m)
			}
		}
		data = encodeMembers(out)
	}
	res := members{{key: "errors", val: mustJSON(errs)}, {key: "data", val: data}}
	for _, m := range top {
		if m.key != "errors" && m.key != "data" {
			res = append(res, m)
		}
	}
	return encodeMembers(res)
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// encodeMembers writes ms as a JSON object, values as they are.
func encodeMembers(ms members) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.val)
	}
	b.WriteByte('}')
	return b.Bytes()
}
