package customer

import (
	"fmt"
	"math/rand"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"
)

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// TestValidAddressesAreAcceptedProperty: in every country, every
// generated valid address is accepted; its normalised form has the
// country's shapes (E.164 phone carrying the same number, postal code with
// the same characters, region code from the list) and normalising it again
// changes nothing.
func TestValidAddressesAreAcceptedProperty(t *testing.T) {
	properties := gopter.NewProperties(propertyParams(t))
	for _, c := range countries {
		properties.Property(c.Code+": valid addresses are accepted and normalise idempotently", prop.ForAll(
			checkValid, fromRand(func(rng *rand.Rand) generated { return genValidAddress(rng, c) })))
	}
	properties.TestingRun(t)
}

func checkValid(g generated) string {
	out, err := ValidateAddress(g.in)
	if err != nil {
		return fmt.Sprintf("%+v rejected: %v", g.in, err)
	}
	if want := "+" + g.country.callingCode + g.nsn; out.Phone != want || !e164.MatchString(out.Phone) {
		return fmt.Sprintf("phone %q -> %q, want %q", g.in.Phone, out.Phone, want)
	}
	if strings.NewReplacer(" ", "", "-", "").Replace(out.PostalCode) != g.postal {
		return fmt.Sprintf("postal code %q -> %q, want the same characters as %q", g.in.PostalCode, out.PostalCode, g.postal)
	}
	if out.Country != g.country.Code {
		return fmt.Sprintf("country %q -> %q", g.in.Country, out.Country)
	}
	if g.country.RequiresRegion() && (out.Region == nil || !slices.Contains(g.country.Regions, *out.Region)) {
		return fmt.Sprintf("region %v -> %v", deref(g.in.Region), deref(out.Region))
	}
	again, err := ValidateAddress(out)
	if err != nil {
		return fmt.Sprintf("normalised %+v rejected: %v", out, err)
	}
	if !reflect.DeepEqual(again, out) {
		return fmt.Sprintf("not idempotent: %+v -> %+v", out, again)
	}
	return ""
}

// breakable are the fields a mutation can make invalid.
var breakable = []string{"firstName", "lastName", "line1", "line2", "city", "region", "postalCode", "phone", "country"}

// broken is a valid address with some fields set to invalid values.
type broken struct {
	in     AddressInput
	fields []string // input.<field>, sorted: what must be reported
}

func (b broken) String() string { return fmt.Sprintf("%v in %+v", b.fields, b.in) }

// badText is a value a required text field of at most max characters
// must refuse.
func badText(rng *rand.Rand, max int, optional bool) string {
	choices := []func() string{
		func() string { return strings.Repeat("x", max+1+rng.Intn(20)) },
		func() string { return "Ann" + pick(rng, "\x00\x07\x1b\u0085") + "e" },
	}
	if !optional {
		choices = append(choices, func() string { return strings.Repeat(" ", rng.Intn(3)) })
	}
	return choices[rng.Intn(len(choices))]()
}

func badPostal(rng *rand.Rand, c *Country) string {
	switch rng.Intn(3) {
	case 0:
		return " "
	case 1:
		return validPostal(rng, c.Code)[:2] + "#" + validPostal(rng, c.Code)[2:]
	}
	for {
		n := 1 + rng.Intn(10)
		if !slices.Contains(postalDigitLengths[c.Code], n) {
			return sprinkle(rng, repeat(rng, digits, n))
		}
	}
}

func badPhone(rng *rand.Rand, c *Country) string {
	r := phoneRules[c.Code]
	badLength := func() string {
		for {
			n := 1 + rng.Intn(r.max+3)
			if n < r.min || n > r.max {
				return pick(rng, "23456789") + repeat(rng, digits, n-1)
			}
		}
	}
	switch rng.Intn(4) {
	case 0:
		return []string{"", "  ", "call me", "+", "+1 (555) CALL-NOW", "++4930123456"}[rng.Intn(6)]
	case 1:
		return "+" + c.callingCode + " " + sprinkle(rng, badLength())
	case 2:
		return "+" + c.callingCode + " 0" + validNSN(rng, c) // trunk prefix inside E.164
	}
	return sprinkle(rng, badLength())
}

func badRegion(rng *rand.Rand, c *Country) string {
	if !c.RequiresRegion() {
		return badText(rng, MaxRegionLength, true)
	}
	return []string{"", " ", "ZZ", "XX", "Q", "NOWHERE", c.Code}[rng.Intn(7)]
}

// genBroken breaks fields of a valid address in country c (random when
// nil): one field when single is set, else a random non-empty set. A bad
// country hides the country-specific fields (postal code, region, phone),
// which cannot be checked without one, so they are then not broken.
func genBroken(rng *rand.Rand, c *Country, single bool) broken {
	g := genValidAddress(rng, c)
	in, c := g.in, g.country
	var fields []string
	for len(fields) == 0 {
		for _, f := range breakable {
			if rng.Intn(len(breakable)) < 2 {
				fields = append(fields, f)
			}
		}
	}
	if single {
		fields = []string{breakable[rng.Intn(len(breakable))]}
	}
	if slices.Contains(fields, "country") {
		fields = slices.DeleteFunc(fields, func(f string) bool { return f == "postalCode" || f == "region" || f == "phone" })
	}
	for _, f := range fields {
		switch f {
		case "firstName":
			in.FirstName = badText(rng, MaxNameLength, false)
		case "lastName":
			in.LastName = badText(rng, MaxNameLength, false)
		case "line1":
			in.Line1 = badText(rng, MaxLineLength, false)
		case "line2":
			s := badText(rng, MaxLineLength, true)
			in.Line2 = &s
		case "city":
			in.City = badText(rng, MaxCityLength, false)
		case "region":
			s := badRegion(rng, c)
			in.Region = &s
		case "postalCode":
			in.PostalCode = badPostal(rng, c)
		case "phone":
			in.Phone = badPhone(rng, c)
		case "country":
			in.Country = []string{"", "XX", "USA", "ZZ", "U", "1", "D"}[rng.Intn(7)]
		}
	}
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = "input." + f
	}
	slices.Sort(out)
	return broken{in: in, fields: out}
}

// TestInvalidAddressesNameTheirFieldsProperty: in every country, a valid
// address with one field changed to an invalid value is refused with
// exactly one INVALID error naming that field; with several fields
// changed at once, with one error for each of them and no other.
func TestInvalidAddressesNameTheirFieldsProperty(t *testing.T) {
	properties := gopter.NewProperties(propertyParams(t))
	for _, c := range countries {
		properties.Property(c.Code+": one broken field is reported, alone", prop.ForAll(
			checkBroken, fromRand(func(rng *rand.Rand) broken { return genBroken(rng, c, true) })))
	}
	properties.Property("any set of broken fields is reported, each once", prop.ForAll(
		checkBroken, fromRand(func(rng *rand.Rand) broken { return genBroken(rng, nil, false) })))
	properties.TestingRun(t)
}

func checkBroken(b broken) string {
	_, err := ValidateAddress(b.in)
	var got []string
	for _, e := range FieldErrors(err) {
		if e.Code != Invalid || !strings.HasPrefix(e.Error(), e.Field+": ") {
			return fmt.Sprintf("error %q code %s", e.Error(), e.Code)
		}
		got = append(got, e.Field)
	}
	slices.Sort(got)
	if !slices.Equal(got, b.fields) {
		return fmt.Sprintf("%s: reported %v (%v)", b, got, err)
	}
	return ""
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
