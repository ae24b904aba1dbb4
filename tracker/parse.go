package tracker

import (
	"strings"
	"unicode"
)

// Command is one staff command line: "#extend complex: data in five systems".
type Command struct {
	Name string // lower case, without '#'
	Arg  string // the rest, trimmed; continuation lines joined with newlines
	Line int    // 1-based line in the text
}

// ParseCommands reads the staff commands at the top of text (the new text of
// a reply, before any quoted mail): leading blank lines are skipped, then
// every line starting with '#' is a command. A command's argument continues
// on the following lines up to a blank line or the next command; the first
// paragraph that does not start with '#' ends the commands (a greeting or a
// signature is not a command).
func ParseCommands(text string) []Command {
	var out []Command
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var cur *Command
	for i, line := range lines {
		if i > 1000 || len(out) >= 50 {
			break
		}
		l := strings.TrimFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
		name, arg := commandName(l)
		switch {
		case name != "":
			out = append(out, Command{Name: name, Arg: arg, Line: i + 1})
			cur = &out[len(out)-1]
		case l == "":
			cur = nil // a blank line ends an argument; commands may still follow
		default:
			if cur == nil {
				return out // a paragraph that is not a command ends the commands
			}
			if cur.Arg == "" {
				cur.Arg = l
			} else {
				cur.Arg += "\n" + l
			}
		}
	}
	return out
}

// commandName splits a trimmed line "#name arg" into the lower-case name
// (without '#' and a trailing ':') and the trimmed argument. The name ends at
// any white space, a no-break space too (mail clients write them). It returns
// an empty name when l is not a command: no '#', "##", or nothing after '#'.
func commandName(l string) (name, arg string) {
	if !strings.HasPrefix(l, "#") || strings.HasPrefix(l, "##") {
		return "", ""
	}
	name = l[1:]
	if i := strings.IndexFunc(name, unicode.IsSpace); i >= 0 {
		name, arg = name[:i], name[i:]
	}
	return strings.ToLower(strings.TrimRight(name, ":")), strings.TrimSpace(arg)
}

// dkimPass reports whether headers (Authentication-Results values) hold a
// DKIM pass for domain, recorded by authservID (RFC 8601). Results from any
// other server are ignored: the company's own server must be the one that says so.
func dkimPass(headers []string, authservID, domain string) bool {
	domain = strings.ToLower(domain)
	if domain == "" || authservID == "" {
		return false
	}
	for _, h := range headers {
		id, rest, ok := strings.Cut(h, ";")
		if !ok {
			continue
		}
		if f := strings.Fields(id); len(f) == 0 || !strings.EqualFold(f[0], authservID) {
			continue
		}
		for _, res := range strings.Split(rest, ";") {
			f := strings.Fields(strings.ToLower(res))
			if len(f) == 0 || f[0] != "dkim=pass" {
				continue
			}
			for _, p := range f[1:] {
				if d, ok := strings.CutPrefix(p, "header.d="); ok && d == domain {
					return true
				}
				if i, ok := strings.CutPrefix(p, "header.i="); ok && strings.HasSuffix(i, "@"+domain) {
					return true
				}
			}
		}
	}
	return false
}
