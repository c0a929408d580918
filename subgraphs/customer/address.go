package customer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lengths of address fields, in characters (the database checks the same).
const (
	MaxNameLength   = 100
	MaxLineLength   = 200
	MaxCityLength   = 100
	MaxRegionLength = 100
)

// ValidateAddress checks an address for its country and returns it
// normalised: text trimmed, country upper case, the postal code in the
// country's form (`SW1A 1AA`), the region code upper case, the phone in
// E.164, empty optional fields as nil. Every invalid field is reported at
// once, named under "input." (`input.postalCode`). Normalising a
// normalised address changes nothing.
func ValidateAddress(in AddressInput) (AddressInput, error) {
	var fe fieldErrors
	out := in
	out.FirstName = text(&fe, "input.firstName", in.FirstName, MaxNameLength)
	out.LastName = text(&fe, "input.lastName", in.LastName, MaxNameLength)
	out.Line1 = text(&fe, "input.line1", in.Line1, MaxLineLength)
	out.Line2 = optionalText(&fe, "input.line2", in.Line2, MaxLineLength)
	out.City = text(&fe, "input.city", in.City, MaxCityLength)

	c := CountryByCode(in.Country)
	if c == nil {
		fe.add("input.country", "must be one of %s", countryCodes())
		// Postal code, region and phone rules depend on the country: with
		// none, only the country is reported.
		return out, fe.err()
	}
	out.Country = c.Code
	out.Region = c.region(&fe, in.Region)
	if pc, ok := c.normalizePostalCode(in.PostalCode); ok {
		out.PostalCode = pc
	} else {
		fe.add("input.postalCode", "is not a valid %s postal code (for example %s)", c.Name, c.PostalCodeExample)
	}
	if phone, msg := normalizePhone(in.Phone, c); msg != "" {
		fe.add("input.phone", "%s", msg)
	} else {
		out.Phone = phone
	}
	return out, fe.err()
}

// normalizePostalCode returns the country's form of raw (letter case,
// spaces and dashes as typed do not matter).
func (c *Country) normalizePostalCode(raw string) (string, bool) {
	compact := strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(raw)))
	if !c.postal.MatchString(compact) {
		return "", false
	}
	at := c.postalAt
	if at < 0 {
		at += len(compact)
	}
	if at <= 0 || at >= len(compact) {
		return compact, true
	}
	return compact[:at] + c.postalSep + compact[at:], true
}

// region checks the region: one of the country's codes where it has them
// (`CA`, `US-CA` and `ca` all give `CA`), otherwise optional free text.
func (c *Country) region(fe *fieldErrors, raw *string) *string {
	if !c.RequiresRegion() {
		return optionalText(fe, "input.region", raw, MaxRegionLength)
	}
	code := ""
	if raw != nil {
		code = strings.ToUpper(strings.TrimSpace(*raw))
		code = strings.TrimPrefix(code, c.Code+"-")
	}
	switch {
	case code == "":
		fe.add("input.region", "is required for %s", c.Name)
	case !slices.Contains(c.Regions, code):
		fe.add("input.region", "must be a %s region code such as %s", c.Name, c.Regions[0])
	default:
		return &code
	}
	return nil
}

// text trims a required field and checks its length and characters.
func text(fe *fieldErrors, field, raw string, max int) string {
	s := strings.TrimSpace(raw)
	if s == "" {
		fe.add(field, "is required")
		return s
	}
	checkText(fe, field, s, max)
	return s
}

// optionalText trims an optional field; empty becomes nil.
func optionalText(fe *fieldErrors, field string, raw *string, max int) *string {
	if raw == nil {
		return nil
	}
	s := strings.TrimSpace(*raw)
	if s == "" {
		return nil
	}
	checkText(fe, field, s, max)
	return &s
}

func checkText(fe *fieldErrors, field, s string, max int) {
	switch {
	case !utf8.ValidString(s):
		fe.add(field, "is not valid UTF-8")
	case utf8.RuneCountInString(s) > max:
		fe.add(field, "must be at most %d characters", max)
	case strings.ContainsFunc(s, unicode.IsControl):
		fe.add(field, "must not contain control characters")
	}
}
