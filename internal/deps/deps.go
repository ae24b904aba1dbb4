//go:build tools

// Package deps pins modules that privacyd's packages will import, so that
// `go mod tidy` keeps them while the packages that use them are being written.
package deps

import (
	_ "github.com/emersion/go-imap/v2/imapclient"
	_ "github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	_ "github.com/emersion/go-message/charset"
	_ "github.com/emersion/go-sasl"
	_ "github.com/emersion/go-smtp"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/robfig/cron/v3"
	_ "github.com/wneessen/go-mail"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/net/html"
	_ "modernc.org/sqlite"
)
