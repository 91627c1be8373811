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
//! - `json_array_elements($N::json)` becomes `json_each(?N)` on SQLite.
//!
//! `RETURNING` and `ON CONFLICT` are the same on both.

use anyhow::anyhow;
use std::sync::OnceLock;

/// SQL text written once, in PostgreSQL's dialect; its SQLite form is derived on first use.
pub struct Sql {
    text: &'static str,
    lite: OnceLock<String>,
}

impl Sql {
    pub const fn new(text: &'static str) -> Self {
        Self {
            text,
            lite: OnceLock::new(),
        }
    }

    pub(super) fn postgres(&self) -> &'static str {
        self.text
    }

    pub(crate) fn sqlite(&self) -> &str {
        self.lite.get_or_init(|| to_sqlite(self.text))
    }
}

/// The SQLite form of PostgreSQL text (see the module doc for each rule).
fn to_sqlite(postgres: &str) -> String {
    postgres
        .replace(" FOR UPDATE SKIP LOCKED", "")
        .replace("FOR UPDATE SKIP LOCKED", "")
        .replace("LIMIT $", "LIMIT +$")
        .replace("json_array_elements(", "json_each(")
        .replace("::json)", ")")
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
    use super::to_sqlite;

    #[test]
    fn the_sqlite_dialect_differs_only_where_the_executor_says() {
        assert_eq!(
            to_sqlite("SELECT a FROM t WHERE b = $1 AND c = $2"),
            "SELECT a FROM t WHERE b = ?1 AND c = ?2"
        );
        assert_eq!(
            to_sqlite("SELECT id FROM t ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)"),
            "SELECT id FROM t ORDER BY id LIMIT +?4)"
        );
        assert_eq!(
            to_sqlite("SELECT value FROM json_array_elements($1::json)"),
            "SELECT value FROM json_each(?1)"
        );
    }
}
