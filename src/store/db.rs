//! The executor: where and how a statement of the store runs.
//!
//! - **Where.** On SQLite every write goes to the [`Lite`] writer thread, group-committed with
//!   whatever else is queued; reads run in place on a reader connection. On PostgreSQL both go
//!   through the pool, and [`Db::exec_grouped`] statements share one transaction per batch.
//! - **Units of work.** [`Db::write`] runs several statements as one unit: on SQLite in its own
//!   savepoint inside the writer's group transaction, on PostgreSQL in a transaction of its own.
//!   A unit is a closure returning a boxed future over a [`Tx`], so the same code serves both:
//!   on SQLite the future completes at its first poll (nothing in it waits), on PostgreSQL it
//!   awaits the network. An error undoes the unit; so does [`Tx::discard`], for a unit that
//!   answers but must change nothing.

use super::lite::{self, Lite};
use super::sql::{Map, Row, Sql, Value};
use anyhow::{Context, anyhow};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, DatabaseTransaction, TransactionTrait,
};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::{mpsc, oneshot};

/// A boxed future, as a unit of work returns.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// A unit of work for [`Db::write`].
pub trait Unit<R>:
    for<'t> FnOnce(Tx<'t>) -> BoxFuture<'t, anyhow::Result<R>> + Send + 'static
{
}
impl<R, F> Unit<R> for F where
    F: for<'t> FnOnce(Tx<'t>) -> BoxFuture<'t, anyhow::Result<R>> + Send + 'static
{
}

fn lite_exec(c: &rusqlite::Connection, sql: &Sql, params: &[Value]) -> anyhow::Result<u64> {
    let changed = c
        .prepare_cached(sql.sqlite())?
        .execute(rusqlite::params_from_iter(params))?;
    Ok(changed as u64)
}

fn lite_fetch<T>(
    c: &rusqlite::Connection,
    sql: &Sql,
    params: &[Value],
    map: Map<T>,
) -> anyhow::Result<Vec<T>> {
    let mut statement = c.prepare_cached(sql.sqlite())?;
    let mut rows = statement.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(map(&Row::lite(row))?);
    }
    Ok(out)
}

fn pg_statement(sql: &Sql, params: Vec<Value>) -> sea_orm::Statement {
    sea_orm::Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        sql.postgres(),
        params.into_iter().map(sea_orm::Value::from),
    )
}

async fn pg_exec<C: ConnectionTrait>(c: &C, sql: &Sql, params: Vec<Value>) -> anyhow::Result<u64> {
    Ok(c.execute_raw(pg_statement(sql, params))
        .await?
        .rows_affected())
}

async fn pg_fetch<C: ConnectionTrait, T>(
    c: &C,
    sql: &Sql,
    params: Vec<Value>,
    map: Map<T>,
) -> anyhow::Result<Vec<T>> {
    c.query_all_raw(pg_statement(sql, params))
        .await?
        .iter()
        .map(|r| map(&Row::postgres(r)))
        .collect()
}

/// The open unit of work a [`Db::write`] closure runs its statements in.
#[derive(Clone, Copy)]
pub struct Tx<'t>(TxOf<'t>);

#[derive(Clone, Copy)]
enum TxOf<'t> {
    Lite(&'t lite::Conn),
    Postgres(&'t DatabaseTransaction, &'t AtomicBool),
}

impl Tx<'_> {
    /// Runs a statement; returns the number of rows it changed.
    pub async fn exec(self, sql: &Sql, params: Vec<Value>) -> anyhow::Result<u64> {
        match self.0 {
            TxOf::Lite(c) => c.with(|c| lite_exec(c, sql, &params)),
            TxOf::Postgres(t, _) => pg_exec(t, sql, params).await,
        }
    }

    /// Runs a per-row statement for each of `rows` (see [`Sql::batched`] for PostgreSQL);
    /// returns the rows changed in all.
    pub async fn exec_each(self, sql: &Sql, rows: Vec<Vec<Value>>) -> anyhow::Result<u64> {
        let Some(first) = rows.first() else {
            return Ok(0);
        };
        match self.0 {
            TxOf::Lite(c) => c.with(|c| {
                let mut changed = 0;
                for row in &rows {
                    changed += lite_exec(c, sql, row)?;
                }
                Ok(changed)
            }),
            TxOf::Postgres(t, _) => {
                let batch = sql.batched(first)?;
                let json: Vec<serde_json::Map<String, serde_json::Value>> = rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .enumerate()
                            .map(|(i, v)| (format!("p{}", i + 1), v.to_json()))
                            .collect()
                    })
                    .collect();
                let statement = sea_orm::Statement::from_sql_and_values(
                    DatabaseBackend::Postgres,
                    batch,
                    [sea_orm::Value::from(serde_json::to_string(&json)?)],
                );
                Ok(t.execute_raw(statement).await?.rows_affected())
            }
        }
    }

    /// Runs a statement and maps every row it returns.
    pub async fn fetch_all<T>(
        self,
        sql: &Sql,
        params: Vec<Value>,
        map: Map<T>,
    ) -> anyhow::Result<Vec<T>> {
        match self.0 {
            TxOf::Lite(c) => c.with(|c| lite_fetch(c, sql, &params, map)),
            TxOf::Postgres(t, _) => pg_fetch(t, sql, params, map).await,
        }
    }

    /// The first row, if any.
    pub async fn fetch_optional<T>(
        self,
        sql: &Sql,
        params: Vec<Value>,
        map: Map<T>,
    ) -> anyhow::Result<Option<T>> {
        Ok(self.fetch_all(sql, params, map).await?.into_iter().next())
    }

    /// Undoes this unit's changes when it ends, whatever it answers.
    pub fn discard(self) {
        match self.0 {
            TxOf::Lite(c) => c.discard(),
            TxOf::Postgres(_, discard) => discard.store(true, Ordering::Relaxed),
        }
    }
}

/// Runs a unit's future on the SQLite writer thread. Nothing in a unit waits on SQLite, so it
/// completes at its first poll; a unit that would wait is a bug, reported as an error.
fn complete_now<R>(future: BoxFuture<'_, anyhow::Result<R>>) -> anyhow::Result<R> {
    let mut future = future;
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(r) => r,
        std::task::Poll::Pending => Err(anyhow!("a unit of work waited on the SQLite writer")),
    }
}

/// The database: the engine the queries run on, and the sea-orm connection that migrations (and
/// tests' ad-hoc SQL) use.
#[derive(Clone, Debug)]
pub struct Db {
    orm: DatabaseConnection,
    engine: Engine,
}

#[derive(Clone, Debug)]
enum Engine {
    Lite(Arc<Lite>),
    Postgres(mpsc::Sender<Grouped>),
}

impl Db {
    pub(super) fn sqlite(orm: DatabaseConnection, lite: Lite) -> Self {
        Self {
            orm,
            engine: Engine::Lite(Arc::new(lite)),
        }
    }

    /// Must be called inside the runtime: it starts the task that group-commits
    /// [`Db::exec_grouped`] statements.
    pub(super) fn postgres(orm: DatabaseConnection) -> Self {
        let (queue, batches) = mpsc::channel(4 * MAX_GROUP);
        tokio::spawn(run_groups(orm.clone(), batches));
        Self {
            orm,
            engine: Engine::Postgres(queue),
        }
    }

    /// The sea-orm connection: for migrations and for tests' and tools' ad-hoc SQL. The
    /// gateway's own queries go through the executor's methods.
    pub fn orm(&self) -> &DatabaseConnection {
        &self.orm
    }

    /// The connection pool's use now: open connections, idle ones, and the most it opens. On
    /// PostgreSQL it is the pool every query uses; on SQLite the sea-orm pool beside the
    /// engine's own writer thread and readers.
    pub fn pool_use(&self) -> (u32, u32, u32) {
        fn of<D: sea_orm::sqlx::Database>(p: &sea_orm::sqlx::Pool<D>) -> (u32, u32, u32) {
            let idle = u32::try_from(p.num_idle()).unwrap_or(u32::MAX);
            (p.size(), idle, p.options().get_max_connections())
        }
        match &self.engine {
            Engine::Postgres(_) => of(self.orm.get_postgres_connection_pool()),
            Engine::Lite(_) => of(self.orm.get_sqlite_connection_pool()),
        }
    }

    /// Runs a read and maps every row.
    pub async fn fetch_all<T>(
        &self,
        sql: &Sql,
        params: Vec<Value>,
        map: Map<T>,
    ) -> anyhow::Result<Vec<T>> {
        match &self.engine {
            Engine::Lite(lite) => lite.read(|c| lite_fetch(c, sql, &params, map)),
            Engine::Postgres(_) => pg_fetch(&self.orm, sql, params, map).await,
        }
    }

    /// A read's first row, if any.
    pub async fn fetch_optional<T>(
        &self,
        sql: &Sql,
        params: Vec<Value>,
        map: Map<T>,
    ) -> anyhow::Result<Option<T>> {
        Ok(self.fetch_all(sql, params, map).await?.into_iter().next())
    }

    /// A write of one statement; returns the rows it changed. On SQLite it needs no savepoint
    /// of its own: a failed statement already undoes itself.
    pub async fn exec(&self, sql: &'static Sql, params: Vec<Value>) -> anyhow::Result<u64> {
        match &self.engine {
            Engine::Lite(lite) => {
                lite.write_statement(move |c| c.with(|c| lite_exec(c, sql, &params)))
                    .await
            }
            Engine::Postgres(_) => pg_exec(&self.orm, sql, params).await,
        }
    }

    /// A write of one statement that returns rows (`… RETURNING`).
    pub async fn exec_fetch<T: Send + 'static>(
        &self,
        sql: &'static Sql,
        params: Vec<Value>,
        map: Map<T>,
    ) -> anyhow::Result<Vec<T>> {
        match &self.engine {
            Engine::Lite(lite) => {
                lite.write_statement(move |c| c.with(|c| lite_fetch(c, sql, &params, map)))
                    .await
            }
            Engine::Postgres(_) => pg_fetch(&self.orm, sql, params, map).await,
        }
    }

    /// [`Db::exec`] for a statement that arrives in bursts (a payment insert): on PostgreSQL
    /// the statements queued together commit in one transaction (group commit), as every
    /// SQLite write already does.
    pub async fn exec_grouped(&self, sql: &'static Sql, params: Vec<Value>) -> anyhow::Result<u64> {
        let Engine::Postgres(queue) = &self.engine else {
            return self.exec(sql, params).await;
        };
        let (reply, answer) = oneshot::channel();
        let stopped = || anyhow!("the PostgreSQL group writer has stopped");
        queue
            .send(Grouped { sql, params, reply })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?.map_err(|e| anyhow!(e))
    }

    /// Runs `unit` as one unit of work: all of its statements take effect, or none does.
    pub async fn write<R: Send + 'static>(&self, unit: impl Unit<R>) -> anyhow::Result<R> {
        match &self.engine {
            Engine::Lite(lite) => {
                lite.write(move |c| complete_now(unit(Tx(TxOf::Lite(c)))))
                    .await
            }
            Engine::Postgres(_) => {
                let txn = self.orm.begin().await.context("beginning a transaction")?;
                let discard = AtomicBool::new(false);
                let result = unit(Tx(TxOf::Postgres(&txn, &discard))).await;
                match result {
                    Ok(r) if !discard.load(Ordering::Relaxed) => {
                        txn.commit().await.context("committing")?;
                        Ok(r)
                    }
                    Ok(r) => {
                        txn.rollback().await?;
                        Ok(r)
                    }
                    Err(e) => {
                        let _ = txn.rollback().await;
                        Err(e)
                    }
                }
            }
        }
    }
}

/// The most statements one PostgreSQL group transaction takes.
const MAX_GROUP: usize = 128;

struct Grouped {
    sql: &'static Sql,
    params: Vec<Value>,
    reply: oneshot::Sender<Result<u64, String>>,
}

impl std::fmt::Debug for Grouped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Grouped")
    }
}

/// Commits the statements queued together in one transaction. The same prepared single-row
/// statement each time: a multi-row statement's text would change with the batch size, and
/// PostgreSQL would parse and plan it nearly every time (806 instead of 2,273 payments/s). If
/// the batch fails, each statement is tried alone, so one bad row fails only its own caller.
async fn run_groups(orm: DatabaseConnection, mut queue: mpsc::Receiver<Grouped>) {
    let mut batch = Vec::with_capacity(MAX_GROUP);
    while queue.recv_many(&mut batch, MAX_GROUP).await > 0 {
        match commit_group(&orm, &batch).await {
            Ok(changed) => {
                for (g, n) in batch.drain(..).zip(changed) {
                    let _ = g.reply.send(Ok(n));
                }
            }
            Err(_) => {
                for g in batch.drain(..) {
                    let alone = pg_exec(&orm, g.sql, g.params).await;
                    let _ = g.reply.send(alone.map_err(|e| format!("{e:#}")));
                }
            }
        }
    }
}

async fn commit_group(orm: &DatabaseConnection, batch: &[Grouped]) -> anyhow::Result<Vec<u64>> {
    let txn = orm.begin().await?;
    let mut changed = Vec::with_capacity(batch.len());
    for g in batch {
        changed.push(pg_exec(&txn, g.sql, g.params.clone()).await?);
    }
    txn.commit().await?;
    Ok(changed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_unit_that_would_wait_on_the_writer_is_an_error() {
        let ready = super::complete_now(Box::pin(async { Ok(7) }));
        assert_eq!(ready.unwrap(), 7);
        let waits = super::complete_now::<()>(Box::pin(async {
            std::future::pending::<()>().await;
            Ok(())
        }));
        assert!(waits.unwrap_err().to_string().contains("waited"));
    }
}
