package sandbox

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"privacyd/tracker"
)

// syncBuffer is a bytes.Buffer safe for the sandbox's concurrent printing.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestSandboxShowsTheFlow(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out syncBuffer
	var cases []*tracker.Case
	err := Run(ctx, Options{Out: &out, Demo: true, Ready: func(sb *Sandbox) {
		var err error
		cases, err = sb.Daemon.Tracker.Cases(ctx, tracker.Filter{})
		if err != nil {
			t.Error(err)
		}
		cancel()
	}})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	// Five example mails: four requests and one out-of-office reply.
	if len(cases) != 4 {
		t.Fatalf("%d cases, want 4", len(cases))
	}
	if cases[0].Status != tracker.StatusCompleted {
		t.Errorf("the demo staff member's #done left case 1 %s", cases[0].Status)
	}
	s := out.String()
	for _, want := range []string{"DSR-2026-0001", "Auto-Submitted: auto-replied", "the register", "Ctrl-C"} {
		if !strings.Contains(s, want) {
			t.Errorf("the sandbox output lacks %q", want)
		}
	}
	if strings.Contains(s, "sanne.visser@example.net\n") || strings.Contains(s, "To:             sanne") {
		t.Error("the sandbox answered the out-of-office reply")
	}
}
