package mail

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// SMTPConfig is the mail server of the auth service (docs/auth.md).
type SMTPConfig struct {
	// Addr is host:port (SMTP_ADDR).
	Addr string
	// Username and Password authenticate (PLAIN/LOGIN discovered) when set.
	Username, Password string
	// TLS is off, starttls (required) or tls (implicit TLS) (SMTP_TLS).
	TLS string
	// From is the sender (MAIL_FROM).
	From string
	// Timeout bounds one connection (default 15s).
	Timeout time.Duration
}

// SMTP sends mail with go-mail.
type SMTP struct{ cfg SMTPConfig }

// NewSMTP checks cfg and returns a sender.
func NewSMTP(cfg SMTPConfig) (*SMTP, error) {
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		return nil, fmt.Errorf("mail: SMTP address %q: %w", cfg.Addr, err)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 15 * time.Second
	}
	return &SMTP{cfg: cfg}, nil
}

// Send delivers m: one connection per call (the queue is small and a
// pooled connection would hold a server slot for nothing).
func (s *SMTP) Send(ctx context.Context, m auth.Mail) error {
	host, portText, _ := net.SplitHostPort(s.cfg.Addr)
	port, err := strconv.Atoi(portText)
	if err != nil {
		return fmt.Errorf("mail: port %q: %w", portText, err)
	}
	opts := []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(s.cfg.Timeout), gomail.WithHELO("localhost")}
	switch s.cfg.TLS {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "starttls":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	c, err := gomail.NewClient(host, opts...)
	if err != nil {
		return fmt.Errorf("mail: client: %w", err)
	}
	msg := gomail.NewMsg()
	if err := msg.From(s.cfg.From); err != nil {
		return fmt.Errorf("mail: from %q: %w", s.cfg.From, err)
	}
	if err := msg.To(m.To); err != nil {
		return fmt.Errorf("mail: to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: send: %w", err)
	}
	return nil
}
