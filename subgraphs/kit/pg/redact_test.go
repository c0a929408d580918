package pg

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:hunter2@db.test:5432/nexus?sslmode=disable", "postgres://u@db.test:5432/nexus?sslmode=disable"},
		{"postgres://u@db.test/nexus", "postgres://u@db.test/nexus"},
		{"postgres://db.test/nexus?password=hunter2&sslmode=disable", "postgres://db.test/nexus?password=REDACTED&sslmode=disable"},
		{"host=db.test user=u password=hunter2 dbname=nexus", "host=db.test user=u password=REDACTED dbname=nexus"},
		{"host=db.test password='hun ter2' dbname=nexus", "host=db.test password=REDACTED dbname=nexus"},
		{"postgres://u:hunter2@db.test/%zz", "<unparseable database URL>"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Redact(tt.in)
			if got != tt.want {
				t.Errorf("Redact = %q, want %q", got, tt.want)
			}
			if strings.Contains(got, "hunter2") || strings.Contains(got, "ter2") {
				t.Errorf("password survived: %q", got)
			}
		})
	}
}
