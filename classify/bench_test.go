package classify

import (
	"os"
	"path/filepath"
	"testing"

	"privacyd/message"
)

func BenchmarkCorpus(b *testing.B) {
	c, err := New(corpusOptions)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/corpus/*.eml")
	var msgs []*message.Message
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		msgs = append(msgs, message.Parse(raw, message.Options{}))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Classify(msgs[i%len(msgs)])
	}
}
