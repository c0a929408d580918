package main

import (
	"bufio"
	"os/exec"
	"regexp"
	"testing"
)

// natsServer is the Debian package's binary (apt-get install nats-server).
const natsServer = "/usr/sbin/nats-server"

var (
	natsListening = regexp.MustCompile(`Listening for client connections on (\S+)`)
	natsReady     = regexp.MustCompile(`Server is ready`)
)

// startNATS runs a nats-server of the test's own with JetStream on a
// random port and a temporary store, and returns its URL once the server
// says it is ready (read from its log, no polling).
func startNATS(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath(natsServer); err != nil {
		t.Fatalf("%s is missing: install the Debian package nats-server (make test does)", natsServer)
	}
	cmd := exec.Command(natsServer, "-a", "127.0.0.1", "-p", "-1", "-js", "-sd", t.TempDir())
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	sc := bufio.NewScanner(stderr)
	addr := ""
	for sc.Scan() {
		if m := natsListening.FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
		}
		if addr != "" && natsReady.MatchString(sc.Text()) {
			go func() { // keep draining so the server never blocks on its log
				for sc.Scan() {
				}
			}()
			return "nats://" + addr
		}
	}
	t.Fatalf("nats-server exited before it was ready: %v", sc.Err())
	return ""
}
