package customer

import (
	"strings"
)

// phoneSeparators are what people type between digit groups; they are
// removed before a phone number is checked.
var phoneSeparators = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", ".", "", "/", "", "\u00a0", "")

// normalizePhone returns the E.164 form of raw, read as E.164 (a leading
// + or 00) or else as a national number of country c (its trunk prefix
// optional). An international number of a supported country follows that
// country's length rules; any other calling code just E.164's. The
// message is empty when raw is valid.
func normalizePhone(raw string, c *Country) (string, string) {
	s := phoneSeparators.Replace(strings.TrimSpace(raw))
	if s == "" {
		return "", "is required"
	}
	if strings.HasPrefix(s, "00") {
		s = "+" + s[2:]
	}
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		if !allDigits(rest) {
			return "", "must be digits after the leading +"
		}
		return normalizeE164(rest, c)
	}
	if c == nil {
		return "", "must start with + and the country calling code (E.164)"
	}
	if !allDigits(s) {
		return "", "must contain only digits, spaces, dashes and parentheses"
	}
	nsn := s
	if c.trunk == "0" {
		nsn = strings.TrimPrefix(s, "0")
	} else if c.trunk != "" && len(s) == c.nsnMax+len(c.trunk) {
		nsn = strings.TrimPrefix(s, c.trunk)
	}
	if !c.validNSN(nsn) {
		return "", "is not a valid " + c.Name + " phone number"
	}
	return "+" + c.callingCode + nsn, ""
}

// normalizeE164 checks the digits after +: the rules of the supported
// country with that calling code (preferring the address's own country c,
// which may share it: +1 is the US and Canada), or E.164's 8 to 15 digits.
func normalizeE164(digits string, c *Country) (string, string) {
	for _, c := range append([]*Country{c}, countries...) {
		if c == nil {
			continue
		}
		if nsn, ok := strings.CutPrefix(digits, c.callingCode); ok {
			if !c.validNSN(nsn) {
				return "", "is not a valid " + c.Name + " phone number"
			}
			return "+" + digits, ""
		}
	}
	if len(digits) < 8 || len(digits) > 15 || digits[0] == '0' {
		return "", "must be + and 8 to 15 digits (E.164)"
	}
	return "+" + digits, ""
}

// NormalizeProfilePhone checks a profile's phone, which carries no
// country: it must be in E.164 form (separators allowed).
func NormalizeProfilePhone(raw string) (string, string) {
	return normalizePhone(raw, nil)
}

// validNSN checks a national significant number against the country's
// length and leading digit rules.
func (c *Country) validNSN(nsn string) bool {
	if len(nsn) < c.nsnMin || len(nsn) > c.nsnMax || !allDigits(nsn) ||
		!strings.ContainsRune(c.nsnFirst, rune(nsn[0])) {
		return false
	}
	return c.nsnExtra == nil || c.nsnExtra.MatchString(nsn)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
