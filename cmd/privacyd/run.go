package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/daemon"
)

// newLogger returns the logger selected by -log-format and -log-level.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, usageError{fmt.Errorf("-log-level %q: want debug, info, warn or error", level)}
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch strings.ToLower(format) {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usageError{fmt.Errorf("-log-format %q: want text or json", format)}
}

func runRun(args []string, _ io.Reader, _, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	logFormat := fs.String("log-format", "text", "text or json")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath == "" {
		return usageError{errors.New("-config is required")}
	}
	log, err := newLogger(stderr, *logFormat, *logLevel)
	if err != nil {
		return err
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		return err
	}
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	d, err := daemon.New(ctx, cfg, daemon.Options{Log: log, Clock: clock.Real{}})
	if err != nil {
		if ctx.Err() != nil {
			log.Info("privacyd stopped before it started")
			return nil // a signal while opening the database is a clean stop
		}
		return err
	}
	defer d.Close()
	log.Info("privacyd started", "imap", cfg.IMAP.Address, "mailbox", cfg.IMAP.Mailbox, "database", cfg.Database.Path)
	err = d.Run(ctx)
	if ctx.Err() != nil && err == nil {
		log.Info("privacyd stopped")
	}
	return err
}
