package tracker

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestStaffTextsAreTranslated checks that every message format used in
// commands.go has a Dutch version with the same verbs in the same order.
func TestStaffTextsAreTranslated(t *testing.T) {
	src, err := os.ReadFile("commands.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`a\.(?:refuse\(c, |changed\()("(?:[^"\\]|\\.)*")`)
	n := 0
	verbs := regexp.MustCompile(`%[a-z]`)
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		format := strings.ReplaceAll(strings.Trim(m[1], `"`), `\"`, `"`)
		n++
		nl, ok := staffNL[format]
		if !ok {
			t.Errorf("no Dutch text for %q", format)
			continue
		}
		if a, b := verbs.FindAllString(format, -1), verbs.FindAllString(nl, -1); strings.Join(a, "") != strings.Join(b, "") {
			t.Errorf("%q: verbs %v, Dutch %v", format, a, b)
		}
	}
	if n < 25 {
		t.Errorf("found only %d message formats in commands.go; the pattern is broken", n)
	}
}
