package customer

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// TokenTTL is how long a test token may be turned into a payment method.
const TokenTTL = 15 * time.Minute

// tokenPrefix marks test tokens, so one pasted where a real provider's
// token belongs is recognisable.
const tokenPrefix = "tok_test_"

// MaxHolderNameLength is the longest name on a card, in characters.
const MaxHolderNameLength = 100

// TestCard is tokenizeTestCard's input. The number and cvc are checked and
// dropped: neither is stored nor logged.
type TestCard struct {
	Number   string
	ExpMonth int
	ExpYear  int
	CVC      string
}

// brand is one card network, recognised by the number's first digits.
type brand struct {
	name    string
	ranges  [][2]int // inclusive ranges of the leading digits (same length on both ends)
	lengths []int
	cvc     int
}

// brands is checked in order; the first whose range matches wins.
var brands = []brand{
	{"amex", [][2]int{{34, 34}, {37, 37}}, []int{15}, 4},
	{"visa", [][2]int{{4, 4}}, []int{13, 16, 19}, 3},
	{"mastercard", [][2]int{{51, 55}, {2221, 2720}}, []int{16}, 3},
	{"discover", [][2]int{{6011, 6011}, {644, 649}, {65, 65}}, []int{16, 17, 18, 19}, 3},
	{"jcb", [][2]int{{3528, 3589}}, []int{16, 17, 18, 19}, 3},
	{"diners", [][2]int{{300, 305}, {36, 36}, {38, 39}}, []int{14, 15, 16, 17, 18, 19}, 3},
	{"unionpay", [][2]int{{62, 62}}, []int{16, 17, 18, 19}, 3},
}

// debitTestNumbers are the well-known test numbers of debit cards; every
// other test card is a credit card.
var debitTestNumbers = map[string]bool{"4000056655665556": true, "5200828282828210": true}

// detectBrand returns the brand whose leading digits match number.
func detectBrand(number string) (brand, bool) {
	for _, b := range brands {
		for _, r := range b.ranges {
			n := len(strconv.Itoa(r[0]))
			if len(number) < n {
				continue
			}
			lead, _ := strconv.Atoi(number[:n])
			if lead >= r[0] && lead <= r[1] {
				return b, true
			}
		}
	}
	return brand{}, false
}

// luhn reports whether the digits pass the Luhn checksum.
func luhn(digits string) bool {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// ValidateTestCard checks a test card at time now and returns what its
// token stands for: number of 13 to 19 digits (spaces and dashes allowed)
// passing Luhn, of a recognised brand with that brand's length; expiry not
// before the current month and at most 20 years ahead; cvc of the brand's
// 3 or 4 digits. Every invalid field is reported at once. Error messages
// never contain the number.
func ValidateTestCard(in TestCard, now time.Time) (Card, error) {
	var fe fieldErrors
	number := strings.NewReplacer(" ", "", "-", "").Replace(in.Number)
	b, known := detectBrand(number)
	switch {
	case len(number) < 13 || len(number) > 19 || !allDigits(number):
		fe.add("input.number", "must be 13 to 19 digits")
	case !luhn(number):
		fe.add("input.number", "is not a valid card number (checksum)")
	case !known:
		fe.add("input.number", "is not a card of a supported brand (visa, mastercard, amex, discover, jcb, diners, unionpay)")
	case !containsInt(b.lengths, len(number)):
		fe.add("input.number", "has the wrong length for a %s card", b.name)
	}
	now = now.UTC()
	switch {
	case in.ExpYear < now.Year():
		fe.add("input.expYear", "the card has expired")
	case in.ExpYear > now.Year()+20:
		fe.add("input.expYear", "must be at most %d", now.Year()+20)
	}
	switch {
	case in.ExpMonth < 1 || in.ExpMonth > 12:
		fe.add("input.expMonth", "must be 1 to 12")
	case in.ExpYear == now.Year() && in.ExpMonth < int(now.Month()):
		fe.add("input.expMonth", "the card has expired")
	}
	wantCVC := "3 or 4"
	if known {
		wantCVC = strconv.Itoa(b.cvc)
	}
	if !allDigits(in.CVC) || (len(in.CVC) != 3 && len(in.CVC) != 4) || (known && len(in.CVC) != b.cvc) {
		fe.add("input.cvc", "must be %s digits", wantCVC)
	}
	if err := fe.err(); err != nil {
		return Card{}, err
	}
	c := Card{Type: CreditCard, Brand: b.name, Last4: number[len(number)-4:], ExpMonth: in.ExpMonth, ExpYear: in.ExpYear}
	if debitTestNumbers[number] {
		c.Type = DebitCard
	}
	return c, nil
}

// ValidateHolderName trims and checks the name on a card.
func ValidateHolderName(raw string) (string, error) {
	var fe fieldErrors
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		fe.add("input.holderName", "is required")
	case !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxHolderNameLength:
		fe.add("input.holderName", "must be at most %d characters", MaxHolderNameLength)
	default:
		checkText(&fe, "input.holderName", s, MaxHolderNameLength)
	}
	return s, fe.err()
}

// NewToken returns a fresh opaque test token (32 random bytes) and the
// SHA-256 hash that is all the store keeps of it.
func NewToken() (token string, hash []byte) {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported platforms
	token = tokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return token, HashToken(token)
}

// HashToken is the store's key for a token.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}
