package harness

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Stats is a process's memory and CPU use as Linux reports them in /proc.
type Stats struct {
	// PeakRSS is the high-water mark of resident memory (VmHWM), in bytes.
	PeakRSS int64
	// RSS is resident memory now (VmRSS), in bytes.
	RSS int64
	// CPU is user plus system time used so far (utime+stime).
	CPU time.Duration
}

// clockTick is the unit of utime/stime in /proc/<pid>/stat. Linux reports
// them in USER_HZ, which is 100 on every architecture Go supports.
const clockTick = 10 * time.Millisecond

// ReadStats reads /proc/<pid>/status and /proc/<pid>/stat.
func ReadStats(pid int) (Stats, error) {
	var s Stats
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return s, fmt.Errorf("process %d: %w", pid, err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch k {
		case "VmHWM":
			s.PeakRSS, err = kB(v)
		case "VmRSS":
			s.RSS, err = kB(v)
		}
		if err != nil {
			return s, fmt.Errorf("process %d: %s: %w", pid, k, err)
		}
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return s, fmt.Errorf("process %d: %w", pid, err)
	}
	// The command name (field 2) may hold spaces and parentheses; the
	// fields after the last ')' start at field 3 (state).
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return s, fmt.Errorf("process %d: unreadable /proc stat", pid)
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 13 {
		return s, fmt.Errorf("process %d: /proc stat has %d fields after the name", pid, len(f))
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, err2 := strconv.ParseInt(f[12], 10, 64) // field 15
	if err1 != nil || err2 != nil {
		return s, fmt.Errorf("process %d: utime/stime: %v %v", pid, err1, err2)
	}
	s.CPU = time.Duration(utime+stime) * clockTick
	return s, nil
}

func kB(v string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
	return n << 10, err
}
