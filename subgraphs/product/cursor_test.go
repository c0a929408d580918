package product

import (
	"encoding/base64"
	"errors"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// TestCursorRoundTrip: every cursor decodes to itself, keys exactly (a
// float that lost a bit would skip or repeat a product at a page edge).
func TestCursorRoundTrip(t *testing.T) {
	s := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		var err error
		if s, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("NEXUS_PROP_SEED=%q: %v", v, err)
		}
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d)", s, s)
	params := gopter.DefaultTestParameters()
	params.SetSeed(s)
	props := gopter.NewProperties(params)
	props.Property("Decode(Encode(c)) == c", prop.ForAll(
		func(order Sort, price, reviews, created int64, rating, rank float64, id uint64) bool {
			c := Cursor{Order: order, Price: price, Rating: rating, Reviews: reviews, Created: created, Rank: rank,
				ID: uuid.NewSHA1(uuid.NameSpaceOID, strconv.AppendUint(nil, id, 10)).String()}
			got, err := DecodeCursor(c.Encode())
			return err == nil && got == c
		},
		gen.OneConstOf(SortPriceAsc, SortPriceDesc, SortRating, SortNewest, SortRelevance),
		gen.Int64(), gen.Int64(), gen.Int64(), gen.Float64Range(0, 5), gen.Float64Range(0, 1), gen.UInt64(),
	))
	props.Property("float keys survive exactly", prop.ForAll(
		func(bits uint32) bool {
			rank := float64(math.Float32frombits(bits&0x3f7fffff | 0x30000000)) // a positive float4, as ts_rank returns
			got, err := DecodeCursor(Cursor{Order: SortRelevance, Rank: rank, ID: uuid.NameSpaceDNS.String()}.Encode())
			return err == nil && got.Rank == rank
		},
		gen.UInt32(),
	))
	props.TestingRun(t)
}

func TestDecodeCursorRejects(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for name, s := range map[string]string{
		"not base64":    "!!!",
		"padded base64": base64.URLEncoding.EncodeToString([]byte(`{"o":"NEWEST","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}`)),
		"not JSON":      enc("hello"),
		"no id":         enc(`{"o":"NEWEST"}`),
		"id not a UUID": enc(`{"o":"NEWEST","id":"42"}`),
		"unknown order": enc(`{"o":"CHEAPEST","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}`),
		"unknown field": enc(`{"o":"NEWEST","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","x":1}`),
		"trailing data": enc(`{"o":"NEWEST","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}{}`),
		"wrong type":    enc(`{"o":"NEWEST","p":"1","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}`),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DecodeCursor(s)
			var e *Error
			if !errors.As(err, &e) || e.Code != Invalid || e.Field != "after" {
				t.Fatalf("DecodeCursor = %v, want INVALID on after", err)
			}
		})
	}
}
