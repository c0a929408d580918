// Package harness starts the federation benchmark's processes: the four
// subgraphs and a static server as children of the benchmark binary, and
// the real router binary with a generated config and supergraph. Each runs
// in its own process so the router's memory and CPU can be read from
// /proc on their own.
package harness

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// Process is a child process with its output kept for error reports.
type Process struct {
	// Name says what the process is in errors and reports.
	Name string
	cmd  *exec.Cmd
	logs *Tail
	done chan struct{}
	err  error
}

// Start runs a command. Its stderr (and stdout unless the caller takes it)
// goes to the process's log tail.
func Start(name string, cmd *exec.Cmd) (*Process, error) {
	return StartOn(name, cmd, nil)
}

// StartOn is Start with the process restricted to cpus (none: no
// restriction).
func StartOn(name string, cmd *exec.Cmd, cpus CPUs) (*Process, error) {
	p := &Process{Name: name, cmd: cmd, logs: &Tail{}, done: make(chan struct{})}
	if cmd.Stdout == nil {
		cmd.Stdout = p.logs
	}
	cmd.Stderr = p.logs
	// Its own process group, so a Ctrl-C on the benchmark reaches it only
	// through Stop, in order.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := startOn(cpus, cmd.Start); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// PID is the operating system's process id.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// Logs returns the last lines the process wrote.
func (p *Process) Logs() string { return p.logs.String() }

// Exited is closed when the process has ended.
func (p *Process) Exited() <-chan struct{} { return p.done }

// Stop asks the process to end (SIGINT), and kills it after 10s.
func (p *Process) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(os.Interrupt)
	t := time.NewTimer(10 * time.Second)
	defer t.Stop()
	select {
	case <-p.done:
	case <-t.C:
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// WaitReady polls url until it answers 200, the process exits or ctx ends.
func (p *Process) WaitReady(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	backoff := 10 * time.Millisecond
	var last error
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		last = err
		t := time.NewTimer(backoff)
		select {
		case <-p.done:
			t.Stop()
			return fmt.Errorf("%s exited before %s was ready (%v):\n%s", p.Name, url, p.err, p.Logs())
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: %s not ready: %w (last: %v)\n%s", p.Name, url, ctx.Err(), last, p.Logs())
		case <-t.C:
		}
		backoff = min(backoff*2, 200*time.Millisecond)
	}
}

// Tail keeps the last 64 KiB written to it.
type Tail struct {
	mu sync.Mutex
	b  []byte
}

const tailMax = 64 << 10

func (t *Tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > tailMax {
		t.b = append([]byte(nil), t.b[len(t.b)-tailMax:]...)
	}
	return len(p), nil
}

func (t *Tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}

var errNoAddr = errors.New("no listening address reported")
