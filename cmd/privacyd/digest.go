package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

// runDigest renders the owner's weekly digest from the register without
// sending it: the subject and text part to stdout, the HTML part to -out.
func runDigest(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("digest", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	preview := fs.Bool("preview", false, "render the digest without sending it (required)")
	out := fs.String("out", "", "write the HTML part to this `file`")
	at := fs.String("at", "", "render as of this RFC 3339 time instead of now (the reported week is the 7 days before its date)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if !*preview {
		return usageError{errors.New("-preview is required: the daemon sends the digest on schedule.digest")}
	}
	now := time.Now()
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			return usageError{fmt.Errorf("-at %q: want RFC 3339, like 2026-04-13T08:00:00+02:00", *at)}
		}
		now = t
	}
	ctx := context.Background()
	tr, _, err := openRegister(ctx, *cfgPath)
	if err != nil {
		return err
	}
	defer tr.Close()
	d, err := tr.Digest(ctx, now)
	if err != nil {
		return err
	}
	m, err := tr.RenderDigest(d)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "Subject: %s\n\n%s", m.Subject, m.Text); err != nil {
		return err
	}
	if *out != "" {
		if err := os.WriteFile(*out, []byte(m.HTML), 0o600); err != nil {
			return fmt.Errorf("-out: %w", err)
		}
	}
	return nil
}
