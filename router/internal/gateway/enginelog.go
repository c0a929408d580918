package gateway

import (
	"bytes"
	"io"
	"log/slog"
	"sync"
	"time"
)

// EngineLog returns the writer for Go's standard logger (log.SetOutput in
// main): graphql-go-tools writes a few diagnostics there with log.Printf
// instead of a logger it was given (for example "RemoveDirectiveFromNode
// not implemented", once per directive). Each line becomes a structured
// warning on log, at most perSecond lines a second; the lines dropped are
// counted and reported with the next line let through, so a client cannot
// flood the logs through the engine. The router's own checks keep the lines
// we know of unreachable (see precheck); this bounds the ones we do not.
//
// The engine's fmt.Print calls to stdout are not routed here: those in the
// planner and resolver run only under their Debug options, which the
// router never sets; astimport's ("ImportValue: not implemented") only for
// a value kind the parser never produces; nethttpclient's only for
// multipart uploads, which the router does not send.
func EngineLog(log *slog.Logger, perSecond int) io.Writer {
	return &engineLog{log: log, perSecond: max(1, perSecond), now: time.Now}
}

type engineLog struct {
	log       *slog.Logger
	perSecond int
	now       func() time.Time

	mu         sync.Mutex
	window     time.Time // start of the current one-second window
	written    int       // lines let through in it
	suppressed int       // lines dropped since the last report
}

func (e *engineLog) Write(p []byte) (int, error) {
	now := e.now()
	e.mu.Lock()
	if now.Sub(e.window) >= time.Second {
		e.window, e.written = now, 0
	}
	if e.written >= e.perSecond {
		e.suppressed++
		e.mu.Unlock()
		return len(p), nil
	}
	e.written++
	suppressed := e.suppressed
	e.suppressed = 0
	e.mu.Unlock()

	line := string(bytes.TrimRight(p, "\n"))
	if suppressed > 0 {
		e.log.Warn("engine", "line", line, "suppressed_before", suppressed)
	} else {
		e.log.Warn("engine", "line", line)
	}
	return len(p), nil
}
