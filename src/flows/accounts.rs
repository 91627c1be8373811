//! Dashboard accounts: argon2id password hashing (off the async threads), checking a login
//! (with the lockout after repeated failures, per email and per address, counted from the audit
//! log so it holds across restarts and gateway processes), setting a password through a setup
//! link, and changing it.
//!
//! An unknown email costs the same as a wrong password: a dummy hash is verified, so the time
//! taken does not say which emails have an account (T14).

use crate::state::AppState;
use crate::store::audit::{self, Entry, Event};
use crate::store::now_millis;
use crate::store::sessions::{self, Started};
use crate::store::users::{self, User, normalize_email};
use anyhow::Context;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use secrecy::{ExposeSecret, SecretString};

/// The shortest password a user may set.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// A longer one is refused (argon2 takes any length, but there is no need to hash megabytes).
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Failures within [`LOCKOUT_WINDOW_MS`] after which an email is locked (the next attempt is
/// 429, whatever the password).
pub const MAX_FAILURES_PER_EMAIL: i64 = 5;
/// Failures from one address within the window after which the address is locked.
pub const MAX_FAILURES_PER_IP: i64 = 20;
pub const LOCKOUT_WINDOW_MS: i64 = 15 * 60 * 1000;

/// argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into its PHC string.
pub async fn hash_password(password: SecretString) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&crate::crypto::random_bytes::<16>())
            .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        argon2()
            .hash_password(password.expose_secret().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await
    .context("the hashing task")?
}

/// A hash of a random password with the same parameters, verified for unknown users.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let salt = SaltString::encode_b64(&crate::crypto::random_bytes::<16>()).expect("16 bytes");
    argon2()
        .hash_password(&crate::crypto::random_bytes::<16>(), &salt)
        .expect("hashing")
        .to_string()
});

async fn verify_password(hash: Option<String>, password: SecretString) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let parsed = PasswordHash::new(&hash).map_err(|e| anyhow::anyhow!("a stored hash: {e}"))?;
        let ok = argon2()
            .verify_password(password.expose_secret().as_bytes(), &parsed)
            .is_ok();
        Ok(known && ok)
    })
    .await
    .context("the verifying task")?
}

/// Why a new password was refused (the page that asked says it in its reader's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// The password and its confirmation differ.
    Mismatch,
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    TooShort,
    /// More than [`MAX_PASSWORD_BYTES`] bytes.
    TooLong,
}

/// Why a new password is refused, if it is.
pub fn password_problem(password: &str, confirm: &str) -> Option<PasswordProblem> {
    if password != confirm {
        Some(PasswordProblem::Mismatch)
    } else if password.chars().count() < MIN_PASSWORD_CHARS {
        Some(PasswordProblem::TooShort)
    } else if password.len() > MAX_PASSWORD_BYTES {
        Some(PasswordProblem::TooLong)
    } else {
        None
    }
}

/// What a login attempt came to.
pub enum Login {
    /// A new session: its cookie token.
    Started(Started),
    /// Wrong email or password (401; which one is never said).
    Invalid,
    /// Too many failures for this email or from this address (429); nothing was checked.
    Locked,
}

/// Checks a login and starts a session. Every failure is an audit row (without the password);
/// those rows are what the lockout counts.
pub async fn login(
    state: &AppState,
    email: &str,
    password: SecretString,
    ip: Option<String>,
) -> anyhow::Result<Login> {
    let email = normalize_email(email);
    let now = now_millis();
    let since = now - LOCKOUT_WINDOW_MS;
    let db = &state.db;
    let by_email = audit::count_by_actor(db, Event::LoginFailed, &email, since).await?;
    let by_ip = match &ip {
        Some(ip) => audit::count_by_ip(db, Event::LoginFailed, ip, since).await?,
        None => 0,
    };
    let user = users::find_by_email(db, &email).await?;
    let entry = |event, detail| Entry {
        account_id: user.as_ref().map(|u| u.account_id.as_str()),
        actor: &email,
        event,
        detail,
        ip: ip.as_deref(),
    };
    if by_email >= MAX_FAILURES_PER_EMAIL || by_ip >= MAX_FAILURES_PER_IP {
        let why = if by_email >= MAX_FAILURES_PER_EMAIL {
            "locked: too many failed logins for this email"
        } else {
            "locked: too many failed logins from this address"
        };
        audit::record(db, &entry(Event::LoginLocked, why)).await?;
        return Ok(Login::Locked);
    }
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    if !verify_password(hash, password).await? {
        let detail = if user.is_none() {
            "wrong password or no such user"
        } else {
            "wrong password"
        };
        audit::record(db, &entry(Event::LoginFailed, detail)).await?;
        return Ok(Login::Invalid);
    }
    let user = user.context("a verified login without its user")?;
    Ok(Login::Started(sessions::start(db, &user, ip, now).await?))
}

/// Checks the current password of a logged-in user (changing a password needs it).
pub async fn check_password(user: &User, password: SecretString) -> anyhow::Result<bool> {
    verify_password(user.password_hash.clone(), password).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let a = hash_password(SecretString::from("correct horse battery"))
            .await
            .unwrap();
        let b = hash_password(SecretString::from("correct horse battery"))
            .await
            .unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "a fresh salt each time");
        assert!(!a.contains("correct horse"));
        let ok = verify_password(Some(a.clone()), SecretString::from("correct horse battery"));
        assert!(ok.await.unwrap());
        let wrong = verify_password(Some(a), SecretString::from("correct horse batterY"));
        assert!(!wrong.await.unwrap());
        let unknown = verify_password(None, SecretString::from("correct horse battery"));
        assert!(!unknown.await.unwrap());
    }

    #[test]
    fn password_rules() {
        assert_eq!(
            password_problem("short", "short"),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(
            password_problem("twelve chars", "twelve charz"),
            Some(PasswordProblem::Mismatch)
        );
        assert_eq!(password_problem("twelve chars", "twelve chars"), None);
        // Characters, not bytes: 12 accented letters are enough.
        assert_eq!(password_problem("éééééééééééé", "éééééééééééé"), None);
        let long = "x".repeat(MAX_PASSWORD_BYTES + 1);
        assert_eq!(
            password_problem(&long, &long),
            Some(PasswordProblem::TooLong)
        );
    }
}
