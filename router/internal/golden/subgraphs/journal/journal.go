// Package journal records the order in which mutations ran, shared by the
// golden corpus's users and reviews subgraphs so a case can prove the router
// executes a mutation's root fields one after another, across subgraphs.
package journal

import "sync"

// Entry is one recorded mutation: Position counts from 1 within its run.
type Entry struct {
	Run, Tag, Service string
	Position          int
}

// Journal is safe for concurrent use; runs keep cases independent of each
// other and of the order they run in.
type Journal struct {
	mu   sync.Mutex
	runs map[string][]Entry
}

// Record appends tag to run and returns the entry with its position.
func (j *Journal) Record(run, tag, service string) Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.runs == nil {
		j.runs = map[string][]Entry{}
	}
	e := Entry{Run: run, Tag: tag, Service: service, Position: len(j.runs[run]) + 1}
	j.runs[run] = append(j.runs[run], e)
	return e
}

// Entries returns run's entries in execution order.
func (j *Journal) Entries(run string) []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]Entry(nil), j.runs[run]...)
}
