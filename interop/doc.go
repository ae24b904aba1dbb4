// Package interop holds privacyd's black-box tests against real servers:
// the interoperability suite against a real Dovecot (internal/dovecot), the
// crash-safety test that SIGKILLs the privacyd binary in the middle of a
// backlog and restarts it, and the backlog benchmark. It has no code of its
// own besides its tests.
//
// The Dovecot tests skip when Dovecot is not installed, unless
// PRIVACYD_DOVECOT=1 (CI). The crash test runs against Dovecot when it is
// there and against the in-process internal/imaptest server otherwise; it
// uses 500 mails when CI=true or PRIVACYD_DOVECOT=1, 150 otherwise
// (PRIVACYD_CRASH_N overrides). BenchmarkBacklog reads PRIVACYD_BENCH_N
// (default 2000).
package interop
