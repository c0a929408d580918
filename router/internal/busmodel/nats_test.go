package busmodel

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// natsServer is a nats-server with JetStream that this test binary
// started on free ports with a temporary store: its stream nexus_product
// is the model's alone (a shared server's would hold other tests' events).
type natsServer struct{ url, monitor string }

var (
	natsOnce sync.Once
	natsSrv  *natsServer
	natsErr  error
	natsStop func()
)

// startNATS returns the package's nats-server, started on first use.
// Without the binary the test is skipped, unless NEXUS_REQUIRE_NATS is set
// (make test sets it and installs the binary with scripts/nats.sh).
func startNATS(t *testing.T) *natsServer {
	t.Helper()
	bin := os.Getenv("NATS_SERVER_BIN")
	if bin == "" {
		if p, err := exec.LookPath("nats-server"); err == nil {
			bin = p
		} else if _, err := os.Stat("/usr/sbin/nats-server"); err == nil {
			bin = "/usr/sbin/nats-server"
		}
	}
	if bin == "" {
		msg := "nats-server is not installed: run scripts/nats.sh (Debian package nats-server) or set NATS_SERVER_BIN"
		if os.Getenv("NEXUS_REQUIRE_NATS") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	natsOnce.Do(func() { natsSrv, natsErr = runNATS(bin, freeAddr(t)) })
	if natsErr != nil {
		t.Fatal(natsErr)
	}
	return natsSrv
}

var (
	listening = regexp.MustCompile(`Listening for client connections on (\S+:\d+)`)
	monitor   = regexp.MustCompile(`Starting http monitor on (\S+:\d+)`)
)

// runNATS starts bin on a random client port (-p -1) with its monitoring
// endpoint on monAddr and waits for "Server is ready".
func runNATS(bin, monAddr string) (*natsServer, error) {
	dir, err := os.MkdirTemp("", "nexus-busmodel-nats-")
	if err != nil {
		return nil, err
	}
	port := monAddr[strings.LastIndex(monAddr, ":")+1:]
	cmd := exec.Command(bin, "-js", "-sd", dir, "-a", "127.0.0.1", "-p", "-1", "-m", port)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	natsStop = func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = os.RemoveAll(dir)
	}
	sc := bufio.NewScanner(stderr)
	srv := &natsServer{}
	var logged []string
	for sc.Scan() {
		line := sc.Text()
		logged = append(logged, line)
		if m := listening.FindStringSubmatch(line); m != nil {
			srv.url = "nats://" + m[1]
		}
		if m := monitor.FindStringSubmatch(line); m != nil {
			srv.monitor = "http://" + m[1]
		}
		if strings.Contains(line, "Server is ready") && srv.url != "" && srv.monitor != "" {
			go func() { // keep draining so the server never blocks on its log
				for sc.Scan() {
				}
			}()
			return srv, nil
		}
	}
	return nil, fmt.Errorf("nats-server exited before it was ready:\n%s", strings.Join(logged, "\n"))
}

// TestMain makes the directory of the binaries the tests build, and
// removes it and stops the nats-server afterwards.
func TestMain(m *testing.M) {
	var err error
	if binDir, err = os.MkdirTemp("", "nexus-busmodel-bin-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if natsStop != nil {
		natsStop()
	}
	_ = os.RemoveAll(binDir)
	os.Exit(code)
}
