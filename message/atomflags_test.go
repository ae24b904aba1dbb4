package message

import (
	"testing"

	"golang.org/x/net/html/atom"
)

// The element sets as written for the first map-based version; atomFlags
// must agree with them.

// blockAtoms start and end on their own line.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Ul: true, atom.Body: true, atom.Html: true,
}

// paragraphAtoms get a blank line around them.
var paragraphAtoms = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Pre: true,
	atom.Blockquote: true, atom.Hr: true,
}

// skipAtoms have content that is never shown.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Head: true, atom.Title: true,
	atom.Noscript: true, atom.Template: true, atom.Iframe: true, atom.Object: true,
	atom.Svg: true, atom.Math: true, atom.Select: true, atom.Textarea: true,
}

// rawSkipAtoms are the skipped elements whose content the tokenizer reads
// as one raw text token, so they always end.
var rawSkipAtoms = map[atom.Atom]bool{atom.Script: true, atom.Style: true}

func TestAtomFlags(t *testing.T) {
	all := map[atom.Atom]bool{atom.A: true, atom.Span: true, atom.B: true, atom.Br: true, atom.Img: true, atom.Td: true, 0: true}
	for _, m := range []map[atom.Atom]bool{blockAtoms, paragraphAtoms, skipAtoms, rawSkipAtoms} {
		for a := range m {
			all[a] = true
		}
	}
	for a := range all {
		f := atomFlags(a)
		for _, c := range []struct {
			set  map[atom.Atom]bool
			flag uint8
		}{{blockAtoms, flagBlock}, {paragraphAtoms, flagParagraph}, {skipAtoms, flagSkip}, {rawSkipAtoms, flagRawSkip}} {
			if c.set[a] != (f&c.flag != 0) {
				t.Errorf("atomFlags(%v) = %b, flag %b should be %v", a, f, c.flag, c.set[a])
			}
		}
	}
}
