//! The database schema as sea-orm migrations, one file per change; an applied migration is
//! never edited. The gateway runs them on every start.

pub use sea_orm_migration::prelude::*;

mod m20261120_000001_create_merchants;
mod m20261120_000002_create_payments;
mod m20261120_000003_create_test_processor_charges;
mod m20261120_000004_create_callbacks;
mod m20261120_000005_order_management;
mod m20261201_000006_pay_attempts;
mod m20261201_000007_merchant_accounts;
mod m20261201_000008_payment_expiry;
mod m20261201_000009_payment_events;
mod m20261201_000010_sessions_api;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261120_000001_create_merchants::Migration),
            Box::new(m20261120_000002_create_payments::Migration),
            Box::new(m20261120_000003_create_test_processor_charges::Migration),
            Box::new(m20261120_000004_create_callbacks::Migration),
            Box::new(m20261120_000005_order_management::Migration),
            Box::new(m20261201_000006_pay_attempts::Migration),
            Box::new(m20261201_000007_merchant_accounts::Migration),
            Box::new(m20261201_000008_payment_expiry::Migration),
            Box::new(m20261201_000009_payment_events::Migration),
            Box::new(m20261201_000010_sessions_api::Migration),
        ]
    }
}
