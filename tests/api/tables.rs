//! What a test's database holds, read back from the database itself: every table of the schema
//! (found in the engine's catalogue, so a table added by a later migration is covered without
//! editing this), every column, every row. [`TestApp::snapshot`] (equal before and after: nothing
//! changed) and [`TestApp::dump`] (searched for what must never be stored) are both built on it.

use crate::helpers::TestApp;
use offsite_gateway::store::Db;
use sea_orm::{ConnectionTrait, DatabaseBackend, QueryResult, Statement};

/// One stored value, as the engine gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Bool(bool),
    Real(f64),
    Bytes(Vec<u8>),
}

impl Cell {
    /// Reads column `i` of `row` as whichever type the engine says it holds (SQLite: the value's
    /// own type; PostgreSQL: the column's). A type not listed here fails loudly, naming the
    /// column, so a new kind of column cannot slip out of the snapshot unseen.
    fn read(row: &QueryResult, i: usize, column: &str) -> Cell {
        macro_rules! try_as {
            ($t:ty, $cell:expr) => {
                if let Ok(v) = row.try_get_by_index::<Option<$t>>(i) {
                    return v.map_or(Cell::Null, $cell);
                }
            };
        }
        try_as!(String, Cell::Text);
        try_as!(i64, Cell::Int);
        try_as!(i32, |v| Cell::Int(v.into()));
        try_as!(i16, |v| Cell::Int(v.into()));
        try_as!(bool, Cell::Bool);
        try_as!(f64, Cell::Real);
        try_as!(Vec<u8>, Cell::Bytes);
        panic!("column {column}: a type the table reader does not know; add it to Cell::read");
    }

    /// The value as a snapshot line shows it: text quoted, bytes in hex, NULL distinct from any
    /// text.
    fn shown(&self) -> String {
        match self {
            Cell::Null => "NULL".into(),
            Cell::Text(t) => format!("{t:?}"),
            Cell::Int(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Real(r) => format!("{r:?}"),
            Cell::Bytes(b) => format!("x'{}'", hex::encode(b)),
        }
    }

    /// The value as a dump holds it, for searching: text as stored (no escaping to hide a match
    /// behind), bytes both in hex and read as text.
    fn raw(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Bytes(b) => format!("{} {}", hex::encode(b), String::from_utf8_lossy(b)),
            other => other.shown(),
        }
    }
}

/// One table: its name and its rows, each row its columns' names and values.
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<(String, Cell)>>,
}

/// The schema's tables, by name, from the engine's own catalogue. The catalogues are the one
/// place the engines truly differ here: SQLite has no `information_schema` and PostgreSQL no
/// `sqlite_master`. Both leave out the engine's own tables and `seaql_migrations`, sea-orm's
/// record of the migrations applied, which changes only with the schema.
async fn table_names(db: &Db) -> Vec<String> {
    catalogue(
        db,
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name <> 'seaql_migrations' ORDER BY 1",
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite/_%' ESCAPE '/' AND name <> 'seaql_migrations' ORDER BY 1",
    )
    .await
}

/// Every column of the schema, as `table.column`, from the catalogue (so empty tables count);
/// SQLite's columns are its `pragma_table_info`.
pub async fn column_names(db: &Db) -> Vec<String> {
    catalogue(
        db,
        "SELECT (table_name || '.' || column_name)::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name <> 'seaql_migrations' ORDER BY 1",
        "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite/_%' ESCAPE '/' \
         AND m.name <> 'seaql_migrations' ORDER BY 1",
    )
    .await
}

/// The one text column a catalogue query answers, with the text for the engine in use.
async fn catalogue(db: &Db, postgres: &str, sqlite: &str) -> Vec<String> {
    let backend = db.orm().get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => postgres,
        _ => sqlite,
    };
    let rows = db
        .orm()
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

/// Every row of every table, each table's rows sorted by their text, so two reads of the same
/// contents compare equal whatever order the engine returned them in.
pub async fn read_all(db: &Db) -> Vec<Table> {
    let backend = db.orm().get_database_backend();
    let mut tables = Vec::new();
    for name in table_names(db).await {
        // The same text on both engines: a quoted identifier and every column.
        let sql = format!("SELECT * FROM \"{name}\"");
        let result = db
            .orm()
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .unwrap();
        let mut rows: Vec<Vec<(String, Cell)>> = result
            .iter()
            .map(|row| {
                row.column_names()
                    .into_iter()
                    .enumerate()
                    .map(|(i, column)| {
                        let cell = Cell::read(row, i, &format!("{name}.{column}"));
                        (column, cell)
                    })
                    .collect()
            })
            .collect();
        rows.sort_by_cached_key(|row| line(row));
        tables.push(Table { name, rows });
    }
    tables
}

/// A row as one line: `column=value|column=value…`.
fn line(row: &[(String, Cell)]) -> String {
    row.iter()
        .map(|(c, v)| format!("{c}={}", v.shown()))
        .collect::<Vec<_>>()
        .join("|")
}

/// The signature doctor's list (protocol.md section 10): a refused signature of a known
/// merchant adds its line there (field names, never values) by design, so a test of a refusal
/// compares everything else and counts that list.
pub const REJECTIONS: &str = "signature_rejections";

impl TestApp {
    /// Every row of every table, every column (money columns included), as text: equal before
    /// and after = nothing changed. Taken once the callback worker has nothing left to deliver
    /// (see [`TestApp::outbox_idle`]).
    pub async fn snapshot(&self) -> Vec<String> {
        self.snapshot_except(&[]).await
    }

    /// The same, leaving out the tables named: for a test whose action is meant to write there
    /// (and which checks what it wrote), while nothing else may change.
    pub async fn snapshot_except(&self, left_out: &[&str]) -> Vec<String> {
        self.outbox_idle().await;
        let mut out = Vec::new();
        for table in read_all(&self.db).await {
            if left_out.contains(&table.name.as_str()) {
                continue;
            }
            out.push(format!("{}: {} rows", table.name, table.rows.len()));
            out.extend(table.rows.iter().map(|row| format!("  {}", line(row))));
        }
        out
    }

    /// A snapshot of everything but the signature doctor's list, and that list's length.
    pub async fn snapshot_beside_rejections(&self) -> (Vec<String>, i64) {
        let snapshot = self.snapshot_except(&[REJECTIONS]).await;
        let listed = self
            .count(&format!("SELECT COUNT(*) FROM {REJECTIONS}"))
            .await;
        (snapshot, listed)
    }

    /// Waits until no callback or webhook is waiting to be delivered. The app's own worker
    /// records each attempt as it makes it, so a snapshot taken while one is due would see the
    /// worker's progress, not the test's action, as a change. Callbacks the tests do not send
    /// elsewhere go to a receiver answering 200, so this takes milliseconds; one still waiting
    /// after 15 s is a test that snapshots while its callbacks are failing, and says so.
    pub async fn outbox_idle(&self) {
        let waiting = "SELECT COUNT(*) FROM callbacks WHERE status = 'pending'";
        let idle =
            crate::helpers::eventually(15, || async { self.count(waiting).await == 0 }).await;
        assert!(
            idle,
            "callbacks are still being delivered: a snapshot now would race the worker"
        );
    }

    /// Every stored value as text ([`dump_tables`]) and, on SQLite, every byte of the
    /// database's files ([`dump_files`]).
    pub async fn dump(&self) -> String {
        let mut all = dump_tables(&self.db).await;
        if let Some(dir) = self.sqlite_dir() {
            all.push_str(&dump_files(dir));
        }
        all
    }

    /// The names of the tables the snapshot and the dump read.
    pub async fn table_names(&self) -> Vec<String> {
        table_names(&self.db).await
    }
}

/// Every stored value of every table, as text, one `table.column=value` a line: what a search
/// for data that must never be stored reads, on either engine.
pub async fn dump_tables(db: &Db) -> String {
    let mut all = String::new();
    for table in read_all(db).await {
        for row in &table.rows {
            for (column, cell) in row {
                all.push_str(&format!("{}.{column}={}\n", table.name, cell.raw()));
            }
        }
    }
    all
}

/// Every byte of the files in `dir` (a SQLite database with its journal, where freed pages and
/// old page images keep what the tables no longer show), read as text.
pub fn dump_files(dir: &std::path::Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        all.push_str(&String::from_utf8_lossy(&bytes));
        all.push('\n');
    }
    all
}

#[tokio::test]
async fn the_snapshot_reads_every_table_and_sees_a_change_to_any_column() {
    let app = TestApp::spawn().await;
    let tables = app.table_names().await;
    for table in [
        "merchants",
        "payments",
        "operations",
        "callbacks",
        "callback_attempts",
        "idempotency_keys",
        "audit_events",
        "api_keys",
        "webhook_endpoints",
        "payment_events",
    ] {
        assert!(tables.iter().any(|t| t == table), "{table}: {tables:?}");
    }
    assert!(!tables.iter().any(|t| t == "seaql_migrations"));
    let page = app.open_payment(app.request("snapshot-self")).await;
    let id = page.trim_start_matches("/pay/");
    assert_eq!(
        app.get_page(&page).await.0,
        200,
        "its first view is recorded"
    );
    let before = app.snapshot().await;
    assert_eq!(
        app.snapshot().await,
        before,
        "the same contents read the same"
    );
    assert!(
        before
            .iter()
            .any(|l| l.contains("refunded_minor=") && l.contains("\"snapshot-self\"")),
        "the money columns are there: {before:?}"
    );
    // A money column, and a table no snapshot used to read.
    app.exec(&format!(
        "UPDATE payments SET refunded_minor = 1 WHERE id = '{id}'"
    ))
    .await;
    let after = app.snapshot().await;
    assert_ne!(after, before, "a refunded amount changed");
    app.exec(&format!(
        "UPDATE payments SET refunded_minor = 0 WHERE id = '{id}'"
    ))
    .await;
    assert_eq!(app.snapshot().await, before);
    app.exec("DELETE FROM payment_events").await;
    let after = app.snapshot().await;
    assert_ne!(after, before, "the page's first view is forgotten");
    let except = app.snapshot_except(&["payment_events"]).await;
    assert!(!except.iter().any(|l| l.starts_with("payment_events:")));
    assert_eq!(except.len(), after.len() - 1, "{except:?}");
}
