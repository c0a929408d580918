package auth

import (
	"bufio"
	_ "embed"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits of account input, matching the database's CHECK constraints.
const (
	MaxEmailLength    = 254 // RFC 5321's path limit
	MaxNameLength     = 100 // first and last name, in characters
	MinPasswordLength = 10  // Unicode code points
	MaxPasswordLength = 128 // Unicode code points; bounds the hashing cost
	MaxSearchLength   = 200
	MaxReasonLength   = 500
)

// commonPasswordList is a small list of passwords that appear at the top
// of every breach corpus and pass the length rule; one per line, lower case.
//
//go:embed common_passwords.txt
var commonPasswordList string

var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(commonPasswordList))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}()

// NormalizeEmail checks an email address and returns it as stored: trimmed,
// with the domain lower-cased (the local part is kept as entered; lookups
// compare the whole address case-insensitively). field names the input.
func NormalizeEmail(field, email string) (string, error) {
	email = strings.TrimSpace(email)
	bad := func(msg string) (string, error) { return "", Errorf(Invalid, field, "%s", msg) }
	switch {
	case email == "":
		return bad("is required")
	case utf8.RuneCountInString(email) > MaxEmailLength || len(email) > MaxEmailLength:
		return bad("must be at most 254 characters")
	case strings.Count(email, "@") != 1:
		return bad("is not a valid email address")
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || a.Name != "" {
		return bad("is not a valid email address")
	}
	local, domain, _ := strings.Cut(email, "@")
	if local == "" || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return bad("is not a valid email address")
	}
	return local + "@" + strings.ToLower(domain), nil
}

// CheckPassword applies the password policy: 10 to 128 code points, not
// the account's email, not one of the embedded common passwords. There is
// deliberately no character-class rule (NIST SP 800-63B): length and the
// block list do more for strength than forced symbols.
func CheckPassword(field, password, email string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case !utf8.ValidString(password):
		return Errorf(Invalid, field, "must be valid UTF-8")
	case n < MinPasswordLength:
		return Errorf(Invalid, field, "must be at least %d characters", MinPasswordLength)
	case n > MaxPasswordLength:
		return Errorf(Invalid, field, "must be at most %d characters", MaxPasswordLength)
	case email != "" && strings.EqualFold(strings.TrimSpace(password), strings.TrimSpace(email)):
		return Errorf(Invalid, field, "must not be your email address")
	case commonPasswords[strings.ToLower(password)]:
		return Errorf(Invalid, field, "is too common; choose another")
	}
	return nil
}

// checkName validates a first or last name: 1 to 100 characters after
// trimming, no control characters. It returns the trimmed name.
func checkName(fe *fieldErrors, field, name string) string {
	name = strings.TrimSpace(name)
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		fe.add(field, "is required")
	case n > MaxNameLength:
		fe.add(field, "must be at most %d characters", MaxNameLength)
	case !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0:
		fe.add(field, "must not contain control characters")
	}
	return name
}

// Registration is register's input after validation.
type Registration struct {
	Email, Password, FirstName, LastName string
}

// ValidateRegistration checks register's input and returns it normalised;
// every invalid field is reported at once, under "input.".
func ValidateRegistration(in Registration) (Registration, error) {
	var fe fieldErrors
	email, err := NormalizeEmail("input.email", in.Email)
	if err != nil {
		fe = append(fe, err)
	}
	if err := CheckPassword("input.password", in.Password, in.Email); err != nil {
		fe = append(fe, err)
	}
	out := Registration{Email: email, Password: in.Password}
	out.FirstName = checkName(&fe, "input.firstName", in.FirstName)
	out.LastName = checkName(&fe, "input.lastName", in.LastName)
	return out, fe.err()
}

// ValidateNames checks the first and last name of updateMe and
// updateUser and returns them trimmed.
func ValidateNames(first, last string) (string, string, error) {
	var fe fieldErrors
	first = checkName(&fe, "input.firstName", first)
	last = checkName(&fe, "input.lastName", last)
	return first, last, fe.err()
}

// ValidateID checks that id is a UUID; field names the argument.
func ValidateID(field, id string) (string, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return "", Errorf(Invalid, field, "is not a valid id")
	}
	return u.String(), nil
}

// ValidateReason checks disableUser's reason: 1 to 500 characters.
func ValidateReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if n := utf8.RuneCountInString(reason); n == 0 || n > MaxReasonLength {
		return "", Errorf(Invalid, "reason", "must be 1 to %d characters", MaxReasonLength)
	}
	return reason, nil
}
