package mailin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// sizeChunk is how many UIDs one RFC822.SIZE planning fetch asks for.
const sizeChunk = 1000

// errAbandoned marks a fetch whose literal could not be read in full. The
// FetchCommand must not be touched again (imapclient would read the buffer
// its decoder goroutine also reads), so the session has to end.
var errAbandoned = errors.New("imap fetch abandoned")

// pass delivers everything above the checkpoint, in batches, and marks each
// batch after the Sink committed it. It returns how many messages the Sink
// accepted.
//
// It is a two-stage pipeline: while the Sink's Deliver runs for batch N in
// its own goroutine, this goroutine marks batch N-1 and fetches batch N+1.
// Every IMAP command stays on this goroutine, one after the other, as before;
// only Deliver moves. So Deliver still sees the batches in UID order, one at
// a time; a batch is marked only after its Deliver returned nil; at most two
// batches are held (the one being delivered and the one fetched ahead), and
// no more than 2*MaxBatchBytes unless a single message is larger; and after
// a failure nothing later is delivered or marked (see pipeline).
func (s *session) pass(ctx context.Context) (int, error) {
	o := &s.r.opt
	v, last, err := s.r.sink.Checkpoint(ctx, o.Mailbox)
	if err != nil {
		return 0, fmt.Errorf("checkpoint: %w", err)
	}
	if v != s.validity {
		last = 0 // every stored UID belongs to another UIDVALIDITY
	}
	uids, err := s.newUIDs(imap.UID(last))
	if err != nil {
		return 0, err
	}
	if len(uids) == 0 {
		return 0, nil
	}
	s.log.Info("new messages", "count", len(uids), "first_uid", uids[0], "last_uid", uids[len(uids)-1])
	p := &pipeline{s: s, ctx: ctx}
	defer p.drain() // also on a panic: no Deliver outlives pass
	for chunk := range slices.Chunk(uids, sizeChunk) {
		batches, err := s.plan(chunk)
		if err != nil {
			return p.abort(err)
		}
		for _, bp := range batches {
			batch := bp.uids
			if !p.mayFetch(bp.bytes) {
				// A batch with a message above MaxBatchBytes: finish the
				// running Deliver first, so no more than 2*MaxBatchBytes (or
				// that one message) is held.
				s.hook("held back", uint32(batch[0]), uint32(batch[len(batch)-1]))
				if err := p.finish(); err != nil {
					return p.n, err
				}
			}
			msgs, err := s.fetch(batch)
			if err != nil {
				s.hook("fetch failed", uint32(batch[0]), uint32(batch[len(batch)-1]))
				return p.abort(err)
			}
			if len(msgs) == 0 {
				continue
			}
			s.hook("fetched", msgs[0].UID, msgs[len(msgs)-1].UID)
			if pr, ok := s.r.sink.(Preparer); ok {
				pr.Prepare(o.Mailbox, s.validity, msgs)
			}
			if err := p.push(msgs); err != nil {
				return p.n, err
			}
		}
	}
	if err := p.finish(); err != nil {
		return p.n, err
	}
	s.log.Info("pass done", "delivered", p.n, "last_uid", uids[len(uids)-1])
	return p.n, nil
}

// pipeline runs the Sink's Deliver for one batch at a time in a goroutine
// of its own while the session goroutine goes on with IMAP.
type pipeline struct {
	s   *session
	ctx context.Context
	n   int       // messages the Sink accepted
	cur *inflight // the batch whose Deliver runs, or nil
}

// inflight is one running Deliver. done receives its result exactly once.
type inflight struct {
	msgs  []Raw
	bytes int64      // the bodies held
	done  chan error // buffered: the goroutine never waits for a reader
}

// mayFetch reports whether a batch of the given bytes may be fetched while
// the running Deliver (if any) still holds its batch: together they must
// stay within 2*MaxBatchBytes.
func (p *pipeline) mayFetch(bytes int64) bool {
	return p.cur == nil || p.cur.bytes+bytes <= 2*p.s.r.opt.MaxBatchBytes
}

// push hands msgs to the Sink once the Deliver before it returned nil, then
// marks that previous batch while msgs is being delivered. If the previous
// Deliver failed or ctx is done, msgs is dropped: neither delivered nor
// marked.
func (p *pipeline) push(msgs []Raw) error {
	prev, err := p.wait()
	if err != nil {
		return err
	}
	if err := p.ctx.Err(); err != nil {
		return err // prev is committed; its mark is repaired at the next session start
	}
	p.cur = p.s.deliver(p.ctx, msgs)
	if prev != nil {
		p.s.mark(uidsOf(prev))
	}
	return nil
}

// finish waits for the last Deliver and marks its batch.
func (p *pipeline) finish() error {
	prev, err := p.wait()
	if err != nil {
		return err
	}
	if prev != nil {
		p.s.mark(uidsOf(prev))
	}
	return nil
}

// abort ends the pass after an IMAP error (plan or fetch): it waits for the
// running Deliver, which is left to commit its batch, and marks that batch
// only if the connection may still be used. An abandoned fetch
// (errAbandoned) or a closed connection leaves the mark to the repair at the
// next session start; the checkpoint has advanced either way.
func (p *pipeline) abort(cause error) (int, error) {
	prev, err := p.wait()
	if err != nil {
		return p.n, errors.Join(err, cause)
	}
	if prev != nil && !errors.Is(cause, errAbandoned) && !p.s.closed() {
		p.s.mark(uidsOf(prev))
	}
	return p.n, cause
}

// wait waits for the running Deliver, if any. It returns the delivered
// batch (nil when none ran) or Deliver's error.
func (p *pipeline) wait() ([]Raw, error) {
	d := p.cur
	if d == nil {
		return nil, nil
	}
	p.cur = nil
	if err := <-d.done; err != nil {
		return nil, fmt.Errorf("deliver uids %d-%d: %w", d.msgs[0].UID, d.msgs[len(d.msgs)-1].UID, err)
	}
	p.n += len(d.msgs)
	p.s.log.Debug("delivered", "count", len(d.msgs), "first_uid", d.msgs[0].UID, "last_uid", d.msgs[len(d.msgs)-1].UID)
	return d.msgs, nil
}

// drain waits for a Deliver still running when pass returns early (a
// panic); its result is dropped and its batch stays unmarked.
func (p *pipeline) drain() {
	if p.cur != nil {
		<-p.cur.done
		p.cur = nil
	}
}

// deliver starts the Sink's Deliver of msgs in a goroutine. A panic in the
// Sink becomes its error, as it would on the session goroutine.
func (s *session) deliver(ctx context.Context, msgs []Raw) *inflight {
	d := &inflight{msgs: msgs, done: make(chan error, 1)}
	for _, m := range msgs {
		d.bytes += int64(len(m.Data))
	}
	go func() {
		var err error
		defer func() { d.done <- err }()
		defer recoverErr(&err)
		err = s.r.sink.Deliver(ctx, s.r.opt.Mailbox, s.validity, msgs)
	}()
	return d
}

func uidsOf(msgs []Raw) []imap.UID {
	uids := make([]imap.UID, len(msgs))
	for i, m := range msgs {
		uids[i] = imap.UID(m.UID)
	}
	return uids
}

// closed reports whether the connection is known to be gone.
func (s *session) closed() bool {
	select {
	case <-s.c.Closed():
		return true
	default:
		return false
	}
}

// hook reports a pipeline step to a test (nil outside tests).
func (s *session) hook(event string, first, last uint32) {
	if s.r.testHook != nil {
		s.r.testHook(event, first, last)
	}
}

// newUIDs returns the UIDs above last, ascending. "UID SEARCH last+1:*"
// matches the highest UID even when it is not above last (RFC 9051: * is
// the highest UID), hence the filter.
func (s *session) newUIDs(last imap.UID) ([]imap.UID, error) {
	w := s.guard("uid search")
	defer w.stop()
	var set imap.UIDSet
	set.AddRange(last+1, 0) // 0 is "*"
	data, err := s.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}}, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("imap uid search: %w", err)
	}
	var out []imap.UID
	for _, uid := range data.AllUIDs() {
		if uid > last {
			out = append(out, uid)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// batchPlan is one planned batch: its UIDs and the bytes fetching it will
// hold (RFC822.SIZE, each at most MaxMessageBytes).
type batchPlan struct {
	uids  []imap.UID
	bytes int64
}

// plan splits uids into batches of at most BatchSize messages and
// MaxBatchBytes bytes (a bigger message goes alone), using RFC822.SIZE. A
// UID whose size did not come back counts as 0 and is settled by fetch.
func (s *session) plan(uids []imap.UID) ([]batchPlan, error) {
	o := &s.r.opt
	w := s.guard("uid fetch rfc822.size")
	defer w.stop()
	sizes := make(map[imap.UID]int64, len(uids))
	cmd := s.c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, RFC822Size: true})
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		var uid imap.UID
		var size int64
		for item := msg.Next(); item != nil; item = msg.Next() {
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				uid = it.UID
			case imapclient.FetchItemDataRFC822Size:
				size = it.Size
			}
		}
		if uid != 0 {
			sizes[uid] = size
		}
	}
	if err := cmd.Close(); err != nil {
		return nil, fmt.Errorf("imap uid fetch rfc822.size: %w", err)
	}
	var (
		out   []batchPlan
		cur   batchPlan
		bytes int64
	)
	for _, uid := range uids {
		size := sizes[uid]
		if len(cur.uids) > 0 && (len(cur.uids) >= o.BatchSize || bytes+size > o.MaxBatchBytes) {
			out = append(out, cur)
			cur, bytes = batchPlan{}, 0
		}
		cur.uids = append(cur.uids, uid)
		cur.bytes += min(size, o.MaxMessageBytes)
		bytes += size
	}
	if len(cur.uids) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// fetch reads the messages of one batch (never empty), streaming each body
// into a buffer of its announced size. A requested UID that did not come
// back must be gone from the mailbox; if it is still there, fetch fails
// rather than let the checkpoint pass over it.
func (s *session) fetch(uids []imap.UID) ([]Raw, error) {
	w := s.guard("uid fetch")
	defer w.stop()
	want := imap.UIDSetNum(uids...)
	section := &imap.FetchItemBodySection{Peek: true} // BODY.PEEK[]: leaves \Seen alone
	cmd := s.c.Fetch(want, &imap.FetchOptions{
		UID: true, InternalDate: true, RFC822Size: true,
		BodySection: []*imap.FetchItemBodySection{section},
	})
	got := make(map[imap.UID]Raw, len(uids))
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		var (
			raw  Raw
			body bool
		)
		for item := msg.Next(); item != nil; item = msg.Next() {
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				raw.UID = uint32(it.UID)
			case imapclient.FetchItemDataInternalDate:
				raw.InternalDate = it.Time
			case imapclient.FetchItemDataBodySection:
				if it.Literal == nil || !it.MatchCommand(section) {
					continue
				}
				data, err := s.readLiteral(it.Literal, raw.UID)
				if err != nil {
					// Do not call Next/Close on cmd again: see errAbandoned.
					return nil, fmt.Errorf("%w: uid %d: %v", errAbandoned, raw.UID, err)
				}
				raw.Data, body = data, true
			}
		}
		w.touch() // progress: the next message has its own CommandTimeout
		if raw.UID == 0 || !body || !want.Contains(imap.UID(raw.UID)) {
			continue // unsolicited FETCH (e.g. a flag change): not ours
		}
		got[imap.UID(raw.UID)] = raw
	}
	if err := cmd.Close(); err != nil {
		return nil, fmt.Errorf("imap uid fetch %d-%d: %w", uids[0], uids[len(uids)-1], err)
	}
	out := make([]Raw, 0, len(got))
	var missing []imap.UID
	for _, uid := range uids {
		if raw, ok := got[uid]; ok {
			out = append(out, raw)
		} else {
			missing = append(missing, uid)
		}
	}
	if len(missing) > 0 {
		data, err := s.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{imap.UIDSetNum(missing...)}}, nil).Wait()
		if err != nil {
			return nil, fmt.Errorf("imap uid search for missing uids: %w", err)
		}
		if still := data.AllUIDs(); len(still) > 0 {
			return nil, fmt.Errorf("imap fetch did not return %d message(s) that still exist (first uid %d)", len(still), still[0])
		}
		s.log.Info("messages expunged before they could be fetched", "count", len(missing), "first_uid", missing[0])
	}
	for i := range out {
		if out[i].InternalDate.IsZero() {
			// Every server sends it when asked; if one does not, the fetch
			// time is the best bound on arrival there is (never earlier).
			out[i].InternalDate = time.Now()
			s.log.Warn("server sent no INTERNALDATE; using the fetch time", "uid", out[i].UID)
		}
	}
	return out, nil
}

// readLiteral reads a whole literal. A connection cut by the peer ends the
// literal with io.EOF, which a plain io.Copy takes for success: only a full
// read of Size() bytes proves the message complete.
func (s *session) readLiteral(lit imap.LiteralReader, uid uint32) ([]byte, error) {
	o := &s.r.opt
	size := lit.Size()
	keep := min(size, o.MaxMessageBytes)
	buf := make([]byte, keep)
	if _, err := io.ReadFull(lit, buf); err != nil {
		return nil, err
	}
	if size > keep {
		if n, err := io.CopyN(io.Discard, lit, size-keep); err != nil || n != size-keep {
			return nil, fmt.Errorf("skipping the rest of a large message: %v", err)
		}
		s.log.Warn("message larger than max_message_bytes; kept a prefix", "uid", uid, "size", size, "kept", keep)
	}
	return buf, nil
}

// mark records on the server that uids are processed. Failures are logged:
// the checkpoint already advanced, so nothing is fetched twice.
func (s *session) mark(uids []imap.UID) {
	o := &s.r.opt
	w := s.guard("mark")
	defer w.stop()
	defer s.hook("marked", uint32(uids[0]), uint32(uids[len(uids)-1]))
	if o.ProcessedMailbox == "" {
		if !s.keywords {
			return
		}
		if err := s.storeKeyword(uids); err != nil {
			s.log.Warn("flagging processed messages failed (repaired at the next session)", "count", len(uids), "first_uid", uids[0], "err", err)
		}
		return
	}
	if s.keywords {
		if err := s.storeKeyword(uids); err != nil {
			s.log.Warn("flagging processed messages failed", "count", len(uids), "first_uid", uids[0], "err", err)
		}
	}
	if err := s.move(uids, o.ProcessedMailbox); err != nil {
		s.log.Warn("moving processed messages failed; they stay in the mailbox", "count", len(uids), "first_uid", uids[0], "err", err)
	}
}

func (s *session) storeKeyword(uids []imap.UID) error {
	return s.c.Store(imap.UIDSetNum(uids...), &imap.StoreFlags{
		Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{Keyword},
	}, nil).Close() // Store returns a FetchCommand: Close consumes it
}

// move moves uids to dest without imapclient's Move fallback, which sends a
// plain EXPUNGE (purging other \Deleted mail) and runs STORE/EXPUNGE even
// when COPY failed.
func (s *session) move(uids []imap.UID, dest string) error {
	set := imap.UIDSetNum(uids...)
	if s.caps.Has(imap.CapMove) {
		if _, err := s.c.Move(set, dest).Wait(); err != nil {
			return fmt.Errorf("imap move: %w", err)
		}
		return nil
	}
	if _, err := s.c.Copy(set, dest).Wait(); err != nil {
		return fmt.Errorf("imap copy: %w", err) // source untouched
	}
	if err := s.c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close(); err != nil {
		return fmt.Errorf("imap store \\Deleted after copy: %w", err)
	}
	if !s.caps.Has(imap.CapUIDPlus) {
		if !s.r.noUIDPlusSaid.Swap(true) {
			s.log.Info("server has neither MOVE nor UIDPLUS: processed mail is copied and left flagged \\Deleted (never a plain EXPUNGE)")
		}
		return nil
	}
	if err := s.c.UIDExpunge(set).Close(); err != nil {
		return fmt.Errorf("imap uid expunge: %w", err)
	}
	return nil
}
