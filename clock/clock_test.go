package clock

import (
	"testing"
	"time"
)

func TestFakeMovesOnlyWhenTold(t *testing.T) {
	start := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	f := NewFake(start)
	if !f.Now().Equal(start) {
		t.Fatalf("Now %v, want %v", f.Now(), start)
	}
	f.Advance(36 * time.Hour)
	if want := time.Date(2026, 3, 6, 22, 0, 0, 0, time.UTC); !f.Now().Equal(want) {
		t.Errorf("after Advance: %v, want %v", f.Now(), want)
	}
	later := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Set(later)
	if !f.Now().Equal(later) {
		t.Errorf("after Set: %v, want %v", f.Now(), later)
	}
	var _ Clock = f
	var _ Clock = Real{}
}
