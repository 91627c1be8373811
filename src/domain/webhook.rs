//! Webhooks (protocol.md section 12) as pure rules: the event types and which an endpoint
//! receives, endpoint secrets (`whsec_` and the base64 of their random bytes) and the Standard
//! Webhooks signature, `v1,` and the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed by
//! the secret's decoded bytes; during a rotation the header carries two, space-separated.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

pub const SECRET_PREFIX: &str = "whsec_";
/// Bytes of a secret we make (the scheme allows 24 to 64).
pub const SECRET_BYTES: usize = 32;

/// Every event a webhook endpoint can subscribe to.
pub const EVENT_TYPES: [&str; 8] = [
    "payment.pending",
    "payment.authorized",
    "payment.completed",
    "payment.failed",
    "payment.captured",
    "payment.refunded",
    "payment.voided",
    "session.expired",
];

/// The subscription of an endpoint: every event (`["*"]`) or the listed ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription(Vec<String>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubscriptionError {
    #[error("events must list at least one event type, or \"*\"")]
    Empty,
    #[error("{0:?} is not an event type; the types are {types}", types = EVENT_TYPES.join(", "))]
    Unknown(String),
}

impl Subscription {
    /// Checks a list as given to the API: known types, or `*` alone; duplicates removed.
    pub fn parse<S: AsRef<str>>(events: &[S]) -> Result<Self, SubscriptionError> {
        if events.is_empty() {
            return Err(SubscriptionError::Empty);
        }
        let mut out: Vec<String> = Vec::new();
        for e in events {
            let e = e.as_ref();
            if e != "*" && !EVENT_TYPES.contains(&e) {
                return Err(SubscriptionError::Unknown(e.to_string()));
            }
            if !out.iter().any(|o| o == e) {
                out.push(e.to_string());
            }
        }
        if out.iter().any(|e| e == "*") {
            out = vec!["*".to_string()];
        }
        Ok(Self(out))
    }

    /// As stored: the types separated by spaces.
    pub fn to_text(&self) -> String {
        self.0.join(" ")
    }

    pub fn from_text(text: &str) -> Self {
        Self(text.split_whitespace().map(str::to_string).collect())
    }

    pub fn entries(&self) -> &[String] {
        &self.0
    }

    pub fn wants(&self, event_type: &str) -> bool {
        self.0.iter().any(|e| e == "*" || e == event_type)
    }
}

/// A fresh endpoint secret, as shown to the merchant once.
pub fn new_secret(random: &[u8; SECRET_BYTES]) -> String {
    format!("{SECRET_PREFIX}{}", STANDARD.encode(random))
}

/// The key bytes of a `whsec_` secret, if it is one (24 to 64 bytes).
pub fn secret_bytes(secret: &str) -> Option<Vec<u8>> {
    let bytes = STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()?;
    (24..=64).contains(&bytes.len()).then_some(bytes)
}

/// One `v1,` signature of a message.
pub fn sign(key: &[u8], msg_id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(msg_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header: one signature per key, newest first, space-separated.
pub fn signature_header(keys: &[&[u8]], msg_id: &str, timestamp: i64, body: &[u8]) -> String {
    keys.iter()
        .map(|k| sign(k, msg_id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published test vectors of the scheme: the Standard Webhooks reference library's
    /// (`libraries/rust/src/lib.rs`, `test_sign`) and Svix's documentation example.
    #[test]
    fn signs_the_schemes_published_vectors() {
        let key = secret_bytes("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
        assert_eq!(
            sign(
                &key,
                "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
                1649367553,
                br#"{"email":"test@example.com","username":"test_user"}"#
            ),
            "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="
        );
        let key = secret_bytes("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        assert_eq!(
            sign(
                &key,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                br#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn a_rotation_signs_with_both_keys_newest_first() {
        let (new, old) = ([1u8; 32], [2u8; 32]);
        let header = signature_header(&[&new, &old], "evt_1", 10, b"{}");
        let parts: Vec<&str> = header.split(' ').collect();
        assert_eq!(
            parts,
            [
                sign(&new, "evt_1", 10, b"{}"),
                sign(&old, "evt_1", 10, b"{}")
            ]
        );
    }

    #[test]
    fn secrets_are_whsec_and_24_to_64_bytes() {
        let s = new_secret(&[7u8; 32]);
        assert!(s.starts_with("whsec_"));
        assert_eq!(secret_bytes(&s).unwrap(), vec![7u8; 32]);
        assert!(secret_bytes(&format!("whsec_{}", STANDARD.encode([1u8; 16]))).is_none());
        assert!(secret_bytes(&format!("whsec_{}", STANDARD.encode([1u8; 65]))).is_none());
        assert!(secret_bytes("sk_test_abc").is_none());
    }

    #[test]
    fn subscriptions_take_known_types_or_star() {
        let s = Subscription::parse(&["payment.completed", "payment.completed"]).unwrap();
        assert_eq!(s.entries(), ["payment.completed"]);
        assert!(s.wants("payment.completed") && !s.wants("payment.failed"));
        let all = Subscription::parse(&["*", "payment.failed"]).unwrap();
        assert_eq!(all.entries(), ["*"]);
        assert!(EVENT_TYPES.iter().all(|t| all.wants(t)));
        assert_eq!(
            Subscription::parse::<&str>(&[]),
            Err(SubscriptionError::Empty)
        );
        assert!(matches!(
            Subscription::parse(&["payment.done"]),
            Err(SubscriptionError::Unknown(_))
        ));
        assert_eq!(Subscription::from_text(&all.to_text()), all);
    }
}
