package web

import (
	"crypto/sha256"
	"encoding/base64"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"
)

// inlineScript matches a classic inline script (no src): the shell's
// index.html applies the theme before first paint with one.
var inlineScript = regexp.MustCompile(`(?is)<script(\s[^>]*)?>(.*?)</script>`)

// inlineHashes allows index.html's own inline scripts under the default
// policy by their sha256 (script-src 'sha256-...'), recomputed when
// index.html changes, so no 'unsafe-inline' is needed for scripts.
type inlineHashes struct {
	mu     sync.Mutex
	mod    time.Time
	size   int64
	policy string
}

// policy is the CSP for this request: DefaultCSP with index.html's inline
// script hashes, or the configured policy as given.
func (h *Handler) policy(root *os.Root) string {
	if h.inline == nil {
		return h.csp
	}
	f, st, ok := open(root, "index.html")
	if !ok {
		return h.csp
	}
	defer f.Close()
	c := h.inline
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.policy != "" && st.ModTime().Equal(c.mod) && st.Size() == c.size {
		return c.policy
	}
	raw, err := io.ReadAll(io.LimitReader(f, 4<<20))
	if err != nil {
		return h.csp
	}
	var hashes []string
	for _, m := range inlineScript.FindAllSubmatch(raw, -1) {
		if strings.Contains(strings.ToLower(string(m[1])), "src=") || len(m[2]) == 0 {
			continue
		}
		sum := sha256.Sum256(m[2])
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	p := h.csp
	if len(hashes) > 0 {
		p = strings.Replace(p, "script-src 'self'", "script-src 'self' "+strings.Join(hashes, " "), 1)
	}
	c.mod, c.size, c.policy = st.ModTime(), st.Size(), p
	return p
}
