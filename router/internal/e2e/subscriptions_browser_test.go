package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/browsertest"
	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// servesSubscriptions reports whether the router at url accepts a
// graphql-transport-ws WebSocket; the reason when it does not.
func servesSubscriptions(url string) (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http"),
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		if resp != nil {
			return false, fmt.Sprintf("a WebSocket upgrade gets HTTP %d", resp.StatusCode)
		}
		return false, err.Error()
	}
	c.Close(websocket.StatusNormalClosure, "")
	return true, ""
}

// TestGraphiQLTwoTabs is `make run`'s live-update demo in Chromium: tab A
// runs the CatalogEvents tab GraphiQL opens by default (a catalogEvents
// subscription over graphql-transport-ws through the router), tab B — a
// second tab of the same browser — creates a product with an admin token in
// its Headers editor, and tab A then shows that product's event: its type,
// id and name. Both tabs stay on the machine and within the page's CSP.
func TestGraphiQLTwoTabs(t *testing.T) {
	browsertest.Chromium(t)
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		// Until testenv hands the router a subscriptions handler
		// (server.Options.Subscriptions), there is nothing to demonstrate.
		if ok, why := servesSubscriptions(env.RouterURL); !ok {
			t.Fatal("the router in testenv does not serve subscriptions: " + why)
		}
		token := env.Token(t, "graphiql-admin", "admin")
		category, warmID := catalogFixtures(t, env.RouterURL)
		suffix := fmt.Sprintf("%d", time.Now().UnixNano()%1e9)
		name := "Two-Tab Lamp " + suffix
		mutation := fmt.Sprintf(`mutation AddLamp {
  createProduct(input: {name: %q, slug: "two-tab-lamp-%s", sku: "TT-%s", price: 2599, categoryId: %q}) { id name }
}`, name, suffix, suffix, category)

		var live, created string
		var warmups int
		var violationsA, violationsB []string
		var tabB *tabRecord
		v := browsertest.Open(t, env.RouterURL, ".graphiql-container",
			chromedp.ActionFunc(func(ctx context.Context) error {
				_, err := page.AddScriptToEvaluateOnNewDocument(pageProbe).Do(ctx)
				return err
			}),
			chromedp.Reload(),
			chromedp.WaitVisible(".graphiql-query-editor .CodeMirror", chromedp.ByQuery),
			// Tab A: the default CatalogEvents tab, run as it is.
			clickTab("CatalogEvents"),
			panelHas(".graphiql-query-editor", "subscription CatalogEvents", "catalogEvents"),
			// GraphiQL takes in a tab's operation after a debounce; run
			// before that, it would send the previous tab's name.
			chromedp.Poll(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.operationName === 'CatalogEvents'`, nil,
				chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Click(".graphiql-execute-button", chromedp.ByQuery),
			executeLabel("Stop"),
			// The subscription reaches the product subgraph's bus some
			// time after the click, and catalogEvents without a cursor
			// starts from then: stock changes made here until one shows
			// up prove it is live before tab B changes anything.
			chromedp.ActionFunc(func(ctx context.Context) (err error) {
				warmups, err = untilLive(ctx, env.RouterURL, token, warmID)
				return err
			}),
			// Tab B: a second tab of the same browser creates a product.
			chromedp.ActionFunc(func(ctx context.Context) (err error) {
				tabB, err = runMutationTab(ctx, env.RouterURL, token, mutation, name)
				if tabB != nil {
					created, violationsB = tabB.result, tabB.csp
				}
				return err
			}),
			panelHas(".graphiql-response", "product.created", name),
			chromedp.Text(".graphiql-response", &live, chromedp.ByQuery),
			executeLabel("Stop"),
			chromedp.Evaluate(`window.__csp`, &violationsA),
		)

		id := regexp.MustCompile(`"id":\s*"([^"]+)"`).FindStringSubmatch(created)
		if id == nil || !strings.Contains(created, name) {
			t.Fatalf("tab B's mutation result = %q, want the created product", created)
		}
		for _, s := range []string{`"type": "product.created"`, `"aggregateId": "` + id[1] + `"`, `"name": "` + name + `"`} {
			if !strings.Contains(live, s) {
				t.Errorf("tab A's result pane lacks %s:\n%s", s, live)
			}
		}
		if len(violationsA)+len(violationsB) != 0 {
			t.Errorf("CSP violations: tab A %v, tab B %v", violationsA, violationsB)
		}
		browsertest.AssertLocalOnly(t, v)
		browsertest.AssertLocalOnly(t, browsertest.Visit{Requests: tabB.requests})
		for _, c := range append(v.Console, tabB.console...) {
			if strings.HasPrefix(c, "exception") {
				t.Errorf("page error: %s", c)
			}
		}
		if dir := os.Getenv("NEXUS_SCREENSHOT_DIR"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "graphiql-two-tabs-a.png"), v.Screenshot, 0o644)
			_ = os.WriteFile(filepath.Join(dir, "graphiql-two-tabs-b.png"), tabB.screenshot, 0o644)
		}
		t.Logf("subscription live after %d warm-up stock change(s)", warmups)
	})
}

// catalogFixtures returns a category for the new product and a product
// whose stock the warm-up changes.
func catalogFixtures(t *testing.T, url string) (category, product string) {
	t.Helper()
	r := testenv.Post(t, url, `{ categories { id } products(first: 1) { edges { node { id } } } }`, nil)
	var d struct {
		Categories []struct{ ID string }
		Products   struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	if err := json.Unmarshal(r.Data, &d); err != nil || len(d.Categories) == 0 || len(d.Products.Edges) == 0 {
		t.Fatalf("no category or product to work with: %s %v", r.Data, r.Errors)
	}
	return d.Categories[0].ID, d.Products.Edges[0].Node.ID
}

// untilLive adds one unit of stock to product through the router, as an
// admin, until tab A (the current browser context) shows a stock change;
// it returns how many it took. Each try waits up to 3s, at most 10 tries.
func untilLive(ctx context.Context, url, token, product string) (int, error) {
	const m = `mutation Warm($id: ID!) { adjustStock(id: $id, delta: 1, reason: "two-tab test warm-up") { delta } }`
	for i := 1; i <= 10; i++ {
		if err := mutateAs(ctx, url, token, m, map[string]any{"id": product}); err != nil {
			return i, err
		}
		err := chromedp.Poll(`document.querySelector('.graphiql-response').innerText.includes('product.stock-changed')`, nil,
			chromedp.WithPollingTimeout(3*time.Second)).Do(ctx)
		if err == nil {
			return i, nil
		}
		if ctx.Err() != nil {
			return i, ctx.Err()
		}
	}
	var shown string
	_ = chromedp.Evaluate(`document.querySelector('.graphiql-response').innerText`, &shown).Do(ctx)
	return 10, fmt.Errorf("the subscription showed none of 10 stock changes; tab A shows:\n%s", shown)
}

// tabRecord is what happened in tab B.
type tabRecord struct {
	result                 string
	screenshot             []byte
	requests, console, csp []string
}

// runMutationTab opens the router's GraphiQL in a new tab of the browser
// in ctx, runs mutation from its Products tab with the admin token in the
// Headers editor, waits for the result to show name, and closes the tab.
func runMutationTab(ctx context.Context, url, token, mutation, name string) (*tabRecord, error) {
	rec := &tabRecord{}
	tctx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	var mu sync.Mutex
	chromedp.ListenTarget(tctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			rec.requests = append(rec.requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			rec.console = append(rec.console, "exception: "+e.ExceptionDetails.Error())
		}
	})
	err := chromedp.Run(tctx,
		network.Enable(),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(pageProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.WaitVisible(".graphiql-query-editor .CodeMirror", chromedp.ByQuery),
		// A fresh GraphiQL tab: the tabs GraphiQL restores from the
		// origin's storage are whatever tab A left there.
		chromedp.Click(".graphiql-tab-add", chromedp.ByQuery),
		chromedp.Click(`button[data-name="headers"]`, chromedp.ByQuery),
		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror", `{"Authorization": "Bearer `+token+`"}`),
		setEditor(".graphiql-query-editor .CodeMirror", mutation),
		// GraphiQL reads the operation name after a debounce; the tab
		// title shows it once it has.
		panelHas(".graphiql-tab-active", "AddLamp"),
		chromedp.Click(".graphiql-execute-button", chromedp.ByQuery),
		panelHas(".graphiql-response", name),
		chromedp.Text(".graphiql-response", &rec.result, chromedp.ByQuery),
		chromedp.Evaluate(`window.__csp`, &rec.csp),
		chromedp.CaptureScreenshot(&rec.screenshot),
	)
	if err != nil {
		err = fmt.Errorf("tab B: %w", err)
	}
	cancel()
	// Tab A is in front again, so its page renders and polls as usual.
	if err2 := page.BringToFront().Do(ctx); err == nil && err2 != nil {
		err = err2
	}
	mu.Lock()
	defer mu.Unlock()
	rec.requests = append([]string(nil), rec.requests...)
	return rec, err
}

// clickTab selects the GraphiQL tab whose title contains title, waiting
// for the tab bar to show it.
func clickTab(title string) chromedp.Action {
	js := fmt.Sprintf(`(t => { const b = [...document.querySelectorAll('.graphiql-tab-button')].find(b => b.innerText.includes(t)); if (b) b.click(); return !!b })(%q)`, title)
	return chromedp.Tasks{
		chromedp.ActionFunc(func(ctx context.Context) error {
			if err := chromedp.Poll(js, nil, chromedp.WithPollingTimeout(10*time.Second)).Do(ctx); err != nil {
				var tabs string
				_ = chromedp.Evaluate(`(document.querySelector('.graphiql-tabs') || {innerText: '(no tab bar)'}).innerText`, &tabs).Do(ctx)
				return fmt.Errorf("no GraphiQL tab titled %q (tabs: %q): %w", title, tabs, err)
			}
			return nil
		}),
		panelHas(".graphiql-tab-active", title),
	}
}

// executeLabel waits until GraphiQL's execute button offers to Stop (an
// operation runs) or to Execute.
func executeLabel(prefix string) chromedp.Action {
	js := fmt.Sprintf(`(document.querySelector('.graphiql-execute-button').getAttribute('aria-label') || '').startsWith(%q)`, prefix)
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.Poll(js, nil, chromedp.WithPollingTimeout(20*time.Second)).Do(ctx); err != nil {
			var shown string
			_ = chromedp.Evaluate(`document.querySelector('.graphiql-response').innerText`, &shown).Do(ctx)
			return fmt.Errorf("execute button never offered %q: %w; the result pane shows:\n%s", prefix, err, shown)
		}
		return nil
	})
}

// mutateAs sends a GraphQL operation to the router with token and fails
// on any GraphQL error.
func mutateAs(ctx context.Context, url, token, query string, vars map[string]any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("%s answered HTTP %d with no JSON: %w", url, resp.StatusCode, err)
	}
	if len(out.Errors) > 0 {
		return fmt.Errorf("%s answered HTTP %d with errors %s", url, resp.StatusCode, out.Errors)
	}
	return nil
}
