package harness_test

import (
	"os/exec"
	"testing"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// TestKillEndsAProcessThatIgnoresInterrupts: Kill is the benchmark's crash,
// so it must end a process that would survive Stop's SIGINT, and return
// only once the process is gone; a second Kill is harmless.
func TestKillEndsAProcessThatIgnoresInterrupts(t *testing.T) {
	p, err := harness.Start("stubborn", exec.Command("sh", "-c", `trap "" INT; exec sleep 60`))
	if err != nil {
		t.Fatal(err)
	}
	p.Kill()
	select {
	case <-p.Exited():
	default:
		t.Fatal("Kill returned before the process exited")
	}
	p.Kill()
}
