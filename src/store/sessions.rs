//! Dashboard sessions: the cookie holds a random token, the database only its SHA-256, the
//! user and a per-session CSRF token. A session ends after 30 minutes idle or 12 hours in all,
//! at logout, and when the user's password is set or changed. A login always makes a new
//! session (no fixation: a token from before the login is never promoted).

use super::audit::{self, Entry, Event};
use super::db::Db;
use super::sql::{Row, Sql};
use super::users::{User, token_hash};
use crate::crypto::random_hex;

pub const IDLE_MS: i64 = 30 * 60 * 1000;
pub const ABSOLUTE_MS: i64 = 12 * 3600 * 1000;
/// A session's last-seen time is written at most this often.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// A live session and its user.
#[derive(Debug, Clone)]
pub struct Session {
    pub id_hash: String,
    pub csrf_token: String,
    pub user: User,
}

/// What a new session hands to the browser: the cookie's token.
pub struct Started {
    pub token: String,
}

static INSERT: Sql = Sql::new(
    "INSERT INTO dashboard_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $4)",
);
static EXPIRE_ALL: Sql =
    Sql::new("DELETE FROM dashboard_sessions WHERE last_seen_at < $1 OR created_at < $2");
static FIND: Sql = Sql::new(
    "SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at,
            u.id, u.account_id, u.email, u.password_hash
     FROM dashboard_sessions s JOIN dashboard_users u ON u.id = s.user_id
     WHERE s.id_hash = $1",
);
static TOUCH: Sql = Sql::new("UPDATE dashboard_sessions SET last_seen_at = $2 WHERE id_hash = $1");
static DELETE: Sql = Sql::new("DELETE FROM dashboard_sessions WHERE id_hash = $1");

/// Starts a session for `user` after a good password, with its audit row; expired sessions
/// of every user are dropped on the way.
pub async fn start(db: &Db, user: &User, ip: Option<String>, now: i64) -> anyhow::Result<Started> {
    let token = random_hex::<32>();
    let insert = params![
        token_hash(&token),
        user.id.as_str(),
        random_hex::<16>(),
        now
    ];
    let user = user.clone();
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec(&EXPIRE_ALL, params![now - IDLE_MS, now - ABSOLUTE_MS])
                .await?;
            tx.exec(&INSERT, insert).await?;
            let entry = Entry {
                account_id: Some(&user.account_id),
                actor: &user.email,
                event: Event::LoginSucceeded,
                detail: "logged in",
                ip: ip.as_deref(),
            };
            audit::record_in(tx, &entry, now).await
        })
    })
    .await?;
    Ok(Started { token })
}

/// The live session a cookie's token names; an expired one is deleted and is `None`.
pub async fn find(db: &Db, token: &str, now: i64) -> anyhow::Result<Option<Session>> {
    let id_hash = token_hash(token);
    let row = db
        .fetch_optional(&FIND, params![id_hash.as_str()], |r: &Row<'_>| {
            Ok((
                Session {
                    id_hash: r.get(0)?,
                    csrf_token: r.get(1)?,
                    user: User {
                        id: r.get(4)?,
                        account_id: r.get(5)?,
                        email: r.get(6)?,
                        password_hash: r.get(7)?,
                    },
                },
                r.get::<i64>(2)?,
                r.get::<i64>(3)?,
            ))
        })
        .await?;
    let Some((session, created, last_seen)) = row else {
        return Ok(None);
    };
    if now - last_seen >= IDLE_MS || now - created >= ABSOLUTE_MS {
        db.exec(&DELETE, params![id_hash]).await?;
        return Ok(None);
    }
    if now - last_seen >= TOUCH_EVERY_MS {
        db.exec(&TOUCH, params![id_hash, now]).await?;
    }
    Ok(Some(session))
}

/// Ends a session (logout), with its audit row.
pub async fn end(db: &Db, session: &Session, ip: Option<String>, now: i64) -> anyhow::Result<()> {
    let session = session.clone();
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec(&DELETE, params![session.id_hash.as_str()]).await?;
            let entry = Entry {
                account_id: Some(&session.user.account_id),
                actor: &session.user.email,
                event: Event::LoggedOut,
                detail: "logged out",
                ip: ip.as_deref(),
            };
            audit::record_in(tx, &entry, now).await
        })
    })
    .await
}
