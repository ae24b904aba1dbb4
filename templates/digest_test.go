package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDigestDefaults(t *testing.T) {
	s, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CheckDigest("de"); err != nil {
		t.Fatal(err)
	}
	// German has no digest: English.
	m, err := s.RenderDigest(DigestData{Lang: "de", OnTimePct: -1, Received: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.Subject, "Privacy requests") || !strings.Contains(m.Text, "Requests received this week: 3") ||
		!strings.Contains(m.HTML, `<html lang="en">`) {
		t.Errorf("fallback render:\n%s\n%s", m.Subject, m.Text)
	}
	m, err = s.RenderDigest(DigestData{Lang: "nl", OnTimePct: -1})
	if err != nil || !strings.HasPrefix(m.Subject, "Privacyverzoeken") {
		t.Errorf("nl: %v %q", err, m.Subject)
	}
}

func TestDigestOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(body string) {
		if err := os.WriteFile(filepath.Join(dir, "en", "digest.subject.tmpl"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Our week: {{.Received}} new\n")
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.RenderDigest(DigestData{Lang: "en", Received: 4, OnTimePct: -1})
	if err != nil || m.Subject != "Our week: 4 new" {
		t.Fatalf("override: %v %q", err, m.Subject)
	}
	write("{{.NoSuchField}}")
	if err := s.CheckDigest("en"); err == nil || !strings.Contains(err.Error(), "digest.subject.tmpl") {
		t.Errorf("broken override: %v, want an error naming the file", err)
	}
}
