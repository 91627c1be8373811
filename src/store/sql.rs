//! Statements as the store writes them: SQL text in PostgreSQL's dialect with `$1`
//! placeholders ([`Sql`], which derives the SQLite text once), typed parameters ([`Value`],
//! [`params!`]) and rows read by index ([`Row`]). Where and how a statement runs is the
//! executor's, in [`super::db`]. The dialect differences, all of them:
//!
//! - `$N` becomes `?N` on SQLite;
//! - `FOR UPDATE SKIP LOCKED` is dropped on SQLite, which has one writer, so a claim is already
//!   exclusive;
//! - `LIMIT $N` becomes `LIMIT +?N` on SQLite, which (with STAT4) plans with a bound LIMIT's
//!   value, so rebinding a plain one re-prepares the statement at every call; the unary plus
//!   keeps the value out of the plan;
//! - a statement run for many rows at once ([`super::db::Tx::exec_each`]) runs per row on
//!   SQLite, where a prepared statement costs little to run again; PostgreSQL gets the rows as
//!   one JSON parameter and one statement derived from the per-row text ([`Sql::batched`]), so
//!   a batch is one network round trip instead of one per row.
//!
//! `RETURNING` and `ON CONFLICT` are the same on both.

use anyhow::anyhow;
use std::sync::OnceLock;

/// SQL text written once, in PostgreSQL's dialect; its SQLite form is derived on first use.
pub struct Sql {
    text: &'static str,
    lite: OnceLock<String>,
    batched: OnceLock<anyhow::Result<String, String>>,
}

impl Sql {
    pub const fn new(text: &'static str) -> Self {
        Self {
            text,
            lite: OnceLock::new(),
            batched: OnceLock::new(),
        }
    }

    pub(super) fn postgres(&self) -> &'static str {
        self.text
    }

    pub(crate) fn sqlite(&self) -> &str {
        self.lite.get_or_init(|| sqlite_dialect(self.text))
    }

    /// The PostgreSQL statement that runs this per-row `INSERT … VALUES (…)` or `UPDATE …
    /// WHERE …` for every row of a JSON array given as `$1`: each `$N` becomes the member `pN`
    /// of a row of `json_to_recordset`, typed as the first row's values are.
    pub(super) fn batched(&self, first_row: &[Value]) -> anyhow::Result<&str> {
        self.batched
            .get_or_init(|| to_postgres_batch(self.text, first_row).map_err(|e| e.to_string()))
            .as_deref()
            .map_err(|e| anyhow!("{e}: {}", self.text))
    }
}

/// See [`Sql::batched`].
fn to_postgres_batch(per_row: &str, first_row: &[Value]) -> Result<String, &'static str> {
    let mut columns = Vec::with_capacity(first_row.len());
    for (i, v) in first_row.iter().enumerate() {
        let t = match v {
            Value::Int(_) => "bigint",
            Value::Int4(_) => "integer",
            Value::Bool(_) => "boolean",
            Value::Text(_) => "text",
            Value::Bytes(_) => return Err("bytes cannot travel in a JSON batch"),
        };
        columns.push(format!("p{} {t}", i + 1));
    }
    let rows = format!("json_to_recordset($1::json) AS v({})", columns.join(", "));
    let members = placeholders_to_members(per_row);
    let trimmed = members.trim_start();
    if trimmed.starts_with("INSERT") {
        let start = members
            .find("VALUES (")
            .ok_or("an INSERT without VALUES (…)")?;
        let end = start + members[start..].find(')').ok_or("VALUES without its )")?;
        let values = &members[start + "VALUES (".len()..end];
        Ok(format!(
            "{}SELECT {values} FROM {rows}{}",
            &members[..start],
            &members[end + 1..]
        ))
    } else if trimmed.starts_with("UPDATE") {
        let at = members.rfind("WHERE").ok_or("an UPDATE without WHERE")?;
        Ok(format!("{}FROM {rows} {}", &members[..at], &members[at..]))
    } else {
        Err("only an INSERT … VALUES or an UPDATE … WHERE runs as a batch")
    }
}

/// `$N` → `v.pN`.
fn placeholders_to_members(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push_str("v.p");
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                out.push(d);
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Value {
    /// The value as a member of a JSON batch row.
    pub(super) fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Int(v) => v.map_or(J::Null, J::from),
            Value::Int4(v) => v.map_or(J::Null, J::from),
            Value::Bool(v) => v.map_or(J::Null, J::from),
            Value::Text(v) => v.clone().map_or(J::Null, J::from),
            Value::Bytes(_) => J::Null,
        }
    }
}

/// The SQLite form of PostgreSQL text (see the module doc for each rule).
fn sqlite_dialect(postgres: &str) -> String {
    postgres
        .replace(" FOR UPDATE SKIP LOCKED", "")
        .replace("FOR UPDATE SKIP LOCKED", "")
        .replace("LIMIT $", "LIMIT +$")
        .replace('$', "?")
}

/// A typed statement parameter. `None` is a typed NULL, as PostgreSQL needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(Option<i64>),
    Int4(Option<i32>),
    Bool(Option<bool>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
}

macro_rules! value_from {
    ($variant:ident, $t:ty) => {
        impl From<$t> for Value {
            fn from(v: $t) -> Self {
                Value::$variant(Some(v.into()))
            }
        }
        impl From<Option<$t>> for Value {
            fn from(v: Option<$t>) -> Self {
                Value::$variant(v.map(Into::into))
            }
        }
    };
}
value_from!(Int, i64);
value_from!(Int4, i32);
value_from!(Bool, bool);
value_from!(Text, String);
value_from!(Text, &str);
value_from!(Bytes, Vec<u8>);

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Int(Some(i)) => ToSqlOutput::from(*i),
            Value::Int4(Some(i)) => ToSqlOutput::from(*i),
            Value::Bool(Some(b)) => ToSqlOutput::from(*b),
            Value::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Bytes(Some(b)) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            _ => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

impl From<Value> for sea_orm::Value {
    fn from(v: Value) -> Self {
        match v {
            Value::Int(v) => v.into(),
            Value::Int4(v) => v.into(),
            Value::Bool(v) => v.into(),
            Value::Text(v) => v.into(),
            Value::Bytes(v) => v.into(),
        }
    }
}

/// The parameters of a statement, in placeholder order.
macro_rules! params {
    ($($v:expr),* $(,)?) => {
        vec![$($crate::store::sql::Value::from($v)),*]
    };
}

/// A column type both engines can read.
pub trait Column: rusqlite::types::FromSql + sea_orm::TryGetable {}
impl<T: rusqlite::types::FromSql + sea_orm::TryGetable> Column for T {}

/// One result row, read by column index.
pub struct Row<'a>(RowOf<'a>);

impl<'a> Row<'a> {
    pub(super) fn lite(row: &'a rusqlite::Row<'a>) -> Self {
        Row(RowOf::Lite(row))
    }

    pub(super) fn postgres(row: &'a sea_orm::QueryResult) -> Self {
        Row(RowOf::Postgres(row))
    }
}

enum RowOf<'a> {
    Lite(&'a rusqlite::Row<'a>),
    Postgres(&'a sea_orm::QueryResult),
}

impl Row<'_> {
    pub fn get<T: Column>(&self, index: usize) -> anyhow::Result<T> {
        match &self.0 {
            RowOf::Lite(r) => Ok(r.get(index)?),
            RowOf::Postgres(r) => r
                .try_get_by_index(index)
                .map_err(|e| anyhow!("reading column {index}: {e:?}")),
        }
    }
}

/// A row mapper.
pub type Map<T> = fn(&Row<'_>) -> anyhow::Result<T>;

#[cfg(test)]
mod tests {
    use super::sqlite_dialect;

    #[test]
    fn the_sqlite_dialect_differs_only_where_the_executor_says() {
        assert_eq!(
            sqlite_dialect("SELECT a FROM t WHERE b = $1 AND c = $2"),
            "SELECT a FROM t WHERE b = ?1 AND c = ?2"
        );
        assert_eq!(
            sqlite_dialect("SELECT id FROM t ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)"),
            "SELECT id FROM t ORDER BY id LIMIT +?4)"
        );
    }

    #[test]
    fn a_per_row_statement_becomes_one_postgresql_batch() {
        use super::{Value, to_postgres_batch};
        let row = [
            Value::from(1i64),
            Value::from("a"),
            Value::from(None::<i32>),
        ];
        assert_eq!(
            to_postgres_batch(
                "INSERT INTO t (a, b, c) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &row
            )
            .unwrap(),
            "INSERT INTO t (a, b, c) SELECT v.p1, v.p2, v.p3 FROM json_to_recordset($1::json) \
             AS v(p1 bigint, p2 text, p3 integer) ON CONFLICT DO NOTHING"
        );
        assert_eq!(
            to_postgres_batch("UPDATE t SET b = $2, c = $3 WHERE a = $1 AND $12 > 0", &row)
                .unwrap(),
            "UPDATE t SET b = v.p2, c = v.p3 FROM json_to_recordset($1::json) \
             AS v(p1 bigint, p2 text, p3 integer) WHERE a = v.p1 AND v.p12 > 0"
        );
        assert!(to_postgres_batch("DELETE FROM t WHERE a = $1", &row).is_err());
    }
}
