package workload

import (
	"encoding/json"
	"testing"
)

// The expected response must be valid JSON of the reference size: the
// public benchmarks' expected_response.json for this query and data is
// 87,327 bytes.
func TestExpectedShape(t *testing.T) {
	got := Expected()
	if len(got) != 87327 {
		t.Errorf("Expected() is %d bytes, want 87327 (the reference response size)", len(got))
	}
	var resp struct {
		Data struct {
			Users []struct {
				Username string
				Reviews  []struct {
					Product struct {
						ShippingEstimate int
						Reviews          []struct{ Author struct{ Name string } }
					}
				}
			}
			TopProducts []struct{ Upc string }
		}
	}
	if err := json.Unmarshal(got, &resp); err != nil {
		t.Fatalf("Expected() is not JSON: %v", err)
	}
	if len(resp.Data.Users) != 6 || len(resp.Data.TopProducts) != 5 {
		t.Fatalf("users=%d topProducts=%d, want 6 and 5", len(resp.Data.Users), len(resp.Data.TopProducts))
	}
	first := resp.Data.Users[0].Reviews[0].Product
	if first.ShippingEstimate != 50 || len(first.Reviews) != 4 || first.Reviews[0].Author.Name != "Uri Goldshtein" {
		t.Errorf("users[0].reviews[0].product = %+v, want shippingEstimate 50 and 4 reviews by Uri Goldshtein", first)
	}
	var top map[string]any
	if err := json.Unmarshal(ExpectedTopProducts(), &top); err != nil {
		t.Fatalf("ExpectedTopProducts() is not JSON: %v", err)
	}
}
