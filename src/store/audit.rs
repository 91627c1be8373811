//! The audit log: every credential (secret, API key, webhook endpoint), settings, login and
//! dashboard payment event, with who ([`Actor`]), when and from where. Rows are written in the
//! same unit of work as the change they record, so a change is never without its row. Failed
//! logins are rows too; the login's lockout counts them.

use super::db::{Db, Tx};
use super::now_millis;
use super::sql::{Row, Sql, Value};
use crate::crypto::sortable_hex;

/// Who makes a change, for the audit log: a dashboard user's email or `cli`, and their address.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub ip: Option<String>,
}

impl Actor {
    pub fn cli() -> Self {
        Self {
            name: "cli".into(),
            ip: None,
        }
    }
}

/// What happened. The names are stable: they are shown on the dashboard and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    MerchantCreated,
    UserInvited,
    PasswordSet,
    PasswordChanged,
    LoginSucceeded,
    LoginFailed,
    LoginLocked,
    LoggedOut,
    SecretRotated,
    PreviousSecretRevoked,
    SettingsChanged,
    /// A capture, refund or void made from the dashboard.
    PaymentCaptured,
    PaymentRefunded,
    PaymentVoided,
    CallbacksResent,
    ApiKeyCreated,
    ApiKeyRevoked,
    WebhookEndpointCreated,
    WebhookEndpointDeleted,
    WebhookSecretRotated,
    /// A webhook delivery sent again from the dashboard.
    WebhookResent,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::MerchantCreated => "merchant.created",
            Event::UserInvited => "user.invited",
            Event::PasswordSet => "user.password_set",
            Event::PasswordChanged => "user.password_changed",
            Event::LoginSucceeded => "login.succeeded",
            Event::LoginFailed => "login.failed",
            Event::LoginLocked => "login.locked",
            Event::LoggedOut => "login.logged_out",
            Event::SecretRotated => "secret.rotated",
            Event::PreviousSecretRevoked => "secret.previous_revoked",
            Event::SettingsChanged => "settings.changed",
            Event::PaymentCaptured => "payment.captured",
            Event::PaymentRefunded => "payment.refunded",
            Event::PaymentVoided => "payment.voided",
            Event::CallbacksResent => "callbacks.resent",
            Event::ApiKeyCreated => "api_key.created",
            Event::ApiKeyRevoked => "api_key.revoked",
            Event::WebhookEndpointCreated => "webhook_endpoint.created",
            Event::WebhookEndpointDeleted => "webhook_endpoint.deleted",
            Event::WebhookSecretRotated => "webhook_endpoint.secret_rotated",
            Event::WebhookResent => "webhook.resent",
        }
    }
}

/// One row to record. `actor` is the dashboard user's email, or `cli` for the server shell;
/// `detail` never holds a secret or a password.
pub struct Entry<'a> {
    pub account_id: Option<&'a str>,
    pub actor: &'a str,
    pub event: Event,
    pub detail: &'a str,
    pub ip: Option<&'a str>,
}

/// A recorded row.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub actor: String,
    pub event: String,
    pub detail: String,
    pub ip: Option<String>,
    pub at: i64,
}

static INSERT: Sql = Sql::new(
    "INSERT INTO audit_events (id, account_id, actor, event, detail, ip, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)",
);
static FOR_ACCOUNT: Sql = Sql::new(
    "SELECT actor, event, detail, ip, at FROM audit_events
     WHERE account_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
);
static BY_ACTOR_SINCE: Sql =
    Sql::new("SELECT COUNT(*) FROM audit_events WHERE event = $1 AND actor = $2 AND at > $3");
static BY_IP_SINCE: Sql =
    Sql::new("SELECT COUNT(*) FROM audit_events WHERE event = $1 AND ip = $2 AND at > $3");

fn values(e: &Entry<'_>, at: i64) -> Vec<Value> {
    params![
        sortable_hex::<6>(),
        e.account_id,
        e.actor,
        e.event.as_str(),
        e.detail,
        e.ip,
        at
    ]
}

/// Records `entry` inside a unit of work.
pub async fn record_in(tx: Tx<'_>, entry: &Entry<'_>, at: i64) -> anyhow::Result<()> {
    tx.exec(&INSERT, values(entry, at)).await?;
    Ok(())
}

/// Records `entry` on its own (events that change nothing else, like a failed login).
pub async fn record(db: &Db, entry: &Entry<'_>) -> anyhow::Result<()> {
    db.exec(&INSERT, values(entry, now_millis())).await?;
    Ok(())
}

/// The newest `limit` rows of a merchant's log.
pub async fn for_account(db: &Db, account_id: &str, limit: i64) -> anyhow::Result<Vec<Recorded>> {
    db.fetch_all(&FOR_ACCOUNT, params![account_id, limit], |r: &Row<'_>| {
        Ok(Recorded {
            actor: r.get(0)?,
            event: r.get(1)?,
            detail: r.get(2)?,
            ip: r.get(3)?,
            at: r.get(4)?,
        })
    })
    .await
}

/// How many `event` rows `actor` has after `since`.
pub async fn count_by_actor(db: &Db, event: Event, actor: &str, since: i64) -> anyhow::Result<i64> {
    let n = db
        .fetch_optional(
            &BY_ACTOR_SINCE,
            params![event.as_str(), actor, since],
            |r| r.get(0),
        )
        .await?;
    Ok(n.unwrap_or(0))
}

/// How many `event` rows came from `ip` after `since`.
pub async fn count_by_ip(db: &Db, event: Event, ip: &str, since: i64) -> anyhow::Result<i64> {
    let n = db
        .fetch_optional(&BY_IP_SINCE, params![event.as_str(), ip, since], |r| {
            r.get(0)
        })
        .await?;
    Ok(n.unwrap_or(0))
}

/// An audit row written with the change it records (owned, so a unit of work can carry it).
pub struct Change {
    pub account_id: String,
    pub actor: String,
    pub ip: Option<String>,
    pub event: Event,
    pub detail: String,
    pub at: i64,
}

impl Change {
    /// The row of a change to `account_id` by `by`.
    pub fn by(account_id: &str, by: &Actor, event: Event, detail: String, at: i64) -> Self {
        Self {
            account_id: account_id.to_string(),
            actor: by.name.clone(),
            ip: by.ip.clone(),
            event,
            detail,
            at,
        }
    }

    /// Records the row inside the unit of work of the change.
    pub async fn record_in(&self, tx: Tx<'_>) -> anyhow::Result<()> {
        let entry = Entry {
            account_id: Some(&self.account_id),
            actor: &self.actor,
            event: self.event,
            detail: &self.detail,
            ip: self.ip.as_deref(),
        };
        record_in(tx, &entry, self.at).await
    }
}

/// Runs `sql` and, if it changed a row, records `change`, as one unit; whether it changed.
pub async fn changed(
    db: &Db,
    sql: &'static Sql,
    params: Vec<Value>,
    change: Change,
) -> anyhow::Result<bool> {
    db.write(move |tx| {
        Box::pin(async move {
            if tx.exec(sql, params).await? == 0 {
                return Ok(false);
            }
            change.record_in(tx).await?;
            Ok(true)
        })
    })
    .await
}

/// [`changed`] when there is a row to record; otherwise `sql` on its own. Whether it changed.
pub async fn changed_with(
    db: &Db,
    sql: &'static Sql,
    params: Vec<Value>,
    change: Option<Change>,
) -> anyhow::Result<bool> {
    match change {
        Some(change) => changed(db, sql, params, change).await,
        None => Ok(db.exec(sql, params).await? > 0),
    }
}
