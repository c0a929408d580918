package customer

import (
	"slices"
	"strings"
	"testing"
)

func ptr(s string) *string { return &s }

// TestValidateAddressExamples pins the normalised form of real-looking
// addresses, one or more per country.
func TestValidateAddressExamples(t *testing.T) {
	tests := []struct {
		country, region, postal, phone string
		wantRegion, wantPostal, wantPh string
	}{
		{"us", "ca", "94105-1234", "(415) 555-0123", "CA", "94105-1234", "+14155550123"},
		{"US", "US-NY", "100011234", "1 212 555 0199", "NY", "10001-1234", "+12125550199"},
		{"CA", "on", "k1a0b1", "+1 613 555 0100", "ON", "K1A 0B1", "+16135550100"},
		{"GB", "", "sw1a1aa", "020 7946 0958", "", "SW1A 1AA", "+442079460958"},
		{"GB", "Greater London", "EC1A 1BB", "+44 7700 900123", "Greater London", "EC1A 1BB", "+447700900123"},
		{"DE", "", "10115", "030 1234567", "", "10115", "+49301234567"},
		{"FR", "", "75008", "01 42 68 53 00", "", "75008", "+33142685300"},
		{"NL", "", "1012ab", "020-1234567", "", "1012 AB", "+31201234567"},
		{"AU", "nsw", "2000", "(02) 9374 4000", "NSW", "2000", "+61293744000"},
		{"JP", "", "1000001", "03-1234-5678", "", "100-0001", "+81312345678"},
		{"CH", "", "8001", "044 668 18 00", "", "8001", "+41446681800"},
		{"AT", "", "1010", "01 588 00", "", "1010", "+43158800"},
		{"IE", "", "d02x285", "01 234 5678", "", "D02 X285", "+35312345678"},
		{"SE", "", "11455", "08-123 456 78", "", "114 55", "+46812345678"},
		{"DE", "", "10115", "0044 20 7946 0958", "", "10115", "+442079460958"}, // a foreign phone
	}
	for _, tt := range tests {
		t.Run(tt.country+" "+tt.postal, func(t *testing.T) {
			in := AddressInput{FirstName: " Ada ", LastName: "Lovelace", Line1: "1 Main St", Line2: ptr("  "), City: "Town",
				Region: ptr(tt.region), PostalCode: tt.postal, Country: tt.country, Phone: tt.phone}
			out, err := ValidateAddress(in)
			if err != nil {
				t.Fatal(err)
			}
			if deref(out.Region) != tt.wantRegion && !(tt.wantRegion == "" && out.Region == nil) {
				t.Errorf("region %v, want %q", deref(out.Region), tt.wantRegion)
			}
			if out.PostalCode != tt.wantPostal || out.Phone != tt.wantPh || out.FirstName != "Ada" || out.Line2 != nil ||
				out.Country != strings.ToUpper(tt.country) {
				t.Errorf("normalised %+v", out)
			}
		})
	}
}

// TestValidateAddressReportsEveryField: one error per invalid field, each
// naming its field, with a message that says what is wrong.
func TestValidateAddressReportsEveryField(t *testing.T) {
	in := AddressInput{FirstName: "", LastName: strings.Repeat("x", 101), Line1: "ok", City: " ",
		Region: ptr("XX"), PostalCode: "ABCDE", Country: "US", Phone: "555"}
	_, err := ValidateAddress(in)
	var fields []string
	for _, e := range FieldErrors(err) {
		fields = append(fields, e.Field)
		if e.Code != Invalid {
			t.Errorf("%s: code %s", e.Field, e.Code)
		}
	}
	want := []string{"input.firstName", "input.lastName", "input.city", "input.region", "input.postalCode", "input.phone"}
	if !slices.Equal(fields, want) {
		t.Fatalf("fields %v, want %v", fields, want)
	}
	for _, s := range []string{"is required", "at most 100", "United States region code", "94105", "United States phone"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("errors lack %q: %v", s, err)
		}
	}
	_, err = ValidateAddress(AddressInput{FirstName: "A", LastName: "B", Line1: "C", City: "D", PostalCode: "?", Country: "Atlantis", Phone: "?"})
	if errs := FieldErrors(err); len(errs) != 1 || errs[0].Field != "input.country" || !strings.Contains(errs[0].Error(), "US") {
		t.Fatalf("unknown country: %v", err)
	}
}

func TestCountriesTable(t *testing.T) {
	want := []string{"US", "CA", "GB", "DE", "FR", "NL", "AU", "JP", "CH", "AT", "IE", "SE"}
	for _, code := range want {
		c := CountryByCode(strings.ToLower(code))
		if c == nil {
			t.Errorf("%s missing", code)
			continue
		}
		if pc, ok := c.normalizePostalCode(c.PostalCodeExample); !ok || pc != c.PostalCodeExample {
			t.Errorf("%s: example %q normalises to %q, %v", code, c.PostalCodeExample, pc, ok)
		}
		if c.RequiresRegion() != slices.Contains([]string{"US", "CA", "AU"}, code) {
			t.Errorf("%s: requiresRegion %v", code, c.RequiresRegion())
		}
	}
	if len(Countries()) != len(want) || !slices.IsSortedFunc(Countries(), func(a, b *Country) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("Countries() not the %d countries sorted by name", len(want))
	}
}
