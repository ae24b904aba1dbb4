package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/daemon"
	"privacyd/mailin"
	"privacyd/tracker"
)

// TestRunDigestPreview fills a register with the sandbox's real mails and
// renders the digest of the week they arrived in.
func TestRunDigestPreview(t *testing.T) {
	path := writeOpsConfig(t, "127.0.0.1:1", "secret", "127.0.0.1:2", "")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	loc := cfg.Location
	received := time.Date(2026, 4, 8, 9, 30, 0, 0, loc) // Wednesday of the reported week
	tr, err := daemon.NewTracker(context.Background(), cfg, slog.New(slog.DiscardHandler), clock.NewFake(received))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "sandbox", "mails", "*.eml"))
	if len(files) == 0 {
		t.Fatal("no sandbox mails")
	}
	var batch []mailin.Raw
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, mailin.Raw{UID: uint32(i + 1), InternalDate: received.Add(time.Duration(i) * time.Minute), Data: b})
	}
	if err := tr.Deliver(context.Background(), "INBOX", 1, batch); err != nil {
		t.Fatal(err)
	}
	cases, err := tr.Cases(context.Background(), tracker.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	tr.Close()
	n := 0
	for _, c := range cases {
		if c.Status != "not_a_request" {
			n++
		}
	}
	if n == 0 {
		t.Fatal("the sandbox mails opened no case")
	}

	var out bytes.Buffer
	html := filepath.Join(t.TempDir(), "digest.html")
	err = runDigest([]string{"-config", path, "-preview", "-out", html, "-at", "2026-04-13T08:00:00+02:00"}, nil, &out, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"Subject: Privacy requests 2026-04-06 to 2026-04-12: ",
		"Week Mon 2026-04-06 to Sun 2026-04-12",
		fmt.Sprintf("Requests received this week: %d (last 12 weeks: %d)", n, n),
		fmt.Sprintf("  04-06  %3d  %s\n", n, strings.Repeat("#", 40)),
		"  03-30    0\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	b, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `bgcolor="#2563eb"`) || !strings.Contains(string(b), "<html") {
		t.Errorf("HTML part:\n%s", b)
	}
	// No requester addresses in either part.
	for _, part := range []string{text, string(b)} {
		if strings.Contains(part, "@example.net") || strings.Contains(part, "@example.com") {
			t.Errorf("the digest names a requester:\n%s", part)
		}
	}

	if err := runDigest([]string{"-config", path}, nil, &out, &out); err == nil {
		t.Error("without -preview: no error")
	}
}
