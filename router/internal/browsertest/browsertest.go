// Package browsertest drives Debian's Chromium headlessly (over the DevTools
// protocol with chromedp) for tests that must see what a person sees. The
// browser is cut off from everything but loopback, and every request it
// makes is recorded so tests can prove a page needs nothing from outside.
package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Visit is what happened while a page was open.
type Visit struct {
	// Requests lists every URL the page requested (documents, scripts,
	// styles, fetch/XHR, workers), in order.
	Requests []string
	// Console holds console messages and uncaught exceptions.
	Console []string
	// Screenshot is a PNG of the viewport after the actions ran.
	Screenshot []byte
}

// Chromium returns the browser's path. Missing: a failure under `make test`
// (NEXUS_REQUIRE_BROWSER=1), otherwise a skip with the install hint.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("NEXUS_REQUIRE_BROWSER") == "1" {
		t.Fatal("chromium not found: run `make browser` (apt-get install chromium)")
	}
	t.Skip("chromium not found: run `make browser` to enable browser tests")
	return ""
}

// Open loads url, waits until waitVisible (a CSS selector) is visible, runs
// actions and returns what happened. The whole visit is bounded to 60s.
func Open(t testing.TB, pageURL, waitVisible string, actions ...chromedp.Action) Visit {
	t.Helper()
	// Chromium may still write to its profile while exiting, so the
	// profile lives in a directory removed best-effort, not t.TempDir.
	profile, err := os.MkdirTemp("", "nexus-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// Nothing but loopback resolves, and everything else goes to a
		// closed proxy (Chromium always bypasses the proxy for loopback): an
		// outside request would fail as well as be recorded.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
		chromedp.ProxyServer("127.0.0.1:9"),
		chromedp.WindowSize(1280, 800),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	// Newer Chromium sends protocol values this cdproto does not know;
	// those decode errors are noise, everything else is reported.
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "could not unmarshal event") {
			t.Logf("chromedp: %s", msg)
		}
	}))
	defer cancelCtx()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	var mu sync.Mutex
	var v Visit
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			v.Requests = append(v.Requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value))
			}
			v.Console = append(v.Console, string(e.Type)+": "+strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			v.Console = append(v.Console, "exception: "+e.ExceptionDetails.Error())
		}
	})
	var shot []byte
	all := []chromedp.Action{network.Enable(), chromedp.Navigate(pageURL), chromedp.WaitVisible(waitVisible, chromedp.ByQuery)}
	all = append(all, actions...)
	all = append(all, chromedp.CaptureScreenshot(&shot))
	if err := chromedp.Run(ctx, all...); err != nil {
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("browser: %v\nrequests: %v\nconsole: %v", err, v.Requests, v.Console)
	}
	mu.Lock()
	defer mu.Unlock()
	v.Screenshot = shot
	return v
}

// AssertLocalOnly fails for every request that left loopback.
func AssertLocalOnly(t testing.TB, v Visit) {
	t.Helper()
	for _, r := range v.Requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("unparseable request URL %q", r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		switch u.Hostname() {
		case "127.0.0.1", "localhost", "::1":
		default:
			t.Errorf("request left the machine: %s", r)
		}
	}
	if len(v.Requests) == 0 {
		t.Error("no requests recorded: the check would prove nothing")
	}
}
