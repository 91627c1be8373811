//! Storage: connecting to SQLite or PostgreSQL, migrating, and every query the gateway makes.
//! sea-orm models stay inside this module; callers get the plain types defined here.
//!
//! On an SQLite file the serving paths (payment inserts, lookups, state changes, the test
//! processor's ledger, order operations, callback claims and records) go through [`lite`]: one
//! writer thread with group commits, and readers in place. Each such function keeps its sea-orm
//! path for PostgreSQL, with the same SQL where the dialects agree.

pub mod callbacks;
mod entities;
pub mod lite;
pub mod merchants;
pub mod operations;
pub mod payments;
pub mod test_charges;

use crate::config::Settings;
use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::postgres::PgSslMode;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr, SqlErr};
use std::time::Duration;
use time::OffsetDateTime;

/// The database: the sea-orm connection every query can use, and for an SQLite file the
/// [`lite::Lite`] engine that the serving paths write and read through (one writer, group
/// commits). Derefs to the sea-orm connection.
#[derive(Clone, Debug)]
pub struct Db {
    orm: DatabaseConnection,
    lite: Option<std::sync::Arc<lite::Lite>>,
}

impl std::ops::Deref for Db {
    type Target = DatabaseConnection;

    fn deref(&self) -> &DatabaseConnection {
        &self.orm
    }
}

impl Db {
    /// The sea-orm connection, for the generic query builders.
    pub fn orm(&self) -> &DatabaseConnection {
        &self.orm
    }

    /// The SQLite engine, when the database is an SQLite file.
    pub fn lite(&self) -> Option<&lite::Lite> {
        self.lite.as_deref()
    }
}

/// Opens the database (creating an SQLite file if needed) and applies pending migrations.
pub async fn connect(settings: &Settings) -> anyhow::Result<Db> {
    let synchronous = if settings.sqlite_synchronous_full {
        SqliteSynchronous::Full
    } else {
        SqliteSynchronous::Normal
    };
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        .max_connections(settings.pool_size())
        .min_connections(1)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            // WAL lets readers run beside the one writer; FULL (the default) fsyncs every commit
            // because a committed payment must survive a power cut. Writers queue on the busy
            // timeout instead of failing.
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(synchronous)
                .busy_timeout(Duration::from_secs(15))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    if !settings.database_url.contains("sslmode=") {
        options.map_sqlx_postgres_opts(|o| {
            // TLS on a loopback connection protects nothing, and negotiating it ("prefer")
            // cost ~190 ms of every start-up here. Remote hosts keep libpq's default; an explicit
            // sslmode in DATABASE_URL always wins.
            if is_loopback_host(o.get_host()) {
                o.ssl_mode(PgSslMode::Disable)
            } else {
                o
            }
        });
    }
    let db = Database::connect(options)
        .await
        .with_context(|| format!("connecting to {}", settings.database_for_log()))?;
    Migrator::up(&db, None)
        .await
        .context("applying database migrations")?;
    let lite = match settings.sqlite_path() {
        Some(path) if !settings.is_postgres() => Some(std::sync::Arc::new(lite::Lite::open(
            &path,
            settings.sqlite_synchronous_full,
        )?)),
        _ => None,
    };
    Ok(Db { orm: db, lite })
}

fn is_loopback_host(host: &str) -> bool {
    host == "localhost"
        || host.starts_with('/')
        || host
            .trim_matches(|c| c == '[' || c == ']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Milliseconds since the Unix epoch, the unit of every stored time.
pub fn now_millis() -> i64 {
    millis(OffsetDateTime::now_utc())
}

pub fn millis(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

pub fn from_millis(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// SQL written with PostgreSQL's `$1` placeholders, for the connection's backend (SQLite takes
/// the same numbers as `?1`).
fn sql_for(backend: sea_orm::DatabaseBackend, postgres: &str) -> String {
    match backend {
        sea_orm::DatabaseBackend::Postgres => postgres.to_string(),
        _ => postgres.replace('$', "?"),
    }
}

/// A statement from SQL written with `$1` placeholders, for `backend`.
fn statement(
    backend: sea_orm::DatabaseBackend,
    postgres: &str,
    values: impl IntoIterator<Item = sea_orm::Value>,
) -> sea_orm::Statement {
    sea_orm::Statement::from_sql_and_values(backend, sql_for(backend, postgres), values)
}

fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "127.0.0.1",
            "::1",
            "[::1]",
            "/var/run/postgresql",
        ] {
            assert!(super::is_loopback_host(h), "{h}");
        }
        for h in ["db.example.com", "10.0.0.5", "192.168.1.2"] {
            assert!(!super::is_loopback_host(h), "{h}");
        }
    }
}
