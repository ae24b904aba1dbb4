package templates

import (
	"strings"
	"testing"
)

// BenchmarkRender renders the two mails of a new request (the customer's
// acknowledgement and the staff notification, which quotes the request).
func BenchmarkRender(b *testing.B) {
	s, err := New("")
	if err != nil {
		b.Fatal(err)
	}
	d := sampleData()[0]
	d.Message = strings.Repeat("Geachte heer, mevrouw, ik wil graag inzage in al mijn persoonsgegevens die u verwerkt, op grond van artikel 15 AVG, en een kopie daarvan.\n\n", 12)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range []string{Acknowledgement, StaffNewCase} {
			if _, err := s.Render(name, "nl", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
