package limits

// CostModel carries the schema's @cost and @listSize directives in the
// shape the estimator needs. The composer collects them from the
// supergraph (supergraph.CostModel); the router converts. A nil model
// means every default below.
type CostModel struct {
	// TypeWeights overrides the weight of every field returning the type
	// (@cost on a type). Default 1 for objects, interfaces and unions, 0 for
	// scalars and enums.
	TypeWeights map[string]int
	// FieldWeights overrides one field's weight, keyed "Type.field" (@cost
	// on a field definition).
	FieldWeights map[string]int
	// ArgumentWeights adds a weight when an argument is given, keyed
	// "Type.field(arg:)" (@cost on an argument definition).
	ArgumentWeights map[string]int
	// ListSizes says how many items a list or connection field returns,
	// keyed "Type.field" (@listSize).
	ListSizes map[string]ListSize
	// DefaultListSize is the size of a list field without @listSize.
	// Default 10.
	DefaultListSize int
}

// ListSize mirrors @listSize.
type ListSize struct {
	// AssumedSize is the size when no slicing argument is given.
	AssumedSize int
	// SlicingArguments (such as first, last, limit) bound the size; the
	// largest value given, literal or variable, is the size.
	SlicingArguments []string
	// SizedFields names the child fields the size applies to instead of the
	// field itself, for connections: ["edges"].
	SizedFields []string
	// RequireOneSlicingArgument refuses an operation that gives none or
	// several of SlicingArguments.
	RequireOneSlicingArgument bool
}

// DefaultListSize is used when the model sets none.
const DefaultListSize = 10

// mutationWeight is the weight of a mutation root field without @cost: a
// write costs more than a read (IBM cost spec, Apollo demand control).
const mutationWeight = 10

// maxCost saturates cost arithmetic: a hostile operation's estimate must
// grow to "huge", never wrap around to small.
const maxCost = 1 << 40

func addCost(a, b int) int { return min(a+b, maxCost) }

func mulCost(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > maxCost/b {
		return maxCost
	}
	return min(a*b, maxCost)
}

func (m *CostModel) typeWeight(name string, composite bool) int {
	if m != nil {
		if w, ok := m.TypeWeights[name]; ok {
			return w
		}
	}
	if composite {
		return 1
	}
	return 0
}

func (m *CostModel) defaultListSize() int {
	if m == nil || m.DefaultListSize <= 0 {
		return DefaultListSize
	}
	return m.DefaultListSize
}
