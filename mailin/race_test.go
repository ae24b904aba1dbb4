//go:build race

package mailin

// raceEnabled shrinks the large-mail test: the race detector makes the
// in-memory server's MIME walk over 25 MB take seconds.
const raceEnabled = true
