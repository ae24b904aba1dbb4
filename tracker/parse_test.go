package tracker

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParseCommands(t *testing.T) {
	type cmd = Command
	for _, tc := range []struct {
		name string
		text string
		want []cmd
	}{
		{"one", "#verified", []cmd{{"verified", "", 1}}},
		{"upper case and colon", "#EXTEND: complex request", []cmd{{"extend", "complex request", 1}}},
		{"leading blank lines and spaces", "\n\n   #done   All erased.  \n", []cmd{{"done", "All erased.", 3}}},
		{"several, then greeting", "#verified\n#extend data in five systems\n\nAnna\nPrivacy team",
			[]cmd{{"verified", "", 1}, {"extend", "data in five systems", 2}}},
		{"argument continues", "#reply Dear Tom,\nwe erased everything.\nKind regards\n\n#note done by Anna",
			[]cmd{{"reply", "Dear Tom,\nwe erased everything.\nKind regards", 1}, {"note", "done by Anna", 5}}},
		{"CRLF", "#verified\r\n#note ok\r\n", []cmd{{"verified", "", 1}, {"note", "ok", 2}}},
		{"tab after name", "#extend\tcomplex", []cmd{{"extend", "complex", 1}}},
		{"no-break space after name", "#extend\u00a0complex", []cmd{{"extend", "complex", 1}}},
		{"ideographic space after name", "#note\u3000text", []cmd{{"note", "text", 1}}},
		{"zero-width space and BOM before", "\ufeff\u200b#verified", []cmd{{"verified", "", 1}}},
		{"greeting first: no commands", "Hi team,\n#done", nil},
		{"quoted command is not a command", "> #done\n> #verified", nil},
		{"markdown heading", "## done\n#verified", nil},
		{"bare hash", "#\n#verified", nil},
		{"hash-tag in text after a command", "#note customer mentioned #privacy\nthanks", []cmd{{"note", "customer mentioned #privacy\nthanks", 1}}},
		{"empty", "", nil},
		{"only blank lines", "\n \n\t\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseCommands(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("ParseCommands(%q) = %+v, want %+v", tc.text, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("command %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestParseCommandsBounded(t *testing.T) {
	many := strings.Repeat("#note x\n", 10000)
	if n := len(ParseCommands(many)); n > 50 {
		t.Errorf("%d commands from 10,000 lines, want at most 50", n)
	}
	long := "#reply " + strings.Repeat("a", 1<<20)
	got := ParseCommands(long)
	if len(got) != 1 || len(got[0].Arg) != 1<<20 {
		t.Errorf("a 1 MiB argument: %d commands", len(got))
	}
	// Blank lines then a command far down: only the first 1000 lines are read.
	deep := strings.Repeat("\n", 5000) + "#done"
	if n := len(ParseCommands(deep)); n != 0 {
		t.Errorf("a command after 5000 blank lines was read")
	}
}

// checkCommands asserts the invariants of ParseCommands' output for text.
func checkCommands(t *testing.T, text string, cmds []Command) {
	t.Helper()
	if len(cmds) > 50 {
		t.Fatalf("%d commands, want at most 50", len(cmds))
	}
	total := 0
	prev := 0
	for _, c := range cmds {
		if c.Name == "" || strings.HasPrefix(c.Name, "#") {
			t.Errorf("bad name %q", c.Name)
		}
		if strings.ToLower(c.Name) != c.Name {
			t.Errorf("name %q is not lower case", c.Name)
		}
		if strings.IndexFunc(c.Name, unicode.IsSpace) >= 0 {
			t.Errorf("name %q holds white space", c.Name)
		}
		if c.Arg != strings.TrimSpace(c.Arg) {
			t.Errorf("argument %q is not trimmed", c.Arg)
		}
		if c.Line <= prev || c.Line > 1001 {
			t.Errorf("line %d after %d", c.Line, prev)
		}
		prev = c.Line
		total += len(c.Name) + len(c.Arg)
	}
	if total > 4*len(text)+16 {
		t.Errorf("output of %d bytes from %d bytes of input", total, len(text))
	}
	if utf8.ValidString(text) {
		for _, c := range cmds {
			if !utf8.ValidString(c.Name) || !utf8.ValidString(c.Arg) {
				t.Errorf("invalid UTF-8 out of valid input: %+v", c)
			}
		}
	}
}

func FuzzParseCommands(f *testing.F) {
	for _, s := range []string{
		"#verified\n#extend complex: data in five systems\n\nAnna",
		"#done All your data has been erased.",
		"#refuse U bent geen klant van ons; wij verwerken geen gegevens van u.",
		"#fee 25 EUR manifestly excessive: the fifth request this month",
		"#rights access, erasure",
		"#reply Beste Marieke,\nhierbij uw gegevens.\n\n#note sent by post too",
		"#open access\r\n\r\nOp do 26 nov 2026 om 10:00 schreef privacy@example.org:\r\n> Nieuwe mail",
		"\ufeff#VERIFIED\u00a0\n",
		"Hi,\n#done",
		"# #done\n##x\n#\t\n",
		"#note \xff\xfe invalid",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cmds := ParseCommands(text)
		checkCommands(t, text, cmds)
		// Parsing is deterministic and CRLF-agnostic.
		again := ParseCommands(strings.ReplaceAll(text, "\n", "\r\n"))
		if strings.Contains(text, "\r") {
			return
		}
		if len(again) != len(cmds) {
			t.Fatalf("CRLF changed the commands: %+v vs %+v", cmds, again)
		}
		for i := range cmds {
			if cmds[i] != again[i] {
				t.Fatalf("CRLF changed command %d: %+v vs %+v", i, cmds[i], again[i])
			}
		}
	})
}

func TestDKIMPass(t *testing.T) {
	const id = "mx.example.org"
	for _, tc := range []struct {
		name    string
		headers []string
		domain  string
		want    bool
	}{
		{"pass d=", []string{"mx.example.org; dkim=pass header.d=example.org header.s=s1"}, "example.org", true},
		{"pass with reason comment", []string{"mx.example.org; dkim=pass (2048-bit key) header.d=example.org"}, "example.org", true},
		{"authserv id with version", []string{"mx.example.org 1; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org"}, "example.org", true},
		{"case-insensitive", []string{"MX.Example.ORG; DKIM=Pass header.d=EXAMPLE.org"}, "example.org", true},
		{"pass i=", []string{"mx.example.org; dkim=pass header.i=@example.org"}, "example.org", true},
		{"folded header", []string{"mx.example.org;\r\n\tdkim=pass\r\n\theader.d=example.org"}, "example.org", true},
		{"second header trusted", []string{"evil.example; dkim=fail", "mx.example.org; dkim=pass header.d=example.org"}, "example.org", true},
		{"fail", []string{"mx.example.org; dkim=fail header.d=example.org"}, "example.org", false},
		{"neutral", []string{"mx.example.org; dkim=neutral header.d=example.org"}, "example.org", false},
		{"untrusted server", []string{"evil.example; dkim=pass header.d=example.org"}, "example.org", false},
		{"trusted id as a suffix", []string{"evil.mx.example.org; dkim=pass header.d=example.org"}, "example.org", false},
		{"trusted id as a prefix", []string{"mx.example.org.evil; dkim=pass header.d=example.org"}, "example.org", false},
		{"other domain", []string{"mx.example.org; dkim=pass header.d=evil.example"}, "example.org", false},
		{"parent domain signs", []string{"mx.example.org; dkim=pass header.d=org"}, "example.org", false},
		{"look-alike domain", []string{"mx.example.org; dkim=pass header.d=example.org.evil.example"}, "example.org", false},
		{"subdomain i=", []string{"mx.example.org; dkim=pass header.i=@mail.evil-example.org"}, "example.org", false},
		{"pass of another method", []string{"mx.example.org; spf=pass header.d=example.org; dkim=fail header.d=example.org"}, "example.org", false},
		{"pass in a later result for another domain", []string{"mx.example.org; dkim=fail header.d=example.org; dkim=pass header.d=evil.example"}, "example.org", false},
		{"no semicolon", []string{"mx.example.org dkim=pass header.d=example.org"}, "example.org", false},
		{"none", nil, "example.org", false},
		{"empty", []string{""}, "example.org", false},
		{"empty domain", []string{"mx.example.org; dkim=pass header.d="}, "", false},
	} {
		if got := dkimPass(tc.headers, id, tc.domain); got != tc.want {
			t.Errorf("%s: dkimPass(%q, %q) = %v, want %v", tc.name, tc.headers, tc.domain, got, tc.want)
		}
	}
}

func FuzzDKIMPass(f *testing.F) {
	f.Add("mx.example.org; dkim=pass header.d=example.org header.s=s1", "mx.example.org", "example.org")
	f.Add("mx.example.org 1; spf=pass smtp.mailfrom=example.org; dkim=pass (good) header.i=@example.org", "mx.example.org", "example.org")
	f.Add("evil.example; dkim=pass header.d=example.org", "mx.example.org", "example.org")
	f.Add("mx.example.org; dkim=fail header.d=example.org", "mx.example.org", "example.org")
	f.Add(";;;", "", "")
	f.Fuzz(func(t *testing.T, header, authserv, domain string) {
		got := dkimPass([]string{header}, authserv, domain)
		if !got {
			return
		}
		// A pass needs the trusted server's own header ...
		id, rest, ok := strings.Cut(header, ";")
		if !ok {
			t.Fatalf("pass without a result list: %q", header)
		}
		if f := strings.Fields(id); len(f) == 0 || !strings.EqualFold(f[0], authserv) || authserv == "" {
			t.Fatalf("pass from authserv-id %q, trusted %q", id, authserv)
		}
		// ... with a dkim=pass naming the domain.
		low := strings.ToLower(rest)
		if !strings.Contains(low, "dkim=pass") || domain == "" || !strings.Contains(low, strings.ToLower(domain)) {
			t.Fatalf("pass for %q from %q", domain, header)
		}
		// The same header under another authserv-id never passes.
		if dkimPass([]string{"x" + header}, authserv, domain) && !strings.EqualFold("x"+strings.Fields(id)[0], authserv) {
			t.Fatalf("pass from another authserv-id")
		}
	})
}
