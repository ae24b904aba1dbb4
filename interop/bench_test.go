package interop_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"privacyd/config"
	"privacyd/daemon"
	"privacyd/internal/dovecot"
	"privacyd/internal/testcfg"
	"privacyd/tracker"
)

// BenchmarkBacklog measures privacyd's backlog processing end to end
// against a real Dovecot (issue 6 "Speed and scale"): a mailbox of
// PRIVACYD_BENCH_N realistic mails (default 2000; see mailGen) is read by
// daemon.New + Reader.Once — fetched, parsed, classified, cases, raw mails,
// events and queued acknowledgements committed (synchronous=FULL), the
// checkpoint advanced and every message flagged $privacyd — with a fresh
// database each iteration. Next to it, in the same run, a plain
// UID FETCH BODY.PEEK[] of the same mailbox with the same imapclient library.
//
// Metrics: privacyd_mails/s, privacyd_cpu_µs/mail (user+system CPU of the
// test process during privacyd's pass: less sensitive to other load on the
// machine than the rate), fetch_mails/s, fetch_MB/s, peak_RSS_MB
// (VmHWM of the test process, reset before privacyd's pass; Dovecot is a
// separate process). With PRIVACYD_BENCH_CPUPROFILE=FILE only privacyd's
// pass is CPU-profiled. Run it with -benchtime=1x:
//
//	PRIVACYD_BENCH_N=10000 go test -run='^$' -bench=BenchmarkBacklog -benchtime=1x ./interop
func BenchmarkBacklog(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("PRIVACYD_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	dc := dovecot.Start(b, dovecot.Options{Format: "sdbox"}) // maildir fills too slowly (see dovecot.Options.Format)
	gen := newMailGen(1, time.Date(2026, 2, 2, 8, 0, 0, 0, amsterdam))
	var bytesIn int64
	fillStart := time.Now()
	if err := dc.AppendMany("INBOX", n, func(i int) ([]byte, time.Time) {
		raw, at := gen.next(i)
		bytesIn += int64(len(raw))
		return raw, at
	}); err != nil {
		b.Fatal(err)
	}
	b.Logf("filled Dovecot with %d mails (%.1f MB, avg %.1f KB; %d requests, %d other, %d auto-replies, %d bounces) in %v",
		n, float64(bytesIn)/1e6, float64(bytesIn)/float64(n)/1e3, gen.requests, gen.other, gen.autos, gen.bounces,
		time.Since(fillStart).Round(time.Millisecond))

	var procDur, fetchDur, cpuDur time.Duration
	var peakKB int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		path := testcfg.Write(b, dir, interopConfig(dc.Addr(), dc.User(), dc.Password(), "127.0.0.1:9", ""))
		cfg, err := config.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		d, err := daemon.New(context.Background(), cfg, daemon.Options{Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		resetPeakRSS(b)
		stopProfile := startProfile(b)
		b.StartTimer()

		cpu0 := cpuTime(b)
		start := time.Now()
		got, err := d.Reader.Once(context.Background())
		dur := time.Since(start)
		cpuDur += cpuTime(b) - cpu0

		b.StopTimer()
		stopProfile()
		peakKB = max(peakKB, peakRSSKB(b))
		procDur += dur
		if err != nil {
			b.Fatal(err)
		}
		if got != n {
			b.Fatalf("privacyd delivered %d of %d mails", got, n)
		}
		st, err := d.Tracker.OutboxStats(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		cases, err := d.Tracker.Cases(context.Background(), tracker.Filter{})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.Logf("privacyd: %d mails in %v: %d cases, %d mails queued", got, dur.Round(time.Millisecond), len(cases), st.Pending)
		}
		if len(cases) == 0 || st.Pending < len(cases) {
			b.Fatalf("%d cases and %d queued mails: the pass did not do its work", len(cases), st.Pending)
		}
		d.Close()
		if i == 0 {
			logVolume(b, filepath.Join(dir, "privacyd.db"), n)
		}

		fetched, fetchedBytes, fd := plainFetch(b, dc)
		if fetched != n {
			b.Fatalf("plain fetch read %d of %d mails", fetched, n)
		}
		fetchDur += fd
		if i == 0 {
			b.Logf("plain UID FETCH BODY.PEEK[]: %d mails (%.1f MB) in %v", fetched, float64(fetchedBytes)/1e6, fd.Round(time.Millisecond))
		}
		b.StartTimer()
	}
	b.StopTimer()
	iters := float64(b.N)
	b.ReportMetric(float64(n)*iters/procDur.Seconds(), "privacyd_mails/s")
	b.ReportMetric(float64(cpuDur.Microseconds())/iters/float64(n), "privacyd_cpu_µs/mail")
	b.ReportMetric(float64(n)*iters/fetchDur.Seconds(), "fetch_mails/s")
	b.ReportMetric(float64(bytesIn)*iters/fetchDur.Seconds()/1e6, "fetch_MB/s")
	b.ReportMetric(float64(peakKB)/1024, "peak_RSS_MB")
}

// plainFetch reads every message of INBOX with UID FETCH BODY.PEEK[] in
// batches of 1000, streaming the literals, and returns count, bytes and time.
func plainFetch(b *testing.B, dc *dovecot.Server) (int, int64, time.Duration) {
	b.Helper()
	c, err := dc.Dial()
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		b.Fatal(err)
	}
	data, err := c.UIDSearch(&imap.SearchCriteria{}, nil).Wait()
	if err != nil {
		b.Fatal(err)
	}
	uids := data.AllUIDs()
	section := &imap.FetchItemBodySection{Peek: true}
	buf := make([]byte, 64<<10)
	count, total := 0, int64(0)
	for len(uids) > 0 {
		k := min(1000, len(uids))
		cmd := c.Fetch(imap.UIDSetNum(uids[:k]...), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			for item := msg.Next(); item != nil; item = msg.Next() {
				if body, ok := item.(imapclient.FetchItemDataBodySection); ok && body.Literal != nil {
					n, err := io.CopyBuffer(io.Discard, body.Literal, buf)
					if err != nil {
						b.Fatal(err)
					}
					total += n
					count++
				}
			}
		}
		if err := cmd.Close(); err != nil {
			b.Fatal(err)
		}
		uids = uids[k:]
	}
	d := time.Since(start)
	c.Logout().Wait()
	return count, total, d
}

// resetPeakRSS resets VmHWM (Linux: writing 5 to clear_refs).
func resetPeakRSS(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("cannot reset the peak RSS (%v): peak_RSS_MB includes the fill", err)
	}
}

// cpuTime returns the CPU time (user and system) the test process has used:
// privacyd's pass runs in it, Dovecot does not. On a machine shared with
// other work the wall-clock rate varies by ±30%; the CPU per mail varies far
// less, so it shows whether a change made the work smaller.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSKB returns VmHWM from /proc/self/status in KiB (0 if unknown).
func peakRSSKB(b *testing.B) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

// startProfile CPU-profiles privacyd's pass into PRIVACYD_BENCH_CPUPROFILE
// (the first iteration only); it returns the function that stops it.
func startProfile(b *testing.B) func() {
	stopTrace := startTrace(b)
	stopCPU := startCPUProfile(b)
	return func() {
		stopCPU()
		stopTrace()
	}
}

// startTrace writes an execution trace of privacyd's pass to
// PRIVACYD_BENCH_TRACE, if set (go tool trace -pprof=sync|syscall|sched
// shows where the pass waits).
func startTrace(b *testing.B) func() {
	path := os.Getenv("PRIVACYD_BENCH_TRACE")
	if path == "" {
		return func() {}
	}
	if _, err := os.Stat(path); err == nil {
		return func() {} // written by an earlier iteration
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		b.Logf("PRIVACYD_BENCH_TRACE: %v", err)
		f.Close()
		os.Remove(path)
		return func() {}
	}
	return func() {
		trace.Stop()
		f.Close()
		b.Logf("execution trace of privacyd's pass written to %s", path)
	}
}

func startCPUProfile(b *testing.B) func() {
	path := os.Getenv("PRIVACYD_BENCH_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if _, err := os.Stat(path); err == nil {
		return func() {} // written by an earlier iteration
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Logf("PRIVACYD_BENCH_CPUPROFILE: %v (is -cpuprofile set too?)", err)
		f.Close()
		os.Remove(path)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		b.Logf("CPU profile of privacyd's pass written to %s", path)
	}
}

// logVolume logs what the pass committed per mail, by table: the bytes every
// commit writes to the WAL (and the checkpoint again to the database).
func logVolume(b *testing.B, path string, n int) {
	db := openDB(b, path)
	var raw, cls, data, outboxRows, events, size int64
	if err := db.QueryRow(`SELECT coalesce(sum(length(raw)), 0), coalesce(sum(length(classification)), 0) FROM messages`).Scan(&raw, &cls); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`SELECT coalesce(sum(length(data)), 0), count(*) FROM outbox`).Scan(&data, &outboxRows); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM events`).Scan(&events); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`SELECT page_count * page_size FROM pragma_page_count, pragma_page_size`).Scan(&size); err != nil {
		b.Fatal(err)
	}
	per := func(v int64) float64 { return float64(v) / float64(n) / 1e3 }
	b.Logf("committed per mail: raw %.1f KB, classification %.2f KB, outbox data %.2f KB (%.2f rows), %.2f events; database %.1f KB",
		per(raw), per(cls), per(data), float64(outboxRows)/float64(n), float64(events)/float64(n), per(size))
}
