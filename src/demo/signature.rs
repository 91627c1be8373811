//! The storefront's side of the signature (protocol.md section 4), written here from the
//! protocol text rather than borrowed from the gateway, so the demo checks what the gateway
//! sends instead of trusting it: a strict form parser (a name sent twice is an error), the
//! signature of the sorted `x_` fields, and verification in constant time under any of the
//! merchant's secrets.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Form fields in the order they came.
pub type Fields = Vec<(String, String)>;

/// Why a form was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("the field {0} appears more than once")]
    Repeated(String),
}

/// Parses `application/x-www-form-urlencoded` bytes (`+` is a space), refusing a repeated name.
pub fn parse_form(bytes: &[u8]) -> Result<Fields, FormError> {
    let mut fields: Fields = Vec::new();
    for (name, value) in url::form_urlencoded::parse(bytes) {
        if fields.iter().any(|(n, _)| *n == name) {
            return Err(FormError::Repeated(name.into_owned()));
        }
        fields.push((name.into_owned(), value.into_owned()));
    }
    Ok(fields)
}

/// The value of `name`, if sent.
pub fn get<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn mac(fields: &[(String, String)], secret: &[u8]) -> Hmac<Sha256> {
    let mut signed: Vec<&(String, String)> = fields
        .iter()
        .filter(|(n, _)| n.starts_with("x_") && n != "x_signature")
        .collect();
    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    for (name, value) in signed {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

/// The lower-case hex `x_signature` of `fields` under `secret`.
pub fn sign(fields: &[(String, String)], secret: &[u8]) -> String {
    hex::encode(mac(fields, secret).finalize().into_bytes())
}

/// Whether the `x_signature` among `fields` (64 hex digits, either case) signs them under one
/// of `secrets`. Every secret is tried, each compared in constant time.
pub fn verify(fields: &[(String, String)], secrets: &[&[u8]]) -> bool {
    let mut expected = [0u8; 32];
    let Some(provided) = get(fields, "x_signature") else {
        return false;
    };
    if provided.len() != 64 || hex::decode_to_slice(provided, &mut expected).is_err() {
        return false;
    }
    secrets.iter().fold(false, |ok, secret| {
        mac(fields, secret).verify_slice(&expected).is_ok() | ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public example the gateway's own tests use too (the Shopify simulator's key).
    fn golden() -> Fields {
        parse_form(
            b"x_account_id=test123&x_amount=89.99&x_currency=USD&x_gateway_reference=123\
              &x_reference=12345&x_result=completed&x_test=true&x_timestamp=2014-03-24T12%3A15%3A41Z",
        )
        .unwrap()
    }
    const KEY: &[u8] = b"iU44RWxeik";
    const SIGNATURE: &str = "2edd2a8f13d810560b7c09dd02c9b331f97961c0f5733b66b354ff5fa9da4716";

    fn with_signature(mut fields: Fields, signature: &str) -> Fields {
        fields.push(("x_signature".into(), signature.into()));
        fields
    }

    #[test]
    fn the_published_example_signs_and_verifies_in_either_case() {
        assert_eq!(sign(&golden(), KEY), SIGNATURE);
        assert!(verify(&with_signature(golden(), SIGNATURE), &[KEY]));
        let upper = SIGNATURE.to_uppercase();
        assert!(verify(&with_signature(golden(), &upper), &[b"other", KEY]));
    }

    #[test]
    fn fields_out_of_order_and_fields_without_x_do_not_change_the_signature() {
        let mut fields = golden();
        fields.reverse();
        fields.push(("utm_source".into(), "mail".into()));
        assert_eq!(sign(&fields, KEY), SIGNATURE);
    }

    #[test]
    fn a_changed_value_a_wrong_key_or_a_malformed_signature_fails() {
        let mut tampered = with_signature(golden(), SIGNATURE);
        tampered[1].1 = "8.99".into();
        assert!(!verify(&tampered, &[KEY]));
        assert!(!verify(&with_signature(golden(), SIGNATURE), &[b"wrong"]));
        assert!(!verify(&with_signature(golden(), SIGNATURE), &[]));
        for bad in ["", &SIGNATURE[..63], &format!("{SIGNATURE}0"), "zz"] {
            assert!(!verify(&with_signature(golden(), bad), &[KEY]), "{bad:?}");
        }
        assert!(!verify(&golden(), &[KEY]), "no signature at all");
    }

    #[test]
    fn a_repeated_field_is_refused_and_plus_is_a_space() {
        assert_eq!(
            parse_form(b"x_amount=1&x_amount=2"),
            Err(FormError::Repeated("x_amount".into()))
        );
        let fields = parse_form(b"x_shop_name=Caf%C3%A9+M%C3%BCller").unwrap();
        assert_eq!(get(&fields, "x_shop_name"), Some("Café Müller"));
    }
}
