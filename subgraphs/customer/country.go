package customer

import (
	"regexp"
	"slices"
	"strings"
)

// Country is one country the address book accepts, with the rules its
// addresses are validated and normalised by. Every country's rules live in
// the countries table below, so adding one is one entry.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code.
	Code string
	// Name is the English name.
	Name string
	// PostalCodeExample is a valid postal code in normalised form.
	PostalCodeExample string
	// Regions, when not empty, are the only region codes accepted, and a
	// region is required.
	Regions []string

	callingCode string // E.164 country calling code, without +
	trunk       string // national trunk prefix dropped before the number ("0"; "1" in NANP)
	nsnMin      int    // digits of the national significant number
	nsnMax      int
	nsnFirst    string // digits a national significant number may start with
	nsnExtra    *regexp.Regexp

	postal    *regexp.Regexp // the compact form: upper case, no spaces or dashes
	postalAt  int            // where the separator goes in the normalised form (0: none)
	postalSep string
}

// RequiresRegion reports whether an address in the country needs a region
// (one of Regions).
func (c *Country) RequiresRegion() bool { return len(c.Regions) > 0 }

var (
	usRegions = strings.Fields(`AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO
		MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI UM AA AE AP`)
	caRegions = strings.Fields(`AB BC MB NB NL NS NT NU ON PE QC SK YT`)
	auRegions = strings.Fields(`ACT NSW NT QLD SA TAS VIC WA`)
	// nanp is the North American Numbering Plan's number shape: area code
	// and exchange start with 2-9.
	nanp = regexp.MustCompile(`^[2-9][0-9]{2}[2-9][0-9]{6}$`)
)

// countries is the table every address rule comes from, sorted by name.
var countries = []*Country{
	{Code: "AU", Name: "Australia", PostalCodeExample: "2000", Regions: auRegions,
		callingCode: "61", trunk: "0", nsnMin: 9, nsnMax: 9, nsnFirst: "23478",
		postal: regexp.MustCompile(`^[0-9]{4}$`)},
	{Code: "AT", Name: "Austria", PostalCodeExample: "1010",
		callingCode: "43", trunk: "0", nsnMin: 6, nsnMax: 13, nsnFirst: "123456789",
		postal: regexp.MustCompile(`^[1-9][0-9]{3}$`)},
	{Code: "CA", Name: "Canada", PostalCodeExample: "K1A 0B1", Regions: caRegions,
		callingCode: "1", trunk: "1", nsnMin: 10, nsnMax: 10, nsnFirst: "23456789", nsnExtra: nanp,
		postal:   regexp.MustCompile(`^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$`),
		postalAt: 3, postalSep: " "},
	{Code: "FR", Name: "France", PostalCodeExample: "75008",
		callingCode: "33", trunk: "0", nsnMin: 9, nsnMax: 9, nsnFirst: "123456789",
		postal: regexp.MustCompile(`^[0-9]{5}$`)},
	{Code: "DE", Name: "Germany", PostalCodeExample: "10115",
		callingCode: "49", trunk: "0", nsnMin: 6, nsnMax: 13, nsnFirst: "123456789",
		postal: regexp.MustCompile(`^[0-9]{5}$`)},
	{Code: "IE", Name: "Ireland", PostalCodeExample: "D02 X285",
		callingCode: "353", trunk: "0", nsnMin: 7, nsnMax: 9, nsnFirst: "123456789",
		postal:   regexp.MustCompile(`^([AC-FHKNPRTV-Y][0-9]{2}|D6W)[0-9AC-FHKNPRTV-Y]{4}$`),
		postalAt: 3, postalSep: " "},
	{Code: "JP", Name: "Japan", PostalCodeExample: "100-0001",
		callingCode: "81", trunk: "0", nsnMin: 9, nsnMax: 10, nsnFirst: "123456789",
		postal:   regexp.MustCompile(`^[0-9]{7}$`),
		postalAt: 3, postalSep: "-"},
	{Code: "NL", Name: "Netherlands", PostalCodeExample: "1012 AB",
		callingCode: "31", trunk: "0", nsnMin: 9, nsnMax: 9, nsnFirst: "123456789",
		postal:   regexp.MustCompile(`^[1-9][0-9]{3}([A-RT-Z][A-Z]|S[BCE-RT-Z])$`),
		postalAt: 4, postalSep: " "},
	{Code: "SE", Name: "Sweden", PostalCodeExample: "114 55",
		callingCode: "46", trunk: "0", nsnMin: 7, nsnMax: 9, nsnFirst: "123456789",
		postal:   regexp.MustCompile(`^[1-9][0-9]{4}$`),
		postalAt: 3, postalSep: " "},
	{Code: "CH", Name: "Switzerland", PostalCodeExample: "8001",
		callingCode: "41", trunk: "0", nsnMin: 9, nsnMax: 9, nsnFirst: "123456789",
		postal: regexp.MustCompile(`^[1-9][0-9]{3}$`)},
	{Code: "GB", Name: "United Kingdom", PostalCodeExample: "SW1A 1AA",
		callingCode: "44", trunk: "0", nsnMin: 9, nsnMax: 10, nsnFirst: "123456789",
		postal:   regexp.MustCompile(`^([A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}|GIR0AA)$`),
		postalAt: -3, postalSep: " "},
	{Code: "US", Name: "United States", PostalCodeExample: "94105", Regions: usRegions,
		callingCode: "1", trunk: "1", nsnMin: 10, nsnMax: 10, nsnFirst: "23456789", nsnExtra: nanp,
		postal:   regexp.MustCompile(`^[0-9]{5}([0-9]{4})?$`),
		postalAt: 5, postalSep: "-"},
}

// Countries returns the supported countries, sorted by name. The slice is
// a copy; the countries are shared and must not be changed.
func Countries() []*Country { return slices.Clone(countries) }

// CountryByCode returns the country with an ISO code in any letter case,
// or nil.
func CountryByCode(code string) *Country {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, c := range countries {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// countryCodes lists the codes for error messages, sorted.
func countryCodes() string {
	codes := make([]string, len(countries))
	for i, c := range countries {
		codes[i] = c.Code
	}
	slices.Sort(codes)
	return strings.Join(codes, ", ")
}
