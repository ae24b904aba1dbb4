package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// IMAPPassword returns the IMAP password from imap.password, the environment
// variable named by imap.password_env (which must be set and non-empty) or
// the file imap.password_file (trailing newline trimmed). It is resolved on
// each call, so a rotated secret is picked up on the next connection.
func (c *Config) IMAPPassword() (string, error) {
	p, err := resolveSecret(c.IMAP.Password, c.IMAP.PasswordEnv, c.IMAP.PasswordFile)
	if err == nil && p == "" {
		err = errors.New("no password configured")
	}
	if err != nil {
		return "", fmt.Errorf("imap password: %w", err)
	}
	return p, nil
}

// SMTPPassword returns the SMTP password like IMAPPassword does. It returns
// "" and no error when none of smtp.password, smtp.password_env and
// smtp.password_file is set: then privacyd sends without authentication.
func (c *Config) SMTPPassword() (string, error) {
	p, err := resolveSecret(c.SMTP.Password, c.SMTP.PasswordEnv, c.SMTP.PasswordFile)
	if err != nil {
		return "", fmt.Errorf("smtp password: %w", err)
	}
	return p, nil
}

// resolveSecret returns the first source that is set; "" if none is.
func resolveSecret(plain, env, file string) (string, error) {
	switch {
	case plain != "":
		return plain, nil
	case env != "":
		s := os.Getenv(env)
		if s == "" {
			return "", fmt.Errorf("environment variable %s is not set or empty", env)
		}
		return s, nil
	case file != "":
		return readSecretFile(file)
	}
	return "", nil
}

// readSecretFile reads a secret from a file, trimming trailing newlines.
func readSecretFile(file string) (string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	s := strings.TrimRight(string(b), "\r\n")
	if s == "" {
		return "", fmt.Errorf("%s is empty", file)
	}
	return s, nil
}
