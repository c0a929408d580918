package gateway

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/wundergraph/astjson"
)

// checkVariables refuses request variables the engine's JSON parser would
// refuse with its own text (which names parser internals): variables must
// be a JSON object, and each value must be readable, in particular nested
// at most astjson.MaxDepth deep. The error names the variable at fault and
// says what is wrong in the client's terms. Type checks against the
// operation come later (the engine's variables validator).
func checkVariables(variables []byte) error {
	v := bytes.TrimSpace(variables)
	if len(v) == 0 {
		return nil
	}
	if v[0] != '{' || !json.Valid(v) {
		return &RequestError{Err: fmt.Errorf("variables: must be a JSON object mapping variable names to values"), Code: "BAD_USER_INPUT"}
	}
	if _, err := astjson.ParseBytes(v); err == nil {
		return nil
	}
	// Find the variable whose value the engine cannot read.
	var vars map[string]json.RawMessage
	if err := json.Unmarshal(v, &vars); err != nil {
		return &RequestError{Err: fmt.Errorf("variables: must be a JSON object mapping variable names to values"), Code: "BAD_USER_INPUT"}
	}
	names := make([]string, 0, len(vars))
	for name := range vars {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, err := astjson.ParseBytes(vars[name]); err != nil {
			return &RequestError{Err: fmt.Errorf("Variable \"$%s\": the value cannot be read; lists and objects may be nested at most %d deep", name, astjson.MaxDepth-1), Code: "BAD_USER_INPUT"}
		}
	}
	return &RequestError{Err: fmt.Errorf("variables: the object cannot be read; values may be nested at most %d deep", astjson.MaxDepth-1), Code: "BAD_USER_INPUT"}
}
