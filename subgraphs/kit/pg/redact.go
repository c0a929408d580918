package pg

import (
	"net/url"
	"regexp"
)

// dsnPassword matches password=... in a key=value connection string,
// quoted with single quotes or bare.
var dsnPassword = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)`)

// urlScheme tells a broken URL (which may hide a password anywhere) from
// a key=value string.
var urlScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// Redact returns the connection string without its password, so URLs can
// go to logs and error messages. It strips the userinfo password and a
// password query parameter of a URL, and password=... of a key=value
// string; what it cannot parse it does not echo.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if urlScheme.MatchString(raw) && err != nil {
		return "<unparseable database URL>"
	}
	if err != nil || u.Scheme == "" {
		return dsnPassword.ReplaceAllString(raw, "${1}REDACTED")
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "REDACTED")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
