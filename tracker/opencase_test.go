package tracker

import (
	"context"
	"reflect"
	"testing"
	"time"

	"privacyd/clock"
)

// TestOpenedCaseAsStored: openCase builds the new case in memory instead of
// reading it back; for every kind of request it must equal the stored row.
func TestOpenedCaseAsStored(t *testing.T) {
	var built []*Case
	openedCaseHook = func(c *Case) { built = append(built, c) }
	defer func() { openedCaseHook = nil }()
	clk := clock.NewFake(time.Date(2026, 12, 24, 23, 59, 59, 123456789, time.UTC))
	tr, _ := hxTracker(t, clk, func(o *Options) { o.RepetitiveCount = 2 })
	hxDeliver(t, tr, clk.Now(),
		hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."),
		hxMail("\"de Vries, Anna\" <Anna@Example.NL>", "=?utf-8?q?Inzage_=E2=80=93_art._15_AVG?=", "r2@example.nl",
			"Ik wil graag inzage in mijn persoonsgegevens en een kopie daarvan."),
		hxMail("Tom <tom@example.com>", "Stop", "r3@example.com", "Please stop sending me newsletters."),
		hxMail("Advocaat <mr@law.example>", "Namens mijn cliënt", "r4@law.example",
			"Namens mijn cliënt verzoek ik u om inzage in en verwijdering van zijn persoonsgegevens."),
		hxMail("x <x@example.org>", "", "r5@example.org", "Ik heb een vraag over mijn gegevens bij u."),
	)
	if len(built) < 4 {
		t.Fatalf("%d cases built, want at least 4", len(built))
	}
	for _, c := range built {
		stored, err := tr.loadCase(context.Background(), tr.r, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c, stored) {
			t.Errorf("case %s built in memory\n%+v\nstored\n%+v", c.ID, *c, *stored)
		}
	}
}
