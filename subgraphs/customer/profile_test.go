package customer

import (
	"slices"
	"testing"
)

func TestValidateProfileUpdate(t *testing.T) {
	yes := true
	u, err := ValidateProfileUpdate(ProfileUpdate{Phone: ptr(" +1 (415) 555-0123 "), Locale: ptr("de-ch"), MarketingEmails: &yes})
	if err != nil || *u.Phone != "+14155550123" || *u.Locale != "de-CH" || !*u.MarketingEmails {
		t.Fatalf("%+v, %v", u, err)
	}
	if u, err := ValidateProfileUpdate(ProfileUpdate{Phone: ptr(" "), Locale: ptr("zh-hant-tw")}); err != nil || *u.Phone != "" || *u.Locale != "zh-Hant-TW" {
		t.Fatalf("clearing the phone: %+v, %v", u, err)
	}
	if u, err := ValidateProfileUpdate(ProfileUpdate{}); err != nil || u.Phone != nil || u.Locale != nil {
		t.Fatalf("empty update: %+v, %v", u, err)
	}
	tests := []struct {
		name   string
		u      ProfileUpdate
		fields []string
	}{
		{"national phone", ProfileUpdate{Phone: ptr("415 555 0123")}, []string{"input.phone"}},
		{"short phone", ProfileUpdate{Phone: ptr("+1 415")}, []string{"input.phone"}},
		{"letters", ProfileUpdate{Phone: ptr("+1 CALL ME")}, []string{"input.phone"}},
		{"one-letter locale", ProfileUpdate{Locale: ptr("e")}, []string{"input.locale"}},
		{"locale with spaces", ProfileUpdate{Locale: ptr("en US")}, []string{"input.locale"}},
		{"long locale", ProfileUpdate{Locale: ptr("en-" + string(make([]byte, 40)))}, []string{"input.locale"}},
		{"both", ProfileUpdate{Phone: ptr("x"), Locale: ptr("")}, []string{"input.phone", "input.locale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ValidateProfileUpdate(tt.u)
			var fields []string
			for _, e := range FieldErrors(err) {
				fields = append(fields, e.Field)
			}
			if !slices.Equal(fields, tt.fields) {
				t.Fatalf("fields %v, want %v (%v)", fields, tt.fields, err)
			}
		})
	}
}
