//! Storage: connecting to SQLite or PostgreSQL, migrating, and every query the gateway makes.
//! Each query is a function in the module of what it stores, written once and run through the
//! executor ([`sql`]), which alone knows how the engines differ. Callers get the plain types
//! defined here; no SQL leaves this module.

#[macro_use]
pub mod sql;
pub mod api_keys;
pub mod attempts;
pub mod audit;
pub mod callbacks;
pub mod db;
pub mod expiry;
pub mod idempotency;
pub mod lite;
pub mod merchants;
pub mod objects;
pub mod operations;
pub mod outbox;
pub mod payment_list;
pub mod payments;
pub mod rejections;
pub mod sessions;
pub mod test_charges;
pub mod users;
pub mod webhooks;

pub use db::Db;

use anyhow::{Context, bail};
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::postgres::PgSslMode;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database};
use std::path::PathBuf;
use std::time::Duration;
use time::OffsetDateTime;

/// What opening the database needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// `sqlite://FILE?mode=rwc` or `postgres://…`.
    pub url: String,
    /// The sea-orm pool (on SQLite only migrations and tools use it).
    pub pool_size: u32,
    /// SQLite: fsync every commit (`FULL`) rather than at checkpoints (`NORMAL`).
    pub sqlite_synchronous_full: bool,
}

/// Whether a database URL names PostgreSQL.
pub fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The SQLite file behind a URL, if it names one.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| path.into())
}

/// A database URL with any password hidden, for logs.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// Opens the database (creating an SQLite file if needed) and applies pending migrations.
pub async fn connect(options: &Options) -> anyhow::Result<Db> {
    let postgres = is_postgres(&options.url);
    let file = sqlite_path(&options.url);
    if !postgres && file.is_none() {
        bail!("an SQLite database must be a file: sqlite://FILE?mode=rwc");
    }
    let synchronous = if options.sqlite_synchronous_full {
        SqliteSynchronous::Full
    } else {
        SqliteSynchronous::Normal
    };
    let mut orm = ConnectOptions::new(options.url.clone());
    orm.max_connections(options.pool_size)
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
    if !options.url.contains("sslmode=") {
        orm.map_sqlx_postgres_opts(|o| {
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
    let orm = Database::connect(orm)
        .await
        .with_context(|| format!("connecting to {}", redacted(&options.url)))?;
    Migrator::up(&orm, None)
        .await
        .context("applying database migrations")?;
    Ok(match file {
        Some(path) if !postgres => Db::sqlite(
            orm,
            lite::Lite::open(&path, options.sqlite_synchronous_full)?,
        ),
        _ => Db::postgres(orm),
    })
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

/// A stored time as RFC 3339 in UTC, to the second (`2026-12-01T10:30:00Z`).
pub fn format_millis(ms: i64) -> String {
    let t = from_millis(ms)
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

static PING: sql::Sql = sql::Sql::new("SELECT 1");

/// Whether the database answers a query now (for `/readyz`).
pub async fn ping(db: &Db) -> anyhow::Result<()> {
    // The row's value is not read: its type differs by engine (INT4 on PostgreSQL).
    db.fetch_optional(&PING, params![], |_| Ok(()))
        .await
        .context("the database did not answer")?;
    Ok(())
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
