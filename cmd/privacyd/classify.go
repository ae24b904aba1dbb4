package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"privacyd/classify"
	"privacyd/config"
	"privacyd/message"
)

// classifyOutput is one line of `privacyd classify`, in the form fixed by
// DESIGN.md. Field order is the order of the JSON object.
type classifyOutput struct {
	File           string              `json:"file"`
	Kind           classify.Kind       `json:"kind"`
	Language       string              `json:"language"`
	Rights         []string            `json:"rights"`
	Representative bool                `json:"representative"`
	Evidence       []classify.Evidence `json:"evidence"`
}

// runClassify implements `privacyd classify [-config FILE] FILE.eml... | -`:
// it prints one JSON object per message. A file that cannot be read is
// reported on stderr and the others are still classified; the command then
// fails at the end.
func runClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "configuration file (staff and own addresses, classify.extra_phrases)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: privacyd classify [-config FILE] FILE.eml... | -")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		fs.Usage()
		return errors.New("no files given (use - for standard input)")
	}

	var opt classify.Options
	var popt message.Options
	if *configPath != "" {
		cfg, err := config.Load(*configPath)
		if err != nil {
			return err
		}
		opt.StaffAddresses = cfg.Staff.Addresses
		for _, a := range []string{cfg.Organisation.PrivacyAddress, cfg.SMTP.From} {
			if a != "" {
				opt.OwnAddresses = append(opt.OwnAddresses, a)
			}
		}
		if p := cfg.Classify.ExtraPhrases; p != "" {
			b, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("classify.extra_phrases: %w", err)
			}
			opt.ExtraPhrases, opt.ExtraPhrasesName = b, p
		}
		popt.MaxBytes = cfg.Limits.MaxParseBytes
	}
	c, err := classify.New(opt)
	if err != nil {
		return err
	}

	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, name := range files {
		var raw []byte
		var err error
		if name == "-" {
			raw, err = io.ReadAll(stdin)
		} else {
			raw, err = os.ReadFile(name)
		}
		if err != nil {
			fmt.Fprintf(stderr, "privacyd classify: %v\n", err)
			failed++
			continue
		}
		r := c.Classify(message.Parse(raw, popt))
		out := classifyOutput{File: name, Kind: r.Kind, Language: r.Language, Rights: r.Rights,
			Representative: r.Representative, Evidence: r.Evidence}
		if out.Rights == nil {
			out.Rights = []string{}
		}
		if out.Evidence == nil {
			out.Evidence = []classify.Evidence{}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read", failed, len(files))
	}
	return nil
}
