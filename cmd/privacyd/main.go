// Command privacyd runs a company's privacy@ mailbox under the GDPR: it reads
// every mail, registers requests with their legal receipt time, answers the
// customer at once, keeps the legal clock and lets staff drive each case by
// replying with #commands. See README.md and DESIGN.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand of privacyd.
type command struct {
	usage string
	run   func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"run":     {"run -config FILE [-log-format text|json] [-log-level LEVEL] [-once]", runRun},
	"sandbox": {"sandbox [-keep]", runSandbox},
	"classify": {"classify [-config FILE] FILE.eml... | -", func(a []string, in io.Reader, out, errw io.Writer) error {
		return runClassify(a, in, out, errw)
	}},
	"deadline": {"deadline -received RFC3339 [-config FILE] [-tz ZONE]", func(a []string, _ io.Reader, out, errw io.Writer) error {
		return runDeadline(a, out, errw)
	}},
	"cases":        {"cases -config FILE [-status S] [-json]", runCases},
	"case":         {"case -config FILE ID [-json]", runCase},
	"export":       {"export -config FILE -format csv|json", runExport},
	"backup":       {"backup -config FILE -to FILE", runBackup},
	"digest":       {"digest -config FILE -preview [-out FILE.html] [-at RFC3339]", runDigest},
	"check-config": {"check-config -config FILE", runCheckConfig},
}

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Main runs privacyd with args and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "privacyd: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	if err := cmd.run(args[1:], stdin, stdout, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "privacyd %s: %v\nusage: privacyd %s\n", args[0], err, cmd.usage)
			return 2
		}
		fmt.Fprintf(stderr, "privacyd %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: privacyd <command> [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  privacyd %s\n", commands[n].usage)
	}
}

// usageError is a mistake in how a command was called.
type usageError struct{ error }

// parseFlags parses args with fs, allowing flags after positional arguments
// ("case -config F ID -json"), and returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "-" || !strings.HasPrefix(args[0], "-") {
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
	}
}
