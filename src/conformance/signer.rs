//! The kit's own signer and verifier, written from protocol.md section 4 and not from the
//! gateway's code, so that a mistake there cannot hide here: HMAC-SHA256 keyed by the secret's
//! UTF-8 bytes over every `x_` field except `x_signature`, sorted by name in byte order, each
//! name immediately followed by its decoded value; lower-case hex, either case accepted.
//! Also the value-list helpers the checks share. Verification here need not be constant-time:
//! the kit judges answers it received, nobody probes it.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Name/value pairs, decoded, in the order sent or received.
pub type Values = Vec<(String, String)>;

pub fn pairs(items: &[(&str, &str)]) -> Values {
    items
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

pub fn get<'a>(values: &'a [(String, String)], name: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Sets `name` to `value`, in place if present, else at the end.
pub fn set(values: &mut Values, name: &str, value: &str) {
    match values.iter_mut().find(|(n, _)| n == name) {
        Some(pair) => pair.1 = value.to_string(),
        None => values.push((name.to_string(), value.to_string())),
    }
}

pub fn remove(values: &mut Values, name: &str) {
    values.retain(|(n, _)| n != name);
}

/// The hex signature of `values` under `secret`.
pub fn sign(values: &[(String, String)], secret: &str) -> String {
    let mut signed: Vec<&(String, String)> = values
        .iter()
        .filter(|(n, _)| n.starts_with("x_") && n != "x_signature")
        .collect();
    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    for (name, value) in signed {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    hex::encode(mac.finalize().into_bytes())
}

/// `values` with `x_signature` (re)computed under `secret`, last.
pub fn signed(mut values: Values, secret: &str) -> Values {
    remove(&mut values, "x_signature");
    let signature = sign(&values, secret);
    values.push(("x_signature".into(), signature));
    values
}

/// Whether `values` carry a valid `x_signature` under `secret`; the reason if not.
pub fn verify(values: &[(String, String)], secret: &str) -> Result<(), String> {
    let provided = get(values, "x_signature").ok_or("no x_signature")?;
    if provided.len() != 64 || !provided.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "x_signature is not 64 hex digits ({:?})",
            abbreviate(provided, 16)
        ));
    }
    if provided.to_ascii_lowercase() != sign(values, secret) {
        return Err("x_signature does not verify under the merchant's secret".into());
    }
    Ok(())
}

/// `application/x-www-form-urlencoded` text of `values`, in their order.
pub fn encode(values: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(values)
        .finish()
}

/// At most `max` characters of `text`, with `…` when cut.
pub fn abbreviate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public vector of the Shopify offsite-gateway documentation.
    fn golden() -> Values {
        pairs(&[
            ("x_account_id", "test123"),
            ("x_amount", "89.99"),
            ("x_currency", "USD"),
            ("x_gateway_reference", "123"),
            ("x_reference", "12345"),
            ("x_result", "completed"),
            ("x_test", "true"),
            ("x_timestamp", "2014-03-24T12:15:41Z"),
        ])
    }
    const GOLDEN_SIG: &str = "2edd2a8f13d810560b7c09dd02c9b331f97961c0f5733b66b354ff5fa9da4716";

    #[test]
    fn signs_the_published_vector_in_any_field_order() {
        assert_eq!(sign(&golden(), "iU44RWxeik"), GOLDEN_SIG);
        let mut shuffled = golden();
        shuffled.reverse();
        shuffled.push(("not_signed".into(), "ignored".into()));
        assert_eq!(sign(&shuffled, "iU44RWxeik"), GOLDEN_SIG);
    }

    #[test]
    fn verifies_either_case_and_says_why_not() {
        let values = signed(golden(), "iU44RWxeik");
        assert_eq!(get(&values, "x_signature"), Some(GOLDEN_SIG));
        assert_eq!(verify(&values, "iU44RWxeik"), Ok(()));
        let mut upper = values.clone();
        set(&mut upper, "x_signature", &GOLDEN_SIG.to_uppercase());
        assert_eq!(verify(&upper, "iU44RWxeik"), Ok(()));
        assert!(
            verify(&values, "another")
                .unwrap_err()
                .contains("does not verify")
        );
        assert_eq!(
            verify(&golden(), "iU44RWxeik"),
            Err("no x_signature".into())
        );
        let mut short = values.clone();
        set(&mut short, "x_signature", "abc");
        assert!(verify(&short, "iU44RWxeik").unwrap_err().contains("64 hex"));
        let mut changed = values;
        set(&mut changed, "x_amount", "89.9");
        assert!(verify(&changed, "iU44RWxeik").is_err());
    }

    #[test]
    fn agrees_with_the_gateway_signer_on_unicode_and_empty_values() {
        let values = pairs(&[
            ("x_shop_name", "Café Müller & Söhne"),
            ("x_b", ""),
            ("x_a", "+"),
        ]);
        let theirs = crate::domain::signature::sign(
            values.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            "k€y".as_bytes(),
        );
        assert_eq!(sign(&values, "k€y"), theirs);
    }
}
