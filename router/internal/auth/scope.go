package auth

// Allowed decides one field's @authenticated / @requiresScopes for the
// caller c (nil when anonymous). scopes is the directive's argument: an OR
// of AND-sets, as in Apollo Federation — [["a","b"],["c"]] admits a caller
// holding a and b, or c. A field with scopes requires an authenticated
// caller even when an AND-set is empty. With authenticated false and no
// scopes every caller is allowed.
func Allowed(c *Claims, authenticated bool, scopes [][]string) bool {
	if c == nil {
		return !authenticated && len(scopes) == 0
	}
	if len(scopes) == 0 {
		return true
	}
	for _, all := range scopes {
		ok := true
		for _, s := range all {
			if !c.HasScope(s) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
