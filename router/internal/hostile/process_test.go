package hostile

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// process is the router running as its own OS process: its output is
// kept line by line, its resident memory sampled from /proc, and its exit
// (which no input may cause) noticed at once.
type process struct {
	cmd   *exec.Cmd
	pid   int
	log   *lineLog
	bound int64

	exited   chan struct{}
	exitErr  error
	peakRSS  atomic.Int64 // bytes, the most VmRSS/VmHWM seen
	overRSS  atomic.Int64 // VmRSS that crossed bound (0: never)
	stopSamp chan struct{}
	sampDone chan struct{}
}

// startProcess starts cmd with its output captured and watches it. A
// router whose RSS crosses bound is killed on the spot, so a memory bomb
// fails the suite instead of taking the machine's memory; the kill is
// reported as the failure it is.
func startProcess(t *testing.T, cmd *exec.Cmd, bound int64) *process {
	t.Helper()
	p := &process{cmd: cmd, log: &lineLog{}, bound: bound, exited: make(chan struct{}),
		stopSamp: make(chan struct{}), sampDone: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.log, p.log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start router: %v", err)
	}
	p.pid = cmd.Process.Pid
	go func() {
		p.exitErr = cmd.Wait()
		close(p.exited)
	}()
	go p.sample()
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			t.Logf("router log (last 60 lines):\n%s", trimLog(p.log.String(), 60))
		}
	})
	return p
}

// sample reads VmRSS and VmHWM every few milliseconds until stopped.
func (p *process) sample() {
	defer close(p.sampDone)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		rss, hwm, ok := readStatus(p.pid)
		if ok {
			if m := max(rss, hwm); m > p.peakRSS.Load() {
				p.peakRSS.Store(m)
			}
			if rss > p.bound && p.overRSS.CompareAndSwap(0, rss) {
				_ = p.cmd.Process.Kill()
			}
		}
		select {
		case <-p.stopSamp:
			return
		case <-p.exited:
			return
		case <-tick.C:
		}
	}
}

// readStatus returns VmRSS and VmHWM of pid in bytes.
func readStatus(pid int) (rss, hwm int64, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, found := strings.Cut(sc.Text(), ":")
		if !found {
			continue
		}
		f := strings.Fields(v)
		if len(f) != 2 || f[1] != "kB" {
			continue
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			continue
		}
		switch k {
		case "VmRSS":
			rss, ok = n<<10, true
		case "VmHWM":
			hwm = n << 10
		}
	}
	return rss, hwm, ok
}

// alive fails t when the router process has exited (or was killed for
// its memory): it is never restarted, so any exit is a crash.
func (p *process) alive(t *testing.T) {
	t.Helper()
	if over := p.overRSS.Load(); over != 0 {
		t.Fatalf("router RSS reached %d MiB, over the %d MiB bound: killed to protect the machine", over>>20, p.bound>>20)
	}
	select {
	case <-p.exited:
		t.Fatalf("router process %d exited: %v\n%s", p.pid, p.exitErr, trimLog(p.log.String(), 40))
	default:
	}
	if _, err := os.Stat("/proc/" + strconv.Itoa(p.pid)); err != nil {
		t.Fatalf("router process %d is gone: %v", p.pid, err)
	}
}

// finish checks the end state: the process the suite started is the one
// still running (no exit, no restart), and its peak RSS stayed under the
// bound. It prints the peak for the note.
func (p *process) finish(t *testing.T) {
	t.Helper()
	if _, hwm, ok := readStatus(p.pid); ok && hwm > p.peakRSS.Load() {
		p.peakRSS.Store(hwm)
	}
	peak := p.peakRSS.Load()
	t.Logf("router pid %d peak RSS %d MiB (VmHWM, sampled every 20ms)", p.pid, peak>>20)
	fmt.Printf("hostile: router peak RSS = %d MiB\n", peak>>20)
	p.alive(t)
	if peak > p.bound {
		t.Errorf("router peak RSS %d MiB exceeds the %d MiB bound", peak>>20, p.bound>>20)
	}
}

// stop ends the router (SIGINT, then SIGKILL if it does not drain).
func (p *process) stop() {
	select {
	case <-p.exited:
	default:
		_ = p.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-p.exited:
		case <-time.After(20 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	}
	close(p.stopSamp)
	<-p.sampDone
}

// waitHealthy polls url until the router answers 200.
func (p *process) waitHealthy(t *testing.T, url string) {
	t.Helper()
	pollUntil(t, "router healthy at "+url, 60*time.Second, func() bool {
		select {
		case <-p.exited:
			t.Fatalf("router exited at start: %v\n%s", p.exitErr, p.log.String())
		default:
		}
		resp, err := http.Get(url)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
}

// lineLog keeps the router's output (stdout and stderr, where the
// engine's stray prints went); Mark and Since let a case read what its
// request wrote.
type lineLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lineLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Mark is the log's current size, for Since.
func (l *lineLog) Mark() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Len()
}

// Since returns what was written after mark.
func (l *lineLog) Since(mark int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.b.Bytes()[mark:])
}
