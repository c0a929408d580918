package harness

import (
	"os"
	"testing"
)

// ReadStats parses this very process's /proc files.
func TestReadStatsOfSelf(t *testing.T) {
	s, err := ReadStats(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if s.RSS <= 0 || s.PeakRSS < s.RSS {
		t.Errorf("RSS %d, peak %d: want 0 < RSS <= peak", s.RSS, s.PeakRSS)
	}
	if s.CPU < 0 {
		t.Errorf("CPU %v is negative", s.CPU)
	}
	if _, err := ReadStats(-1); err == nil {
		t.Error("ReadStats(-1) succeeded, want an error naming the process")
	}
}
