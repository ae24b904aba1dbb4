package daemon

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/internal/imaptest"
	"privacyd/internal/smtptest"
	"privacyd/internal/testcfg"
)

// scheduleEnv is a Daemon against in-process IMAP and SMTP servers on a fake clock.
func scheduleEnv(t *testing.T, clk *clock.Fake) (*Daemon, *imaptest.Server, *config.Config) {
	t.Helper()
	imap := imaptest.Start(t, imaptest.WithCredentials("privacy@example.org", "secret"))
	smtp := smtptest.Start(t, smtptest.Config{})
	path := testcfg.Write(t, t.TempDir(), testcfg.Config{
		IMAPAddr: imap.Addr(), IMAPPassword: "secret", SMTPAddr: smtp.Addr(),
		Owner: "owner@example.org", IdentityCheck: "never",
	})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(context.Background(), cfg, Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, imap, cfg
}

func outboxKinds(t *testing.T, d *Daemon) map[string]int {
	t.Helper()
	rows, err := d.Tracker.DB().Query(`SELECT kind, COUNT(*) FROM outbox GROUP BY kind`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		out[k] = n
	}
	return out
}

const requestEML = "From: Anna <anna@example.net>\r\nTo: privacy@example.org\r\nSubject: Inzage\r\n" +
	"Message-ID: <anna-1@example.net>\r\nDate: Fri, 03 Apr 2026 10:00:00 +0200\r\n\r\n" +
	"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG.\r\n"

// TestScheduleCatchUp: the work missed while privacyd was down runs at start,
// once: the sweep's warnings and the weekly digest of a missed Monday.
func TestScheduleCatchUp(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Amsterdam")
	clk := clock.NewFake(time.Date(2026, 4, 3, 10, 0, 0, 0, loc))
	d, imap, cfg := scheduleEnv(t, clk)
	ctx := context.Background()
	if _, err := imap.Append("INBOX", []byte(requestEML), clk.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Reader.Once(ctx); err != nil {
		t.Fatal(err)
	}
	// First start on Wed 22 April: 7 working days before the due date (Mon
	// 4 May), so the sweep at start warns; no digest yet (a new install).
	clk.Set(time.Date(2026, 4, 22, 8, 30, 0, 0, loc))
	stop, err := d.startSchedule(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if k := outboxKinds(t, d); k["staff_warnings"] != 1 || k["digest"] != 0 {
		t.Fatalf("after first start: %v", k)
	}
	// Down from then until Tue 28 April: the extension warning (Fri 24) and
	// the digest of Mon 27 April 08:00 are caught up at start, once.
	d.Close()
	d2, err := New(ctx, cfg, Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	clk.Set(time.Date(2026, 4, 28, 9, 0, 0, 0, loc))
	for i := 0; i < 2; i++ {
		stop, err := d2.startSchedule(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stop()
	}
	if k := outboxKinds(t, d2); k["staff_warnings"] != 2 || k["digest"] != 1 {
		t.Fatalf("after restart: %v", k)
	}
	var to string
	if err := d2.Tracker.DB().QueryRow(`SELECT to_addrs FROM outbox WHERE kind = 'digest'`).Scan(&to); err != nil || to != `["owner@example.org"]` {
		t.Errorf("digest to %s (%v)", to, err)
	}
}

func TestScheduleBadSpec(t *testing.T) {
	d, _, _ := scheduleEnv(t, clock.NewFake(time.Date(2026, 4, 3, 10, 0, 0, 0, time.UTC)))
	d.Config.Schedule.Digest = "0 8 * *"
	if _, err := d.startSchedule(context.Background()); err == nil || !strings.Contains(err.Error(), "schedule.digest") {
		t.Errorf("bad digest spec: %v", err)
	}
}

// TestMetricsCountProcessed: /metrics counts the mails the reader processed.
func TestMetricsCountProcessed(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 4, 3, 8, 0, 0, 0, time.UTC))
	d, imap, _ := scheduleEnv(t, clk)
	ctx := context.Background()
	auto := "From: Bob <bob@example.net>\r\nTo: privacy@example.org\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n" +
		"Message-ID: <bob-1@example.net>\r\n\r\nI am away.\r\n"
	for _, m := range []string{requestEML, auto} {
		if _, err := imap.Append("INBOX", []byte(m), clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.Reader.Once(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(d.HealthHandler())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	body := string(b)
	for _, want := range []string{
		`privacyd_mails_processed_total{kind="request"} 1`,
		`privacyd_mails_processed_total{kind="auto_reply"} 1`,
		`privacyd_cases{status="in_progress"} 1`,
		"privacyd_outbox_pending 2", // acknowledgement and staff notification
		"privacyd_cases_overdue 0",
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %q", want)
		}
	}
	// Once is not Run: no session is kept, so /healthz says unhealthy.
	res, err = http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(b), "no session") {
		t.Errorf("/healthz %d %s", res.StatusCode, b)
	}
}

func TestStartHTTP(t *testing.T) {
	d, _, _ := scheduleEnv(t, clock.NewFake(time.Date(2026, 4, 3, 8, 0, 0, 0, time.UTC)))
	stop, err := d.startHTTP(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stop() // disabled: a no-op
	d.Config.HTTP.Address = "127.0.0.1:0"
	stop, err = d.startHTTP(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stop()
	d.Config.HTTP.Address = "256.0.0.1:99999"
	if _, err := d.startHTTP(context.Background()); err == nil {
		t.Error("bad address accepted")
	}
}
