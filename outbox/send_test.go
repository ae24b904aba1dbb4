package outbox

import "testing"

func TestRedactAddresses(t *testing.T) {
	tests := []struct{ in, want string }{
		{`sending SMTP RCPT TO command: 550 5.1.1 <jan@example.nl>: Recipient address rejected, affected recipient(s): <jan@example.nl>, affected message ID: <DSR-1.ack@privacy.example.org>`,
			`sending SMTP RCPT TO command: 550 5.1.1 <[address]>: Recipient address rejected, affected recipient(s): <[address]>, affected message ID: <[address]>`},
		{`smtp dial 127.0.0.1:25: connection refused`, `smtp dial 127.0.0.1:25: connection refused`},
		{`user "piet.de.vries+privacy@mail.example.com" unknown`, `user "[address]" unknown`},
		{`452 4.2.2 mailbox full`, `452 4.2.2 mailbox full`},
	}
	for _, tt := range tests {
		if got := redactAddresses(tt.in); got != tt.want {
			t.Errorf("redactAddresses(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
