// Package hostile holds privacyd's tests against a hostile world: a corpus of
// malformed, oversized and malicious mails, each run through the real path
// (an in-process IMAP server, the daemon's reader and sender, an SMTP sink)
// with its expected outcome, and mail loops (auto-responders, two privacyd
// instances mailing each other) that must stop. It has no non-test code.
//
// The large mails (a 25 MB attachment, a 1 MB line, 100-level nesting,
// 10,000 headers, an HTML bomb) are generated at test time by gen_test.go;
// the small ones are in testdata.
package hostile
