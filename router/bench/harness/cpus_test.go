package harness

import (
	"os/exec"
	"reflect"
	"testing"
)

func TestStartOnPinsTheChildOnly(t *testing.T) {
	own, err := Affinity(0)
	if err != nil {
		t.Fatal(err)
	}
	want := CPUs{own[len(own)-1]}
	p, err := StartOn("sleep", exec.Command("sleep", "30"), want)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	got, err := Affinity(p.PID())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("child runs on %v, want %v", got, want)
	}
	after, err := Affinity(0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, own) && len(own) > 1 {
		t.Fatalf("the starting thread kept %v, had %v", after, own)
	}
}

func TestCPUsString(t *testing.T) {
	for _, tc := range []struct {
		c    CPUs
		want string
	}{{nil, "any CPU"}, {CPUs{0}, "CPU 0"}, {CPUs{1, 2, 3}, "CPUs 1-3"}, {CPUs{0, 2}, "CPUs [0 2]"}} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%v: %q, want %q", []int(tc.c), got, tc.want)
		}
	}
}
