package customer

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, time.June, 15, 12, 0, 0, 0, time.UTC)

func TestValidateTestCardBrands(t *testing.T) {
	tests := []struct {
		number, cvc, brand, typ, last4 string
	}{
		{"4242 4242 4242 4242", "123", "visa", CreditCard, "4242"},
		{"4000056655665556", "123", "visa", DebitCard, "5556"},
		{"5555-5555-5555-4444", "123", "mastercard", CreditCard, "4444"},
		{"2223003122003222", "123", "mastercard", CreditCard, "3222"},
		{"5200828282828210", "123", "mastercard", DebitCard, "8210"},
		{"378282246310005", "1234", "amex", CreditCard, "0005"},
		{"6011111111111117", "123", "discover", CreditCard, "1117"},
		{"3566002020360505", "123", "jcb", CreditCard, "0505"},
		{"36227206271667", "123", "diners", CreditCard, "1667"},
		{"6200000000000005", "123", "unionpay", CreditCard, "0005"},
	}
	for _, tt := range tests {
		t.Run(tt.brand+" "+tt.last4, func(t *testing.T) {
			c, err := ValidateTestCard(TestCard{Number: tt.number, ExpMonth: 6, ExpYear: 2026, CVC: tt.cvc}, now)
			if err != nil {
				t.Fatal(err)
			}
			if c != (Card{Type: tt.typ, Brand: tt.brand, Last4: tt.last4, ExpMonth: 6, ExpYear: 2026}) {
				t.Fatalf("card %+v", c)
			}
		})
	}
}

func TestValidateTestCardRefusals(t *testing.T) {
	tests := []struct {
		name   string
		card   TestCard
		fields []string
	}{
		{"checksum", TestCard{"4242424242424241", 6, 2027, "123"}, []string{"input.number"}},
		{"too short", TestCard{"424242424242", 6, 2027, "123"}, []string{"input.number"}},
		{"letters", TestCard{"4242abcd42424242", 6, 2027, "123"}, []string{"input.number"}},
		{"unknown brand", TestCard{"9999999999999995", 6, 2027, "123"}, []string{"input.number"}},
		{"amex of 16 digits", TestCard{"3782822463100056", 6, 2027, "1234"}, []string{"input.number"}},
		{"expired last year", TestCard{"4242424242424242", 12, 2025, "123"}, []string{"input.expYear"}},
		{"expired last month", TestCard{"4242424242424242", 5, 2026, "123"}, []string{"input.expMonth"}},
		{"month 13", TestCard{"4242424242424242", 13, 2027, "123"}, []string{"input.expMonth"}},
		{"far future", TestCard{"4242424242424242", 1, 2047, "123"}, []string{"input.expYear"}},
		{"3-digit cvc on amex", TestCard{"378282246310005", 6, 2027, "123"}, []string{"input.cvc"}},
		{"4-digit cvc on visa", TestCard{"4242424242424242", 6, 2027, "1234"}, []string{"input.cvc"}},
		{"everything", TestCard{"1", 0, 2000, "x"}, []string{"input.number", "input.expYear", "input.expMonth", "input.cvc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ValidateTestCard(tt.card, now)
			var fields []string
			for _, e := range FieldErrors(err) {
				fields = append(fields, e.Field)
				if strings.Contains(e.Error(), strings.ReplaceAll(tt.card.Number, " ", "")) && len(tt.card.Number) > 4 {
					t.Errorf("error %q repeats the number", e)
				}
			}
			if !slices.Equal(fields, tt.fields) {
				t.Fatalf("fields %v, want %v (%v)", fields, tt.fields, err)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	a, ha := NewToken()
	b, hb := NewToken()
	if a == b || string(ha) == string(hb) || !strings.HasPrefix(a, tokenPrefix) || len(ha) != 32 {
		t.Fatalf("tokens %q %q", a, b)
	}
	if string(HashToken(a)) != string(ha) {
		t.Fatal("HashToken differs from NewToken's hash")
	}
}

func TestValidateHolderName(t *testing.T) {
	if n, err := ValidateHolderName("  Ada Lovelace "); err != nil || n != "Ada Lovelace" {
		t.Fatalf("%q, %v", n, err)
	}
	for _, bad := range []string{"", "  ", strings.Repeat("é", 101), "Ada\x00"} {
		if _, err := ValidateHolderName(bad); len(FieldErrors(err)) != 1 || FieldErrors(err)[0].Field != "input.holderName" {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
