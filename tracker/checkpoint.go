package tracker

import (
	"database/sql"
	"log/slog"
	"sync"
)

// walAutoCheckpoint is the WAL size in pages (4 KiB) at which the writer
// copies the WAL into the database file itself, inside its commit. The
// checkpointer normally does that work first, in the background; this is
// the bound for when it falls behind.
const walAutoCheckpoint = 8000

// checkpointer copies committed pages from the WAL into the database file
// (a PASSIVE checkpoint) on its own connection and goroutine, after each
// commit of the ingest path. SQLite's automatic checkpoint would do the same
// work inside the writer's commit, on the path every incoming mail waits on;
// a PASSIVE checkpoint never blocks the writer or the readers.
type checkpointer struct {
	db   *sql.DB
	log  *slog.Logger
	kick chan struct{}
	stop chan struct{}
	done chan struct{}
	once sync.Once
	// mu is held while a checkpoint runs: only one connection can
	// checkpoint at a time, and retention's TRUNCATE checkpoint must not
	// meet a PASSIVE one of ours (it would get SQLITE_BUSY and leave the
	// erased bytes in the WAL).
	mu sync.Mutex
}

func startCheckpointer(path string, log *slog.Logger) (*checkpointer, error) {
	db, err := sql.Open("sqlite", dsn(path, "FULL"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, log: log, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		if _, _, err := c.checkpoint(); err != nil {
			c.log.Warn("background checkpoint failed; the writer checkpoints instead", "err", err)
		}
	}
}

// checkpoint runs one PASSIVE checkpoint and returns the frames in the WAL
// and how many of them are in the database file now.
func (c *checkpointer) checkpoint() (wal, copied int, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var busy int
	err = c.db.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &wal, &copied)
	return wal, copied, err
}

// pause stops background checkpoints until the returned function is called.
func (c *checkpointer) pause() (resume func()) {
	if c == nil {
		return func() {}
	}
	c.mu.Lock()
	return c.mu.Unlock
}

// Kick asks for a checkpoint soon; it never blocks.
func (c *checkpointer) Kick() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) close() error {
	if c == nil {
		return nil
	}
	c.once.Do(func() { close(c.stop) })
	<-c.done
	return c.db.Close()
}
