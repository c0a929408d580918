// Package compose merges federation subgraph schemas (v1 and v2) into an
// Apollo join-spec supergraph SDL. The output is the interchange format every
// federation router reads; Nexus's own router derives its planner metadata
// from it (package supergraph), so a supergraph composed here or by another
// federation tool plans the same way.
package compose

import (
	"errors"
	"fmt"
)

// Compose validates the subgraphs against the federation rules and returns
// the supergraph SDL. On failure the error is an Errors listing every
// violation, each naming its rule, subgraphs, type and field.
func Compose(subgraphs []Subgraph) (string, error) {
	if len(subgraphs) == 0 {
		return "", Errors{{Rule: "NO_SUBGRAPHS", Message: "nothing to compose"}}
	}
	m := &merger{types: map[string]*mType{}}
	seen := map[string]bool{}
	enums := map[string]string{}
	for _, s := range subgraphs {
		if s.Name == "" {
			m.fail("INVALID_SUBGRAPH_NAME", "", "", "a subgraph has no name")
			continue
		}
		if seen[s.Name] {
			m.fail("DUPLICATE_SUBGRAPH_NAME", "", "", fmt.Sprintf("subgraph %q is listed twice", s.Name), s.Name)
			continue
		}
		seen[s.Name] = true
		if other, ok := enums[graphEnum(s.Name)]; ok {
			m.fail("INVALID_SUBGRAPH_NAME", "", "", fmt.Sprintf("subgraphs %q and %q map to the same join__Graph value %s", other, s.Name, graphEnum(s.Name)), other, s.Name)
			continue
		}
		enums[graphEnum(s.Name)] = s.Name
		p, err := parseSubgraph(s)
		if err != nil {
			var ce *Error
			if errors.As(err, &ce) {
				m.errs = append(m.errs, ce)
				continue
			}
			return "", err
		}
		m.graphs = append(m.graphs, p)
		m.addSubgraph(p)
	}
	if len(m.errs) == 0 {
		m.resolve()
	}
	if len(m.errs) > 0 {
		return "", m.errs
	}
	return m.emit(), nil
}
