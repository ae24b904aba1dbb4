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
		rows, err := tr.w.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, "c", "x", "y", "z", "w")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "; ")
		if !strings.Contains(p, "USING INDEX") && !strings.Contains(p, "USING COVERING INDEX") {
			t.Errorf("%s: plan %q uses no index", name, p)
		}
		if strings.Contains(p, "SCAN outbox") || strings.Contains(p, "SCAN messages") {
			t.Errorf("%s: plan %q scans a table", name, p)
		}
	}
}
