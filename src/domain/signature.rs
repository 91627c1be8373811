//! The `x_signature` scheme (protocol.md section 4): HMAC-SHA256 over every `x_` field except
//! `x_signature`, sorted by name in byte order, each name immediately followed by its value.
//! Verification decodes the hex to 32 bytes and compares in constant time through
//! `Mac::verify_slice` (T1, T4); either hex case is accepted.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

pub const SIGNATURE_FIELD: &str = "x_signature";

/// Whether a field takes part in the signature.
pub fn is_signed(name: &str) -> bool {
    name.starts_with("x_") && name != SIGNATURE_FIELD
}

/// The exact bytes that are signed.
pub fn message<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<u8> {
    let mut signed: Vec<(&str, &str)> = fields.into_iter().filter(|(n, _)| is_signed(n)).collect();
    signed.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut out = Vec::with_capacity(signed.iter().map(|(n, v)| n.len() + v.len()).sum());
    for (n, v) in signed {
        out.extend_from_slice(n.as_bytes());
        out.extend_from_slice(v.as_bytes());
    }
    out
}

fn mac(secret: &[u8], message: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(message);
    mac
}

/// The lower-case hex signature of `fields` under `secret`.
pub fn sign<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>, secret: &[u8]) -> String {
    hex::encode(mac(secret, &message(fields)).finalize().into_bytes())
}

/// Whether `provided` is the signature of `fields` under `secret`. Anything that is not exactly
/// 64 hex digits fails before any comparison.
pub fn verify<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &[u8],
    provided: &str,
) -> bool {
    let mut expected = [0u8; 32];
    if provided.len() != 64 || hex::decode_to_slice(provided, &mut expected).is_err() {
        return false;
    }
    mac(secret, &message(fields))
        .verify_slice(&expected)
        .is_ok()
}

/// Which of `secrets` (at most two: the current one and, during a rotation, the previous one)
/// `provided` is the signature under, if any. The message is built once; every secret is
/// tried and compared in constant time whatever the outcome, so the time taken does not say
/// which secret matched, or whether one did.
pub fn verify_any<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
    secrets: &[&[u8]],
    provided: &str,
) -> Option<usize> {
    use subtle::{ConditionallySelectable, ConstantTimeEq};
    let mut expected = [0u8; 32];
    if provided.len() != 64 || hex::decode_to_slice(provided, &mut expected).is_err() {
        return None;
    }
    let message = message(fields);
    let mut found = subtle::Choice::from(0);
    let mut index = 0u8;
    for (i, secret) in secrets.iter().enumerate().take(2) {
        let actual = mac(secret, &message).finalize().into_bytes();
        let matched = actual.as_slice().ct_eq(&expected);
        index.conditional_assign(&(i as u8), matched & !found);
        found |= matched;
    }
    bool::from(found).then_some(usize::from(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLDEN: [(&str, &str); 8] = [
        ("x_account_id", "test123"),
        ("x_amount", "89.99"),
        ("x_currency", "USD"),
        ("x_gateway_reference", "123"),
        ("x_reference", "12345"),
        ("x_result", "completed"),
        ("x_test", "true"),
        ("x_timestamp", "2014-03-24T12:15:41Z"),
    ];
    const GOLDEN_SIG: &str = "2edd2a8f13d810560b7c09dd02c9b331f97961c0f5733b66b354ff5fa9da4716";

    #[test]
    fn golden_vector_signs_and_verifies() {
        assert_eq!(sign(GOLDEN, b"iU44RWxeik"), GOLDEN_SIG);
        assert!(verify(GOLDEN, b"iU44RWxeik", GOLDEN_SIG));
        assert!(verify(GOLDEN, b"iU44RWxeik", &GOLDEN_SIG.to_uppercase()));
    }

    #[test]
    fn malformed_signatures_fail_before_comparing() {
        let good = GOLDEN_SIG;
        let bad = [
            String::new(),
            good[..63].to_string(),
            format!("{good}0"),
            format!("{good} "),
            format!("g{}", &good[1..]),
            good[..8].to_string(),
        ];
        for candidate in bad {
            assert!(!verify(GOLDEN, b"iU44RWxeik", &candidate), "{candidate:?}");
        }
        assert!(!verify(GOLDEN, b"another key", good));
    }

    #[test]
    fn either_of_two_secrets_verifies_and_says_which() {
        let (old, new): (&[u8], &[u8]) = (b"iU44RWxeik", b"a new secret");
        let under_new = sign(GOLDEN, new);
        assert_eq!(verify_any(GOLDEN, &[new, old], GOLDEN_SIG), Some(1));
        assert_eq!(verify_any(GOLDEN, &[new, old], &under_new), Some(0));
        assert_eq!(verify_any(GOLDEN, &[new], GOLDEN_SIG), None);
        assert_eq!(verify_any(GOLDEN, &[], GOLDEN_SIG), None);
        assert_eq!(verify_any(GOLDEN, &[new, old], "00"), None);
        // Never a third: a rotation has two secrets at most.
        assert_eq!(verify_any(GOLDEN, &[new, b"x", old], GOLDEN_SIG), None);
    }

    #[test]
    fn order_of_fields_and_non_x_fields_do_not_matter() {
        let mut reversed: Vec<_> = GOLDEN.to_vec();
        reversed.reverse();
        reversed.push(("some_param", "ignored"));
        reversed.push(("x_signature", "ignored too"));
        assert_eq!(sign(reversed, b"iU44RWxeik"), GOLDEN_SIG);
    }
}
