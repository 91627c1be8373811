//! The serving process's SQLite engine: one writer thread that owns the only connection that
//! writes, and reader connections used in place on the caller's thread.
//!
//! Why not sqlx for these paths: sqlx-sqlite hands every statement and every row to a worker
//! thread and back, and several pool connections compete for SQLite's single write lock, whose
//! busy handler *sleeps* (1, 2, 5, 10 ms …) while the lock may already be free. Under load a
//! payment's few statements held the lock across a dozen thread switches and the machine sat
//! idle (see BENCHMARKS.md). Here a write is a closure (a whole unit of work: every statement
//! of one pay step, one refund, one checkout) sent to the writer thread in one hand-off. The
//! thread runs every unit queued together inside one transaction, each unit in its own
//! savepoint (or, for a unit that is a single statement, in SQLite's own statement atomicity),
//! and commits once: group commit, with one fsync for many units. A unit that fails is rolled
//! back alone. Its caller hears back only after the commit, so an
//! answer never reports a change that a crash could still lose.
//!
//! Reads by key take microseconds and never wait for the writer in WAL mode, so they run on the
//! calling thread with a pooled connection instead of paying for a hand-off.

use anyhow::{Context, anyhow};
use rusqlite::{Connection, OpenFlags};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::oneshot;

/// The writer's connection as a unit of work sees it. It is `Sync` (the executor's units are
/// futures that must be `Send` on PostgreSQL, and one unit type serves both engines), and a unit
/// may ask for its changes to be undone while it still answers ([`Conn::discard`]).
pub struct Conn {
    conn: Mutex<Connection>,
    discard: AtomicBool,
}

impl Conn {
    fn new(conn: Connection) -> Self {
        Self {
            conn: Mutex::new(conn),
            discard: AtomicBool::new(false),
        }
    }

    /// Runs `f` with the connection. Only the writer thread ever holds it, so this never waits.
    pub fn with<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        let guard = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&guard)
    }

    /// Undoes the current unit's changes when it ends, whatever it answers (a refused
    /// operation, say). Only for units written with [`Lite::write`], which have a savepoint.
    pub fn discard(&self) {
        self.discard.store(true, Ordering::Relaxed);
    }

    fn take_discard(&self) -> bool {
        self.discard.swap(false, Ordering::Relaxed)
    }
}

/// The most units committed together.
const MAX_UNITS: usize = 256;
/// Idle reader connections kept open.
const MAX_IDLE_READERS: usize = 8;
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// A unit of work on the writer thread.
trait Job: Send {
    /// Runs the unit; returns whether it succeeded (a failed unit is rolled back alone).
    fn run(&mut self, conn: &Conn) -> bool;
    /// Answers the caller once the transaction's fate is known.
    fn finish(self: Box<Self>, commit: &Result<(), String>);
    /// Whether the unit needs a savepoint of its own to fail alone.
    fn savepoint(&self) -> bool;
}

struct Unit<F, R> {
    /// False for a unit whose only change is one statement (see [`Lite::write_statement`]).
    savepoint: bool,
    work: Option<F>,
    result: Option<anyhow::Result<R>>,
    reply: oneshot::Sender<anyhow::Result<R>>,
}

impl<F, R> Job for Unit<F, R>
where
    F: FnOnce(&Conn) -> anyhow::Result<R> + Send,
    R: Send,
{
    fn run(&mut self, conn: &Conn) -> bool {
        let Some(work) = self.work.take() else {
            return false;
        };
        let result = catch_unwind(AssertUnwindSafe(|| work(conn)))
            .unwrap_or_else(|_| Err(anyhow!("a database write panicked")));
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn finish(self: Box<Self>, commit: &Result<(), String>) {
        let answer = match (commit, self.result) {
            (_, Some(Err(e))) => Err(e),
            (Ok(()), Some(Ok(r))) => Ok(r),
            (Err(e), _) => Err(anyhow!("committing to SQLite: {e}")),
            (Ok(()), None) => Err(anyhow!("a database write was not run")),
        };
        let _ = self.reply.send(answer);
    }

    fn savepoint(&self) -> bool {
        self.savepoint
    }
}

/// The SQLite engine of one database file.
pub struct Lite {
    path: PathBuf,
    jobs: mpsc::Sender<Box<dyn Job>>,
    readers: Mutex<Vec<Connection>>,
}

impl std::fmt::Debug for Lite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lite").field("path", &self.path).finish()
    }
}

impl Lite {
    /// Opens the engine on an existing, migrated database file; starts the writer thread, which
    /// ends when the engine is dropped.
    pub fn open(path: &Path, synchronous_full: bool) -> anyhow::Result<Self> {
        let writer = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("opening {}", path.display()))?;
        writer.busy_timeout(BUSY_TIMEOUT)?;
        writer.execute_batch(if synchronous_full {
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
        } else {
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
        })?;
        writer.set_prepared_statement_cache_capacity(64);
        let (jobs, queue) = mpsc::channel::<Box<dyn Job>>();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || write_loop(&Conn::new(writer), &queue))
            .context("starting the SQLite writer thread")?;
        Ok(Self {
            path: path.to_path_buf(),
            jobs,
            readers: Mutex::new(Vec::new()),
        })
    }

    /// Runs `work` on the writer thread inside the current group transaction; answers after the
    /// commit. An error from `work` rolls back its own statements only.
    pub async fn write<R, F>(&self, work: F) -> anyhow::Result<R>
    where
        F: FnOnce(&Conn) -> anyhow::Result<R> + Send + 'static,
        R: Send + 'static,
    {
        self.submit(true, work).await
    }

    /// [`Lite::write`] for a unit whose only change is a single statement. SQLite already undoes
    /// a failed statement by itself, so the unit skips its savepoint (and the copies of every
    /// page it touches into the savepoint journal: a quarter of the writer's work per payment).
    pub async fn write_statement<R, F>(&self, work: F) -> anyhow::Result<R>
    where
        F: FnOnce(&Conn) -> anyhow::Result<R> + Send + 'static,
        R: Send + 'static,
    {
        self.submit(false, work).await
    }

    async fn submit<R, F>(&self, savepoint: bool, work: F) -> anyhow::Result<R>
    where
        F: FnOnce(&Conn) -> anyhow::Result<R> + Send + 'static,
        R: Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let unit: Box<dyn Job> = Box::new(Unit {
            savepoint,
            work: Some(work),
            result: None,
            reply,
        });
        self.jobs
            .send(unit)
            .map_err(|_| anyhow!("the SQLite writer has stopped"))?;
        answer
            .await
            .map_err(|_| anyhow!("the SQLite writer has stopped"))?
    }

    /// Runs `work` with a reader connection on this thread. Only for short reads: a lookup by
    /// key, which WAL mode never makes wait for the writer.
    pub fn read<R>(
        &self,
        work: impl FnOnce(&Connection) -> anyhow::Result<R>,
    ) -> anyhow::Result<R> {
        let pooled = self.readers.lock().ok().and_then(|mut r| r.pop());
        let conn = match pooled {
            Some(c) => c,
            None => self.open_reader()?,
        };
        let result = work(&conn);
        if let Ok(mut idle) = self.readers.lock()
            && idle.len() < MAX_IDLE_READERS
        {
            idle.push(conn);
        }
        result
    }

    fn open_reader(&self) -> anyhow::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("opening {}", self.path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(conn)
    }
}

fn write_loop(conn: &Conn, queue: &mpsc::Receiver<Box<dyn Job>>) {
    let mut batch: Vec<Box<dyn Job>> = Vec::with_capacity(MAX_UNITS);
    while let Ok(first) = queue.recv() {
        batch.push(first);
        while batch.len() < MAX_UNITS {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let commit = run_batch(conn, &mut batch).map_err(|e| e.to_string());
        if commit.is_err() {
            let _ = conn.with(|c| c.execute_batch("ROLLBACK"));
        }
        for job in batch.drain(..) {
            job.finish(&commit);
        }
    }
}

fn run_batch(conn: &Conn, batch: &mut [Box<dyn Job>]) -> rusqlite::Result<()> {
    let run = |sql: &str| conn.with(|c| c.prepare_cached(sql)?.execute([]).map(drop));
    run("BEGIN IMMEDIATE")?;
    for job in batch.iter_mut() {
        if !job.savepoint() {
            job.run(conn);
            conn.take_discard();
            continue;
        }
        run("SAVEPOINT unit")?;
        let ok = job.run(conn);
        if conn.take_discard() || !ok {
            run("ROLLBACK TO unit")?;
        }
        run("RELEASE unit")?;
    }
    run("COMMIT")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> (tempfile::TempDir, Lite) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL);",
        )
        .unwrap();
        drop(c);
        let lite = Lite::open(&path, true).unwrap();
        (dir, lite)
    }

    fn count(lite: &Lite) -> i64 {
        lite.read(|c| Ok(c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?))
            .unwrap()
    }

    #[tokio::test]
    async fn a_failed_unit_rolls_back_alone_and_the_others_commit() {
        let (_dir, lite) = engine();
        let lite = std::sync::Arc::new(lite);
        let mut tasks = Vec::new();
        for i in 0..50 {
            let lite = lite.clone();
            tasks.push(tokio::spawn(async move {
                lite.write(move |c| {
                    c.with(|c| {
                        c.execute("INSERT INTO t (k, v) VALUES (?1, 1)", [format!("k{i}")])?;
                        if i % 5 == 0 {
                            // A second statement of the same unit fails: the first must not stay.
                            c.execute("INSERT INTO t (k, v) VALUES (?1, 1)", [format!("k{i}")])?;
                        }
                        Ok(i)
                    })
                })
                .await
            }));
        }
        let mut failed = 0;
        for t in tasks {
            if t.await.unwrap().is_err() {
                failed += 1;
            }
        }
        assert_eq!(failed, 10);
        assert_eq!(count(&lite), 40);
        let missing: i64 = lite
            .read(|c| Ok(c.query_row("SELECT count(*) FROM t WHERE k = 'k5'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(missing, 0);
    }

    #[tokio::test]
    async fn a_failed_single_statement_changes_nothing_without_a_savepoint() {
        let (_dir, lite) = engine();
        lite.write_statement(|c| {
            Ok(c.with(|c| c.execute("INSERT INTO t (k, v) VALUES ('a', 1)", []))?)
        })
        .await
        .unwrap();
        // One statement changing two rows fails on the second: SQLite undoes the first.
        let r = lite
            .write_statement(|c| {
                Ok(c.with(|c| {
                    c.execute(
                        "INSERT INTO t (k, v) SELECT 'b', 2 UNION ALL SELECT 'a', 3",
                        [],
                    )
                })?)
            })
            .await;
        assert!(r.is_err());
        assert_eq!(count(&lite), 1);
    }

    #[tokio::test]
    async fn a_panicking_unit_is_an_error_and_the_writer_goes_on() {
        let (_dir, lite) = engine();
        let r: anyhow::Result<()> = lite
            .write(|c| {
                c.with(|c| c.execute("INSERT INTO t (k, v) VALUES ('a', 1)", []))?;
                panic!("boom")
            })
            .await;
        assert!(r.unwrap_err().to_string().contains("panicked"));
        lite.write(|c| Ok(c.with(|c| c.execute("INSERT INTO t (k, v) VALUES ('b', 1)", []))?))
            .await
            .unwrap();
        assert_eq!(count(&lite), 1);
    }

    #[tokio::test]
    async fn a_discarded_unit_answers_and_changes_nothing() {
        let (_dir, lite) = engine();
        let answer = lite
            .write(|c| {
                c.with(|c| c.execute("INSERT INTO t (k, v) VALUES ('a', 1)", []))?;
                c.discard();
                Ok("refused")
            })
            .await
            .unwrap();
        assert_eq!(answer, "refused");
        assert_eq!(count(&lite), 0);
        lite.write(|c| Ok(c.with(|c| c.execute("INSERT INTO t (k, v) VALUES ('b', 1)", []))?))
            .await
            .unwrap();
        assert_eq!(count(&lite), 1, "the next unit is not discarded");
    }

    #[tokio::test]
    async fn an_answer_comes_after_the_commit() {
        let (dir, lite) = engine();
        lite.write(|c| Ok(c.with(|c| c.execute("INSERT INTO t (k, v) VALUES ('x', 7)", []))?))
            .await
            .unwrap();
        // Another connection (another process, say) sees it at once.
        let other = Connection::open(dir.path().join("t.db")).unwrap();
        let v: i64 = other
            .query_row("SELECT v FROM t WHERE k = 'x'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 7);
    }
}
