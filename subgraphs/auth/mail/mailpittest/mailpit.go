// Package mailpittest starts the development mailbox (bin/mailpit, built
// by scripts/mailpit.sh) on free loopback ports for tests, and reads the
// mails it received through its HTTP API. Tests skip when bin/mailpit is
// missing, unless NEXUS_REQUIRE_MAILPIT=1 (make test), where they fail.
package mailpittest

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Mailpit is a running mailbox.
type Mailpit struct {
	// SMTPAddr is where to send mail (host:port).
	SMTPAddr string
	// APIURL is the base of the web UI and API.
	APIURL string
}

// Binary finds bin/mailpit above the working directory (the repository
// root holds go.work), "" when it is not built.
func Binary() string {
	dir, _ := os.Getwd()
	for dir != "/" && dir != "." {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			p := filepath.Join(dir, "bin", "mailpit")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		dir = filepath.Dir(dir)
	}
	return ""
}

func freePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// Start runs bin/mailpit for the test and waits until its API answers;
// it is stopped when the test ends.
func Start(t testing.TB) *Mailpit {
	t.Helper()
	bin := Binary()
	if bin == "" {
		if os.Getenv("NEXUS_REQUIRE_MAILPIT") == "1" {
			t.Fatal("bin/mailpit is missing: run scripts/mailpit.sh (NEXUS_REQUIRE_MAILPIT=1)")
		}
		t.Skip("bin/mailpit is missing: run scripts/mailpit.sh to run the mail tests")
	}
	smtp, api := freePort(t), freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--smtp", smtp, "--listen", api, "--quiet", "--disable-version-check",
		"--database", filepath.Join(t.TempDir(), "mailpit.db"))
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start mailpit: %v", err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	m := &Mailpit{SMTPAddr: smtp, APIURL: "http://" + api}
	deadline := time.Now().Add(20 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		resp, err := http.Get(m.APIURL + "/api/v1/info")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				if c, err := net.Dial("tcp", smtp); err == nil {
					c.Close()
					return m
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not answer on %s within 20s", api)
		}
		<-tick.C // polling a process we started until it is up
	}
}

// Message is one received mail as the API returns it.
type Message struct {
	ID      string
	Subject string
	To      []struct{ Address string }
	Text    string
	HTML    string
}

// Messages returns every mail to addr, newest first, with bodies.
func (m *Mailpit) Messages(t testing.TB, addr string) []Message {
	t.Helper()
	var list struct {
		Messages []Message `json:"messages"`
	}
	m.get(t, "/api/v1/search?query="+url.QueryEscape("to:"+addr), &list)
	out := make([]Message, 0, len(list.Messages))
	for _, s := range list.Messages {
		var full Message
		m.get(t, "/api/v1/message/"+url.PathEscape(s.ID), &full)
		out = append(out, full)
	}
	return out
}

func (m *Mailpit) get(t testing.TB, path string, dst any) {
	t.Helper()
	resp, err := http.Get(m.APIURL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit GET %s: %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(dst); err != nil {
		t.Fatal(fmt.Errorf("mailpit GET %s: %w", path, err))
	}
}
