//! Black-box tests through HTTP against the real server on port 0. Every test that touches
//! storage runs on SQLite by default and on PostgreSQL when `TEST_DATABASE_URL` is set (see
//! README): one binary, so the suite links once.

mod callbacks;
mod card_data;
mod checkout;
mod cli;
mod conformance;
mod crash;
mod dashboard;
mod dashboard_api;
mod dashboard_locale;
mod delivery;
mod demo;
mod descriptor;
mod doctor;
mod expiry;
mod helpers;
mod hosted_page;
mod limits;
mod locales;
mod operability;
mod orders;
mod payments;
mod process;
mod receiver;
mod recovery;
mod rotation;
mod rules;
mod security;
mod sessions_api;
mod signature_vectors;
mod ssrf;
mod tables;
mod webhooks_api;
