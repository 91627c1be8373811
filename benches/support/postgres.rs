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
