package compose

import (
	"fmt"
	"strings"
)

// Error is one composition failure. It names the federation rule that was
// broken (the same codes Apollo's composition uses where one exists), the
// subgraphs involved and the schema coordinate, so an operator can find the
// offending line without reading the composer.
type Error struct {
	Rule      string
	Subgraphs []string
	Type      string
	Field     string
	Message   string
}

// Error renders "[RULE] Type.field (subgraphs a, b): message".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s]", e.Rule)
	if e.Type != "" {
		b.WriteString(" " + e.Type)
		if e.Field != "" {
			b.WriteString("." + e.Field)
		}
	}
	if len(e.Subgraphs) > 0 {
		fmt.Fprintf(&b, " (subgraph %s)", strings.Join(e.Subgraphs, ", "))
	}
	b.WriteString(": " + e.Message)
	return b.String()
}

// Errors is every failure of one composition, reported together so a broken
// supergraph is fixed in one round trip.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return fmt.Sprintf("composition failed with %d error(s):\n  %s", len(es), strings.Join(lines, "\n  "))
}
