package harness

import (
	"fmt"
	"os"
	"runtime"
	"strconv"

	"golang.org/x/sys/unix"
)

// CPUs is a set of CPU numbers a process may run on; empty means no
// restriction (whatever the benchmark process itself may use).
type CPUs []int

func (c CPUs) String() string {
	if len(c) == 0 {
		return "any CPU"
	}
	if len(c) == 1 {
		return "CPU " + strconv.Itoa(c[0])
	}
	if c[len(c)-1]-c[0] == len(c)-1 {
		return fmt.Sprintf("CPUs %d-%d", c[0], c[len(c)-1])
	}
	return fmt.Sprintf("CPUs %v", []int(c))
}

func (c CPUs) set() *unix.CPUSet {
	var s unix.CPUSet
	for _, n := range c {
		s.Set(n)
	}
	return &s
}

// PinSelf restricts every thread of this process (and so the threads it
// starts later) to cpus.
func PinSelf(cpus CPUs) error {
	if len(cpus) == 0 {
		return nil
	}
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return err
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil {
			continue
		}
		if err := unix.SchedSetaffinity(tid, cpus.set()); err != nil {
			return fmt.Errorf("pin thread %d to %v: %w", tid, cpus, err)
		}
	}
	return nil
}

// startOn starts cmd on cpus: a child inherits the CPU affinity of the
// thread that forks it, so this thread takes cpus for the fork and gets
// its own back afterwards.
func startOn(cpus CPUs, start func() error) error {
	if len(cpus) == 0 {
		return start()
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var own unix.CPUSet
	if err := unix.SchedGetaffinity(0, &own); err != nil {
		return err
	}
	if err := unix.SchedSetaffinity(0, cpus.set()); err != nil {
		return fmt.Errorf("pin to %v: %w", cpus, err)
	}
	defer func() { _ = unix.SchedSetaffinity(0, &own) }()
	return start()
}

// Affinity reads the CPUs a running process may use.
func Affinity(pid int) (CPUs, error) {
	var s unix.CPUSet
	if err := unix.SchedGetaffinity(pid, &s); err != nil {
		return nil, err
	}
	var out CPUs
	for n := 0; n < 1024; n++ {
		if s.IsSet(n) {
			out = append(out, n)
		}
	}
	return out, nil
}
