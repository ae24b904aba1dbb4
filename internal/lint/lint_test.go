// Package lint holds repository-wide tests of the code's conventions: every
// package says what it is for, and the pure packages stay pure.
package lint

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("no go.mod at %s", dir)
	}
	return dir
}

// TestEveryPackageHasDoc fails for a package without a package doc comment.
func TestEveryPackageHasDoc(t *testing.T) {
	root := repoRoot(t)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			return nil
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			return err
		}
		documented, hasGo := false, false
		for _, f := range entries {
			n := f.Name()
			if f.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
				continue
			}
			hasGo = true
			file, err := parser.ParseFile(token.NewFileSet(), filepath.Join(path, n), nil, parser.ParseComments|parser.PackageClauseOnly)
			if err != nil {
				return err
			}
			if file.Doc != nil && strings.TrimSpace(file.Doc.Text()) != "" {
				documented = true
			}
		}
		if hasGo && !documented {
			rel, _ := filepath.Rel(root, path)
			t.Errorf("package in %s has no package doc comment", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPurePackagesStayPure is a negative dependency test: the classifier,
// the MIME parser, the deadline engine and the templates must not reach the
// network, the database or the mailbox.
func TestPurePackagesStayPure(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	bad := []string{"net/http", "net/smtp", "database/sql", "privacyd/mailin", "privacyd/tracker", "privacyd/outbox",
		"privacyd/daemon", "github.com/emersion/go-imap/v2/imapclient", "github.com/wneessen/go-mail", "modernc.org/sqlite"}
	for _, pkg := range []string{"privacyd/classify", "privacyd/message", "privacyd/deadline", "privacyd/templates"} {
		out, err := exec.Command("go", "list", "-deps", "-json=ImportPath", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		var deps []string
		dec := json.NewDecoder(strings.NewReader(string(out)))
		for dec.More() {
			var p struct{ ImportPath string }
			if err := dec.Decode(&p); err != nil {
				t.Fatal(err)
			}
			deps = append(deps, p.ImportPath)
		}
		for _, b := range bad {
			if slices.Contains(deps, b) {
				t.Errorf("%s depends on %s; it must stay pure", pkg, b)
			}
		}
	}
}
