package logging

import (
	"bytes"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	tests := []struct {
		level, format string
		wantErr       string
		shown, hidden string // what an Info and a Warn line show
	}{
		{level: "warn", format: "json", shown: `"msg":"warn-line"`, hidden: "info-line"},
		{level: "DEBUG", format: "text", shown: "msg=info-line"},
		{level: "error", format: "json", hidden: "warn-line"},
		{level: "loud", format: "text", wantErr: `log level "loud": want debug, info, warn or error`},
		{level: "info+2", format: "text", wantErr: `log level "info+2"`},
		{level: "info", format: "xml", wantErr: `log format "xml": want text or json`},
	}
	for _, tt := range tests {
		t.Run(tt.level+"/"+tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			log, err := New(&buf, tt.level, tt.format)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			log.Info("info-line")
			log.Warn("warn-line")
			if tt.shown != "" && !strings.Contains(buf.String(), tt.shown) {
				t.Errorf("log lacks %q:\n%s", tt.shown, buf.String())
			}
			if tt.hidden != "" && strings.Contains(buf.String(), tt.hidden) {
				t.Errorf("log shows %q:\n%s", tt.hidden, buf.String())
			}
		})
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct{ level, format, wantErr string }{
		{"", "", ""},
		{"debug", "json", ""},
		{"chatty", "", "LOG_LEVEL"},
		{"", "yaml", "LOG_FORMAT"},
	}
	for _, tt := range tests {
		t.Run(tt.level+"/"+tt.format, func(t *testing.T) {
			t.Setenv("LOG_LEVEL", tt.level)
			t.Setenv("LOG_FORMAT", tt.format)
			_, err := FromEnv(&bytes.Buffer{})
			if (tt.wantErr == "") != (err == nil) || err != nil && !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
