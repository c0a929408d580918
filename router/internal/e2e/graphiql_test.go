package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nexus-commerce/nexus/router/internal/browsertest"
	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestGraphiQLInChromium opens the router's GraphiQL in headless Chromium,
// runs the default products query through the real router and subgraph,
// and proves no request left the machine.
func TestGraphiQLInChromium(t *testing.T) {
	browsertest.Chromium(t)
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		var result string
		v := browsertest.Open(t, env.RouterURL, ".graphiql-container",
			chromedp.WaitVisible(".graphiql-execute-button", chromedp.ByQuery),
			chromedp.Click(".graphiql-execute-button", chromedp.ByQuery),
			chromedp.Poll(`(document.querySelector('.graphiql-response') || {innerText: ''}).innerText.includes('totalCount')`, nil),
			chromedp.Text(".graphiql-response", &result, chromedp.ByQuery),
		)
		if !strings.Contains(result, "totalCount") || !strings.Contains(result, "currency") {
			t.Fatalf("result pane = %q", result)
		}
		browsertest.AssertLocalOnly(t, v)
		sawAssets := false
		for _, r := range v.Requests {
			if strings.Contains(r, "/graphiql/assets/graphiql.js") {
				sawAssets = true
			}
		}
		if !sawAssets {
			t.Fatalf("GraphiQL bundle was not loaded from the router: %v", v.Requests)
		}
		if dir := os.Getenv("NEXUS_SCREENSHOT_DIR"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "graphiql.png"), v.Screenshot, 0o644)
		}
		for _, c := range v.Console {
			if strings.HasPrefix(c, "exception") {
				t.Errorf("page error: %s", c)
			}
		}
	})
}
