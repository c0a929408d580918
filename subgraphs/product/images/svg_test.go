package images

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// parsed is what a strict XML parser saw in a rendered picture.
type parsed struct {
	root      xml.Name
	ariaLabel string
	title     string
	texts     []string
	elements  []string
}

// parseSVG decodes doc strictly and fails the test on any XML error.
func parseSVG(t *testing.T, doc []byte) parsed {
	t.Helper()
	p, err := decodeSVG(doc)
	if err != nil {
		t.Fatalf("rendered SVG is not well-formed XML: %v\n%s", err, doc)
	}
	return p
}

func decodeSVG(doc []byte) (parsed, error) {
	var p parsed
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = true
	var stack []string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return p, nil
		}
		if err != nil {
			return p, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				p.root = tok.Name
				for _, a := range tok.Attr {
					if a.Name.Local == "aria-label" {
						p.ariaLabel = a.Value
					}
				}
			}
			stack = append(stack, tok.Name.Local)
			p.elements = append(p.elements, tok.Name.Local)
			text.Reset()
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			switch tok.Name.Local {
			case "title":
				p.title = text.String()
			case "text":
				p.texts = append(p.texts, text.String())
			}
			stack = stack[:len(stack)-1]
			text.Reset()
		}
	}
}

func TestRenderEscapesHostileTitles(t *testing.T) {
	tests := []struct {
		name, title, wantInitials string
	}{
		{"plain", "Linen Shirt", "LS"},
		{"markup", `<script>alert("x")</script>`, "SA"},
		{"entities and quotes", `Tom & Jerry's "Best" <Mug>`, "TJ"},
		{"cdata end", "]]><svg onload=alert(1)>", "SO"},
		{"attribute breakout", `" onload="alert(1)`, "OA"},
		{"control characters", "Bad\x00\x1bName\x7f", "BN"},
		{"unicode", "Crème brûlée 🍮 set", "CB"},
		{"no letters", "!!! ***", "?"},
		{"empty", "", "?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Render(Picture{Key: "p-1", Title: tt.title})
			p := parseSVG(t, doc)
			if p.root.Space != "http://www.w3.org/2000/svg" || p.root.Local != "svg" {
				t.Fatalf("root = %v, want svg in the SVG namespace", p.root)
			}
			for _, el := range p.elements {
				switch el {
				case "svg", "title", "rect", "circle", "polygon", "text":
				default:
					t.Errorf("unexpected element <%s> in output", el)
				}
			}
			if p.title != p.ariaLabel {
				t.Errorf("title %q and aria-label %q differ", p.title, p.ariaLabel)
			}
			if !strings.ContainsRune(tt.title, 0) && !strings.ContainsRune(tt.title, 0x1b) && p.title != strings.TrimSpace(tt.title) {
				t.Errorf("title = %q, want the original text %q back", p.title, tt.title)
			}
			if len(p.texts) != 2 || p.texts[0] != tt.wantInitials {
				t.Errorf("texts = %q, want initials %q first", p.texts, tt.wantInitials)
			}
		})
	}
}

// TestRenderAnyTitleIsValidXML is the property behind the table above: no
// title, however hostile, can break the document or inject an element.
func TestRenderAnyTitleIsValidXML(t *testing.T) {
	params := propertyParams(t)
	params.MinSuccessfulTests = 500
	properties := gopter.NewProperties(params)
	properties.Property("rendered document parses and keeps its shape", prop.ForAll(
		func(key, title string, variant int) bool {
			p, err := decodeSVG(Render(Picture{Key: key, Variant: variant, Title: title}))
			return err == nil && p.root.Local == "svg" && len(p.texts) == 2 &&
				len(p.elements) == 6 && utf8.ValidString(p.title)
		},
		gen.AnyString(),
		gen.OneGenOf(gen.AnyString(), gen.RegexMatch(`[<>&"' \]\[!A-Za-z]{0,40}`)),
		gen.IntRange(0, MaxImages-1),
	))
	properties.TestingRun(t)
}

// propertyParams seeds a property run from GOPTER_SEED when set (to replay a
// failure) or from the clock, and logs the seed either way.
func propertyParams(t *testing.T) *gopter.TestParameters {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv("GOPTER_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			t.Fatalf("GOPTER_SEED: %v", err)
		}
	}
	t.Logf("property seed %d (replay with GOPTER_SEED=%d)", seed, seed)
	return gopter.DefaultTestParametersWithSeed(seed)
}

func TestRenderIsDeterministic(t *testing.T) {
	pic := Picture{Key: "8c1f0a2e", Variant: 1, Title: "Walnut Desk Organizer"}
	first := Render(pic)
	if !bytes.Equal(first, Render(pic)) {
		t.Fatal("two renders of the same picture differ")
	}
	if bytes.Equal(first, Render(Picture{Key: pic.Key, Variant: 2, Title: pic.Title})) {
		t.Error("different variants render the same picture")
	}
	golden := filepath.Join("testdata", "product.svg")
	if *update {
		if err := os.WriteFile(golden, first, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(first, want) {
		t.Errorf("render differs from %s (run go test -update if the change is intended):\n%s", golden, first)
	}
}

func TestCaption(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Short", "Short"},
		{"  spaced   out  ", "spaced out"},
		{"Extraordinarily Long Product Name", "Extraordinarily Long…"},
		{"ééééééééééééééééééééééééé", "ééééééééééééééééééééé…"},
	}
	for _, tt := range tests {
		if got := caption(tt.in); got != tt.want {
			t.Errorf("caption(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
