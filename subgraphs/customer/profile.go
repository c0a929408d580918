package customer

import (
	"regexp"
	"strings"
)

// localePattern is a BCP 47 tag's shape: a 2-3 letter language, then
// subtags of 1 to 8 letters or digits (`en`, `de-CH`, `zh-Hant-TW`).
var localePattern = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// ValidateProfileUpdate checks updateProfile's input and returns it
// normalised: the phone in E.164 (an empty phone stays empty: it removes
// the phone), the locale in canonical case (`de-ch` → `de-CH`). Every
// invalid field is reported at once, named under "input.".
func ValidateProfileUpdate(u ProfileUpdate) (ProfileUpdate, error) {
	var fe fieldErrors
	out := u
	if u.Phone != nil {
		p := strings.TrimSpace(*u.Phone)
		if p != "" {
			norm, msg := NormalizeProfilePhone(p)
			if msg != "" {
				fe.add("input.phone", "%s", msg)
			}
			p = norm
		}
		out.Phone = &p
	}
	if u.Locale != nil {
		l := strings.TrimSpace(*u.Locale)
		if len(l) < 2 || len(l) > 35 || !localePattern.MatchString(l) {
			fe.add("input.locale", "must be a BCP 47 language tag of 2 to 35 characters, such as en or de-CH")
		} else {
			l = canonicalLocale(l)
		}
		out.Locale = &l
	}
	return out, fe.err()
}

// canonicalLocale applies BCP 47's case conventions: language lower case,
// a 4-letter script title case, a 2-letter region upper case, the rest
// lower case.
func canonicalLocale(tag string) string {
	parts := strings.Split(tag, "-")
	for i, p := range parts {
		switch {
		case i == 0:
			parts[i] = strings.ToLower(p)
		case len(p) == 2 && isLetters(p):
			parts[i] = strings.ToUpper(p)
		case len(p) == 4 && isLetters(p):
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, "-")
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
