package templates

import (
	"strings"
	"testing"
)

// TestStaffNewCaseReadLate: the new-case notification warns staff, in each
// staff language and in text and HTML, when the customer got no automatic
// answer because the mail was read late — and only then.
func TestStaffNewCaseReadLate(t *testing.T) {
	s, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"en": "arrived 45 days before privacyd read it", "nl": "kwam 45 dagen binnen voordat privacyd het las"}
	for lang, phrase := range want {
		d := sampleData()[0]
		d.ReadLate = 45
		m, err := s.Render(StaffNewCase, lang, d)
		if err != nil {
			t.Fatal(err)
		}
		for part, body := range map[string]string{"text": m.Text, "html": m.HTML} {
			if !strings.Contains(strings.Join(strings.Fields(body), " "), phrase) {
				t.Errorf("%s %s lacks %q:\n%s", lang, part, phrase, body)
			}
		}
		d.ReadLate = 0
		if m, err := s.Render(StaffNewCase, lang, d); err != nil || strings.Contains(strings.Join(strings.Fields(m.Text+m.HTML), " "), phrase[:10]) {
			t.Errorf("%s: warning shown without ReadLate (err %v)", lang, err)
		}
	}
}
