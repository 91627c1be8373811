//! Scratch PostgreSQL databases for the benchmarks: created empty on the server behind an admin
//! URL, dropped afterwards.

use sea_orm::{ConnectionTrait, DatabaseConnection};

/// A scratch database on the server behind `admin`.
pub struct Scratch {
    admin: DatabaseConnection,
    name: String,
    /// Its URL.
    pub url: String,
}

impl Scratch {
    /// Creates the empty database `name` (dropping what an interrupted run left under that name).
    pub async fn create(admin: &str, name: &str) -> Scratch {
        let admin_db = sea_orm::Database::connect(admin).await.unwrap();
        let _ = admin_db
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await;
        admin_db
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        let mut url = url::Url::parse(admin).unwrap();
        url.set_path(&format!("/{name}"));
        Scratch {
            admin: admin_db,
            name: name.to_string(),
            url: url.to_string(),
        }
    }

    /// Drops the database.
    pub async fn drop(self) {
        let _ = self
            .admin
            .execute_unprepared(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .await;
    }
}

/// The database a bench runs on: a scratch PostgreSQL database on the server behind `admin`
/// (the bench's `--postgres URL`), or else a SQLite file in `dir`. Returns its label, its URL,
/// and the scratch database to keep alive until the end (dropped with it).
#[allow(dead_code)] // the load bench makes its own scratch databases
pub async fn bench_database(
    admin: Option<String>,
    dir: &std::path::Path,
) -> (&'static str, String, Option<Scratch>) {
    match admin {
        Some(admin) => {
            let name = format!("gw_bench_{}", offsite_gateway::crypto::random_hex::<6>());
            let scratch = Scratch::create(&admin, &name).await;
            ("PostgreSQL", scratch.url.clone(), Some(scratch))
        }
        None => (
            "SQLite",
            format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()),
            None,
        ),
    }
}
