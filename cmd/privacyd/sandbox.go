package main

import (
	"context"
	"flag"
	"io"
	"os"
	"os/signal"
	"syscall"

	"privacyd/sandbox"
)

func runSandbox(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	keep := fs.Bool("keep", false, "keep the temporary directory (database and configuration)")
	demo := fs.Bool("demo", true, "play a staff member who answers the first case with #verified and #done")
	logLevel := fs.String("log-level", "warn", "daemon log level: debug, info, warn or error")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := newLogger(stderr, "text", *logLevel)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return sandbox.Run(ctx, sandbox.Options{Out: stdout, Log: log, Keep: *keep, Demo: *demo})
}
