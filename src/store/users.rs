//! Dashboard users: one merchant each, invited with a one-time setup link (only its SHA-256 is
//! stored, valid 24 hours), with an argon2id password hash once they set one. Setting or
//! changing a password ends the user's other sessions in the same unit of work.

use super::audit::{self, Entry, Event};
use super::db::Db;
use super::now_millis;
use super::sql::{Row, Sql};
use crate::crypto::{random_hex, sortable_hex};
use sha2::{Digest, Sha256};

/// How long a setup link is valid.
pub const SETUP_VALID_MS: i64 = 24 * 3600 * 1000;

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub account_id: String,
    pub email: String,
    pub password_hash: Option<String>,
}

fn user(r: &Row<'_>) -> anyhow::Result<User> {
    Ok(User {
        id: r.get(0)?,
        account_id: r.get(1)?,
        email: r.get(2)?,
        password_hash: r.get(3)?,
    })
}

/// The stored form of a token handed to a browser (setup links, session cookies).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Emails are compared without case and surrounding space.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

static BY_EMAIL: Sql =
    Sql::new("SELECT id, account_id, email, password_hash FROM dashboard_users WHERE email = $1");
static BY_SETUP_TOKEN: Sql = Sql::new(
    "SELECT id, account_id, email, password_hash FROM dashboard_users
     WHERE setup_token_hash = $1 AND setup_expires_at > $2",
);
static INSERT: Sql = Sql::new(
    "INSERT INTO dashboard_users
         (id, account_id, email, password_hash, setup_token_hash, setup_expires_at, created_at)
     VALUES ($1, $2, $3, NULL, $4, $5, $6)",
);
static NEW_SETUP_TOKEN: Sql = Sql::new(
    "UPDATE dashboard_users SET setup_token_hash = $2, setup_expires_at = $3 WHERE id = $1",
);
/// Uses the setup link: only while it is valid, and only once.
static SET_PASSWORD: Sql = Sql::new(
    "UPDATE dashboard_users SET password_hash = $2, setup_token_hash = NULL,
         setup_expires_at = NULL
     WHERE id = $1 AND setup_token_hash = $3 AND setup_expires_at > $4",
);
static CHANGE_PASSWORD: Sql =
    Sql::new("UPDATE dashboard_users SET password_hash = $2 WHERE id = $1");
static END_SESSIONS: Sql = Sql::new("DELETE FROM dashboard_sessions WHERE user_id = $1");
static END_OTHER_SESSIONS: Sql =
    Sql::new("DELETE FROM dashboard_sessions WHERE user_id = $1 AND id_hash <> $2");

pub async fn find_by_email(db: &Db, email: &str) -> anyhow::Result<Option<User>> {
    db.fetch_optional(&BY_EMAIL, params![normalize_email(email)], user)
        .await
}

/// The user a setup link is for, while it is valid.
pub async fn by_setup_token(db: &Db, token: &str) -> anyhow::Result<Option<User>> {
    db.fetch_optional(
        &BY_SETUP_TOKEN,
        params![token_hash(token), now_millis()],
        user,
    )
    .await
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InviteRefused {
    #[error("{0:?} is not an email address")]
    BadEmail(String),
    #[error("this email already belongs to a user of another merchant")]
    OtherMerchant,
}

/// Invites `email` to `account_id`'s dashboard (or, for an existing user of that merchant,
/// issues a new setup link, which is how a lost password is reset); returns the link's token.
pub async fn invite(
    db: &Db,
    account_id: &str,
    email: &str,
) -> anyhow::Result<Result<String, InviteRefused>> {
    let email = normalize_email(email);
    let plausible = email.len() <= 254
        && email
            .split_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.contains('@'))
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if !plausible {
        return Ok(Err(InviteRefused::BadEmail(email)));
    }
    let token = random_hex::<32>();
    let now = now_millis();
    let expires = now + SETUP_VALID_MS;
    let existing = find_by_email(db, &email).await?;
    let hash = token_hash(&token);
    let (sql, values, detail) = match existing {
        Some(u) if u.account_id != account_id => return Ok(Err(InviteRefused::OtherMerchant)),
        Some(u) => (
            &NEW_SETUP_TOKEN,
            params![u.id.as_str(), hash, expires],
            format!("a new setup link for {}", u.email),
        ),
        None => (
            &INSERT,
            params![
                sortable_hex::<8>(),
                account_id,
                email.as_str(),
                hash,
                expires,
                now
            ],
            format!("invited {email}"),
        ),
    };
    let change = audit::Change {
        account_id: account_id.to_string(),
        actor: "cli".into(),
        ip: None,
        event: Event::UserInvited,
        detail,
        at: now,
    };
    audit::changed(db, sql, values, change).await?;
    Ok(Ok(token))
}

/// Sets the password through the setup link `token` (once, while valid), ending any session
/// the user had; whether the link was still good.
pub async fn set_password(
    db: &Db,
    user: &User,
    token: &str,
    hash: String,
    ip: Option<String>,
) -> anyhow::Result<bool> {
    let now = now_millis();
    let (user, token_hash) = (user.clone(), token_hash(token));
    db.write(move |tx| {
        Box::pin(async move {
            let set = params![user.id.as_str(), hash, token_hash, now];
            if tx.exec(&SET_PASSWORD, set).await? == 0 {
                return Ok(false);
            }
            tx.exec(&END_SESSIONS, params![user.id.as_str()]).await?;
            let entry = Entry {
                account_id: Some(&user.account_id),
                actor: &user.email,
                event: Event::PasswordSet,
                detail: "password set through the setup link",
                ip: ip.as_deref(),
            };
            audit::record_in(tx, &entry, now).await?;
            Ok(true)
        })
    })
    .await
}

/// Changes the password of a logged-in user; every other session of theirs ends.
pub async fn change_password(
    db: &Db,
    user: &User,
    keep_session: &str,
    hash: String,
    ip: Option<String>,
) -> anyhow::Result<()> {
    let now = now_millis();
    let (user, keep) = (user.clone(), keep_session.to_string());
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec(&CHANGE_PASSWORD, params![user.id.as_str(), hash])
                .await?;
            tx.exec(&END_OTHER_SESSIONS, params![user.id.as_str(), keep])
                .await?;
            let entry = Entry {
                account_id: Some(&user.account_id),
                actor: &user.email,
                event: Event::PasswordChanged,
                detail: "password changed; other sessions ended",
                ip: ip.as_deref(),
            };
            audit::record_in(tx, &entry, now).await
        })
    })
    .await
}
