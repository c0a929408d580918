package images

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Size is the width and height of every picture in SVG user units; square so
// storefront grids can crop predictably.
const Size = 600

// maxCaption bounds the caption so long names never overflow the picture.
const maxCaption = 22

// Picture describes one placeholder. The same Picture always renders the same
// bytes, which is what makes ETags and golden tests meaningful.
type Picture struct {
	// Key seeds the colours and shape (a product id or category slug).
	Key string
	// Variant distinguishes several pictures of one product (the image index).
	Variant int
	// Title is drawn as initials and a caption; it may be any user text.
	Title string
}

// Render draws p as a standalone SVG document. Text is XML-escaped and the
// fonts are generic families, so the result needs nothing from the network.
func Render(p Picture) []byte {
	h := fnv.New32a()
	h.Write([]byte(p.Key))
	seed := h.Sum32()
	hue := math.Mod(float64(seed%360)+float64(p.Variant)*47, 360)
	background := hsl(hue, 0.55, 0.90)
	shapeFill := hsl(hue, 0.50, 0.62)
	ink := hsl(hue, 0.60, 0.22)
	title := strings.TrimSpace(p.Title)

	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="`,
		Size, Size, Size, Size)
	escape(&b, title)
	b.WriteString("\">\n<title>")
	escape(&b, title)
	b.WriteString("</title>\n")
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", Size, Size, background)
	b.WriteString(shape(int(seed>>9)+p.Variant, shapeFill))
	b.WriteString(`<text x="300" y="300" text-anchor="middle" dominant-baseline="central"` +
		` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"` +
		` font-size="150" font-weight="700" fill="#ffffff">`)
	escape(&b, initials(title))
	b.WriteString("</text>\n")
	fmt.Fprintf(&b, `<text x="300" y="520" text-anchor="middle" dominant-baseline="central"`+
		` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"`+
		` font-size="36" fill="%s">`, ink)
	escape(&b, caption(title))
	b.WriteString("</text>\n</svg>\n")
	return b.Bytes()
}

// shape draws one of a few simple centred figures behind the initials, so
// neighbouring pictures in a grid differ in more than colour.
func shape(pick int, fill string) string {
	switch pick % 3 {
	case 0:
		return fmt.Sprintf("<circle cx=\"300\" cy=\"300\" r=\"170\" fill=\"%s\"/>\n", fill)
	case 1:
		return fmt.Sprintf("<rect x=\"140\" y=\"140\" width=\"320\" height=\"320\" rx=\"48\" fill=\"%s\"/>\n", fill)
	default:
		return fmt.Sprintf("<polygon points=\"300,105 485,425 115,425\" fill=\"%s\"/>\n", fill)
	}
}

// escape writes s as XML character data or attribute text. xml.EscapeText
// also replaces characters XML cannot carry, so any title yields a valid document.
func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer cannot fail
}

// initials returns the upper-cased first letters of the first two words, or
// "?" when the title has no letters or digits.
func initials(title string) string {
	var out []rune
	for _, word := range strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r, _ := utf8.DecodeRuneInString(word)
		out = append(out, unicode.ToUpper(r))
		if len(out) == 2 {
			break
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return string(out)
}

// caption shortens title to maxCaption runes, ending in an ellipsis when cut.
func caption(title string) string {
	title = strings.Join(strings.Fields(title), " ")
	if utf8.RuneCountInString(title) <= maxCaption {
		return title
	}
	runes := []rune(title)
	return strings.TrimSpace(string(runes[:maxCaption-1])) + "…"
}

// hsl converts a hue in degrees and saturation and lightness in [0,1] to a
// #rrggbb colour; SVG 1.1 viewers do not all understand CSS hsl().
func hsl(h, s, l float64) string {
	c := (1 - math.Abs(2*l-1)) * s
	hp := h / 60
	x := c * (1 - math.Abs(math.Mod(hp, 2)-1))
	var r, g, bl float64
	switch {
	case hp < 1:
		r, g = c, x
	case hp < 2:
		r, g = x, c
	case hp < 3:
		g, bl = c, x
	case hp < 4:
		g, bl = x, c
	case hp < 5:
		r, bl = x, c
	default:
		r, bl = c, x
	}
	m := l - c/2
	return fmt.Sprintf("#%02x%02x%02x", channel(r+m), channel(g+m), channel(bl+m))
}

func channel(v float64) int { return int(v*255 + 0.5) }
