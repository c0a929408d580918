package harness

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// ListeningPrefix starts the line a child server prints on stdout once it
// accepts connections, followed by its URL.
const ListeningPrefix = "listening "

// StartChild runs exe with args as a server that picks its own loopback
// port and announces its URL on stdout (ListeningPrefix + URL). The
// benchmark binary re-executes itself this way for each subgraph and for
// the static server, so each is a process of its own.
func StartChild(ctx context.Context, name, exe string, args ...string) (*Process, string, error) {
	return StartChildOn(ctx, nil, name, exe, args...)
}

// StartChildOn is StartChild with the child restricted to cpus (none: no
// restriction).
func StartChildOn(ctx context.Context, cpus CPUs, name, exe string, args ...string) (*Process, string, error) {
	cmd := exec.Command(exe, args...)
	// An os.Pipe rather than StdoutPipe: the reader below outlives Wait.
	out, w, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	cmd.Stdout = w
	p, err := StartOn(name, cmd, cpus)
	w.Close()
	if err != nil {
		out.Close()
		return nil, "", err
	}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), ListeningPrefix); ok {
				urlc <- u
				break
			}
		}
		_, _ = io.Copy(p.logs, out)
		out.Close()
	}()
	t := time.NewTimer(30 * time.Second)
	defer t.Stop()
	select {
	case u := <-urlc:
		return p, u, nil
	case <-p.Exited():
		return nil, "", fmt.Errorf("%s exited before listening: %v\n%s", name, errNoAddr, p.Logs())
	case <-ctx.Done():
		p.Stop()
		return nil, "", ctx.Err()
	case <-t.C:
		p.Stop()
		return nil, "", fmt.Errorf("%s: %v within 30s\n%s", name, errNoAddr, p.Logs())
	}
}
