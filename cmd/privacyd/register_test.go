package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"privacyd/internal/e2e"
)

// registerEnv is a privacyd that has handled two requests, and the path of
// its configuration file.
func registerEnv(t *testing.T) (*e2e.Env, string) {
	t.Helper()
	e := e2e.New(t, e2e.Options{})
	for _, m := range []string{
		"From: Marieke <marieke@example.net>\nTo: privacy@example.org\nSubject: Inzageverzoek\nMessage-ID: <a@example.net>\n\nGraag inzage in mijn persoonsgegevens (art. 15 AVG).\n",
		"From: Tom <tom@example.com>\nTo: privacy@example.org\nSubject: Delete my data\nMessage-ID: <b@example.com>\n\nPlease delete all personal data you hold about me.\n",
	} {
		e.Append(e2e.CRLF(m), time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	}
	e.Process()
	return e, filepath.Join(e.Dir, "privacyd.yaml")
}

func run(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := Main(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("privacyd %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

func TestCasesJSONHasTheDesignFields(t *testing.T) {
	_, cfg := registerEnv(t)
	lines := strings.Split(strings.TrimSpace(run(t, "cases", "-config", cfg, "-json")), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want one per case:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	var c map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &c); err != nil {
		t.Fatal(err)
	}
	// DESIGN.md: id, status, rights, language, requester, received_at, due,
	// extended, extended_due, closed_at, subject, message_id.
	for _, k := range []string{"id", "status", "rights", "language", "requester", "received_at", "due", "extended",
		"extended_due", "closed_at", "subject", "message_id"} {
		if _, ok := c[k]; !ok {
			t.Errorf("cases -json lacks %q: %s", k, lines[0])
		}
	}
	if c["id"] != "DSR-2026-0001" || c["message_id"] != "a@example.net" || c["due"] != "2026-04-07" {
		t.Errorf("first case: %s", lines[0])
	}
	if open := run(t, "cases", "-config", cfg, "-status", "completed"); strings.Contains(open, "DSR-") {
		t.Errorf("-status completed lists open cases:\n%s", open)
	}
	table := run(t, "cases", "-config", cfg)
	if !strings.Contains(table, "DSR-2026-0002") || !strings.Contains(table, "tom@example.com") {
		t.Errorf("the table lacks the second case:\n%s", table)
	}
}

func TestCaseAndExport(t *testing.T) {
	_, cfg := registerEnv(t)
	var d struct {
		ID       string
		Messages []struct{ Direction, Kind string }
		Events   []struct{ Type string }
	}
	if err := json.Unmarshal([]byte(run(t, "case", "-config", cfg, "dsr-2026-0002", "-json")), &d); err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, m := range d.Messages {
		dirs = append(dirs, m.Direction)
	}
	if d.ID != "DSR-2026-0002" || !slices.Contains(dirs, "in") || !slices.Contains(dirs, "out") || len(d.Events) == 0 {
		t.Errorf("case -json: id %s, directions %v, %d events", d.ID, dirs, len(d.Events))
	}
	text := run(t, "case", "-config", cfg, "DSR-2026-0001")
	for _, want := range []string{"DSR-2026-0001", "due:        2026-04-07", "case_opened"} {
		if !strings.Contains(text, want) {
			t.Errorf("case output lacks %q:\n%s", want, text)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(run(t, "export", "-config", cfg, "-format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "id" || rows[2][0] != "DSR-2026-0002" {
		t.Errorf("export csv: %v", rows)
	}
	var ex struct{ Cases []struct{ ID string } }
	if err := json.Unmarshal([]byte(run(t, "export", "-config", cfg, "-format", "json")), &ex); err != nil || len(ex.Cases) != 2 {
		t.Errorf("export json: %d cases, %v", len(ex.Cases), err)
	}
	var out, errb bytes.Buffer
	if code := Main([]string{"export", "-config", cfg, "-format", "xml"}, nil, &out, &errb); code != 2 {
		t.Errorf("export -format xml: exit %d, want 2 (usage)", code)
	}
}

func TestBackupWhileRunning(t *testing.T) {
	e, cfg := registerEnv(t)
	to := filepath.Join(t.TempDir(), "copy.db")
	run(t, "backup", "-config", cfg, "-to", to)
	fi, err := os.Stat(to)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	// The copy is a register: point a configuration at it and list it.
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg2 := filepath.Join(e.Dir, "copy.yaml")
	if err := os.WriteFile(cfg2, bytes.Replace(b, []byte("path: privacyd.db"), []byte("path: "+to), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "cases", "-config", cfg2); strings.Count(out, "DSR-2026-") != 2 {
		t.Errorf("the backup does not hold both cases:\n%s", out)
	}
	var o, errb bytes.Buffer
	if code := Main([]string{"backup", "-config", cfg, "-to", to}, nil, &o, &errb); code == 0 {
		t.Error("backup over an existing file succeeded")
	}
}

func TestClassifyCommandPrintsDesignJSON(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.eml")
	mail := "From: Jan <jan@example.net>\r\nTo: privacy@example.org\r\nSubject: Verzoek\r\n\r\nIk wil graag inzage in mijn gegevens en verwijder daarna mijn account.\r\n"
	if err := os.WriteFile(f, []byte(mail), 0o600); err != nil {
		t.Fatal(err)
	}
	var r struct {
		File           string   `json:"file"`
		Kind           string   `json:"kind"`
		Language       string   `json:"language"`
		Rights         []string `json:"rights"`
		Representative *bool    `json:"representative"`
		Evidence       []struct {
			Right  string `json:"right"`
			Text   string `json:"text"`
			Offset *int   `json:"offset"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(run(t, "classify", f)), &r); err != nil {
		t.Fatal(err)
	}
	if r.File != f || r.Kind != "request" || r.Language != "nl" || !slices.Equal(r.Rights, []string{"access", "erasure"}) ||
		r.Representative == nil || len(r.Evidence) == 0 || r.Evidence[0].Offset == nil {
		t.Errorf("classify: %+v", r)
	}
}
