package harness

// Kill ends the process at once with SIGKILL, as a crash or the kernel's
// OOM killer would (no shutdown, no connection closed cleanly), and waits
// until it has exited. A process that already exited is left alone.
func (p *Process) Kill() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}
