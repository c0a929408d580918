package mail_test

import (
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/auth/mail"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name          string
		m             func() (string, string, string)
		subject, link string
	}{
		{"verification", func() (string, string, string) {
			m := mail.Verification("https://shop.test", "a@b.co", "<Ann>", "tok_-1")
			return m.Subject, m.Text, m.HTML
		}, mail.SubjectVerify, "https://shop.test/account/verify-email?token=tok_-1"},
		{"reset", func() (string, string, string) {
			m := mail.Reset("https://shop.test", "a@b.co", "<Ann>", "tok_-1")
			return m.Subject, m.Text, m.HTML
		}, mail.SubjectReset, "https://shop.test/account/reset-password?token=tok_-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subject, text, html := tt.m()
			if subject != tt.subject || !strings.Contains(text, tt.link) || !strings.Contains(html, `href="`+tt.link+`"`) {
				t.Fatalf("subject %q\ntext %s\nhtml %s", subject, text, html)
			}
			if strings.Contains(html, "<Ann>") || !strings.Contains(html, "&lt;Ann&gt;") {
				t.Fatalf("the name is not escaped in HTML: %s", html)
			}
		})
	}
}
