package tracker

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestHotQueriesUseIndexes guards the queries that run for every incoming
// mail against full scans, which made a 10,000-mail backlog quadratic.
func TestHotQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	tr, err := New(ctx, Options{Path: filepath.Join(t.TempDir(), "p.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	for name, q := range map[string]string{
		"per-sender cap":  capQuery,
		"duplicate check": dupQuery,
	} {
		p := strings.Join(queryPlan(t, tr, q, "c", "x", "y", "z", "w"), "; ")
		if !strings.Contains(p, "USING INDEX") && !strings.Contains(p, "USING COVERING INDEX") {
			t.Errorf("%s: plan %q uses no index", name, p)
		}
		if strings.Contains(p, "SCAN outbox") || strings.Contains(p, "SCAN messages") {
			t.Errorf("%s: plan %q scans a table", name, p)
		}
	}
}

// queryPlan returns the details of EXPLAIN QUERY PLAN q with args, on the writer.
func queryPlan(t *testing.T, tr *Tracker, q string, args ...any) []string {
	t.Helper()
	rows, err := tr.w.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}
