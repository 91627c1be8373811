//! The signature doctor (protocol.md section 10). When a request names a real merchant but its
//! `x_signature` does not verify, this module recomputes the signature the ways storefront
//! developers commonly get it wrong, under that merchant's own secrets, and names the mistake
//! whose signature matches. It owns the list of mistakes ([`Diagnosis`]) with their codes and
//! hints, and the variant messages; the correct scheme itself stays in [`super::signature`].
//!
//! A diagnosis other than [`Diagnosis::Unknown`] is returned only when a variant verifies under
//! one of the merchant's secrets, so it tells nothing to someone who does not hold a secret.
//! Every candidate is compared with the provided signature in constant time, and the work is a
//! fixed number of digests per secret whatever the input.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use subtle::ConstantTimeEq;

use super::form::Fields;
use super::signature::{self, SIGNATURE_FIELD};

/// The mistake that produced a signature, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Diagnosis {
    /// Signed correctly, but with a secret that has been rotated out.
    PreviousSecretExpired,
    /// Also signed fields whose names do not start with `x_`.
    NonXFieldsIncluded,
    /// Included `x_signature` itself in the signed message.
    SignatureFieldIncluded,
    /// Kept the fields in the order they were sent instead of sorting them.
    UnsortedFields,
    /// Joined names and values with `=` and/or the pairs with `&`.
    SeparatorsUsed,
    /// Signed percent-encoded values instead of decoded ones.
    EncodedValues,
    /// Left out the `x_` fields sent with an empty value.
    EmptyFieldsDropped,
    /// Used HMAC-SHA1, HMAC-SHA512 or a plain SHA-256 instead of HMAC-SHA256.
    WrongAlgorithm,
    /// Used the hex- or base64-decoded secret as the key instead of its text.
    SecretDecoded,
    /// None of the known mistakes, or no secret to check them with.
    Unknown,
}

impl Diagnosis {
    pub const ALL: [Diagnosis; 10] = [
        Diagnosis::PreviousSecretExpired,
        Diagnosis::NonXFieldsIncluded,
        Diagnosis::SignatureFieldIncluded,
        Diagnosis::UnsortedFields,
        Diagnosis::SeparatorsUsed,
        Diagnosis::EncodedValues,
        Diagnosis::EmptyFieldsDropped,
        Diagnosis::WrongAlgorithm,
        Diagnosis::SecretDecoded,
        Diagnosis::Unknown,
    ];

    /// The stable snake_case code reported to the storefront.
    pub fn code(self) -> &'static str {
        match self {
            Diagnosis::PreviousSecretExpired => "previous_secret_expired",
            Diagnosis::NonXFieldsIncluded => "non_x_fields_included",
            Diagnosis::SignatureFieldIncluded => "signature_field_included",
            Diagnosis::UnsortedFields => "unsorted_fields",
            Diagnosis::SeparatorsUsed => "separators_used",
            Diagnosis::EncodedValues => "encoded_values",
            Diagnosis::EmptyFieldsDropped => "empty_fields_dropped",
            Diagnosis::WrongAlgorithm => "wrong_algorithm",
            Diagnosis::SecretDecoded => "secret_decoded",
            Diagnosis::Unknown => "unknown",
        }
    }

    /// One sentence telling the developer what to fix. Never contains a value.
    pub fn hint(self) -> &'static str {
        match self {
            Diagnosis::PreviousSecretExpired => {
                "Sign with the current secret; the one used has expired or been revoked."
            }
            Diagnosis::NonXFieldsIncluded => "Sign only the fields whose names start with x_.",
            Diagnosis::SignatureFieldIncluded => {
                "Leave the x_signature field itself out of the signed message."
            }
            Diagnosis::UnsortedFields => "Sort the fields by name in byte order before signing.",
            Diagnosis::SeparatorsUsed => {
                "Put each value directly after its name and each pair directly after the last, with no = or & between them."
            }
            Diagnosis::EncodedValues => {
                "Sign the decoded field values, not their percent-encoded form."
            }
            Diagnosis::EmptyFieldsDropped => {
                "Include the x_ fields that are sent with an empty value, as their name alone."
            }
            Diagnosis::WrongAlgorithm => {
                "Sign with HMAC-SHA256 keyed with the secret and send its hex digest."
            }
            Diagnosis::SecretDecoded => {
                "Use the secret text exactly as given as the HMAC key, without hex or base64 decoding it."
            }
            Diagnosis::Unknown => {
                "Sign every x_ field except x_signature, sorted by name, each name followed by its value, with HMAC-SHA256 under the current secret."
            }
        }
    }

    /// The diagnosis with this [`code`](Self::code), if any.
    pub fn from_code(code: &str) -> Option<Diagnosis> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// What the storefront sent.
#[derive(Clone, Copy)]
pub struct Sent<'a> {
    /// Decoded, in received order.
    pub fields: &'a Fields,
    /// The form text exactly as received: the query string, then (joined by '&') the body;
    /// used for the encoded-values variant.
    pub raw: &'a [u8],
    /// The x_signature value sent.
    pub provided: &'a str,
}

/// Names the mistake behind `sent.provided`. `secrets`: the merchant's secrets that currently
/// verify (current, and the previous one during an overlap). `expired`: secrets rotated out
/// (expired or revoked previous secret). A request signed correctly under a current secret is
/// not a mistake and gets [`Diagnosis::Unknown`].
pub fn diagnose(sent: &Sent<'_>, secrets: &[&[u8]], expired: &[&[u8]]) -> Diagnosis {
    let Some(provided) = decode_provided(sent.provided) else {
        return Diagnosis::Unknown;
    };
    let matches = |candidate: &[u8]| bool::from(candidate.ct_eq(&provided));
    let correct = signature::message(sent.fields.iter());

    if expired
        .iter()
        .any(|s| matches(&mac::<HmacSha256>(s, &correct)))
    {
        return Diagnosis::PreviousSecretExpired;
    }
    if secrets.is_empty() {
        return Diagnosis::Unknown;
    }

    for (diagnosis, message) in hmac_sha256_variants(sent, &correct) {
        if secrets
            .iter()
            .any(|s| matches(&mac::<HmacSha256>(s, &message)))
        {
            return diagnosis;
        }
    }

    if secrets.iter().any(|s| {
        matches(&mac::<Hmac<Sha1>>(s, &correct))
            || matches(&mac::<Hmac<Sha512>>(s, &correct))
            || matches(
                &Sha256::new()
                    .chain_update(s)
                    .chain_update(&correct)
                    .finalize(),
            )
    }) {
        return Diagnosis::WrongAlgorithm;
    }

    if secrets.iter().any(|s| {
        decoded_keys(s)
            .iter()
            .any(|key| matches(&mac::<HmacSha256>(key, &correct)))
    }) {
        return Diagnosis::SecretDecoded;
    }

    Diagnosis::Unknown
}

type HmacSha256 = Hmac<Sha256>;

/// A name/value pair as bytes, so raw (still encoded) values fit too.
type Pair<'a> = (&'a [u8], &'a [u8]);

/// The provided hex as bytes, if it is the length of a SHA-1, SHA-256 or SHA-512 digest. Any
/// other text matches nothing, so there is nothing to compute.
fn decode_provided(provided: &str) -> Option<Vec<u8>> {
    if !matches!(provided.len(), 40 | 64 | 128) {
        return None;
    }
    hex::decode(provided).ok()
}

fn mac<M: Mac + KeyInit>(key: &[u8], message: &[u8]) -> Vec<u8> {
    match <M as KeyInit>::new_from_slice(key) {
        Ok(mut mac) => {
            Mac::update(&mut mac, message);
            mac.finalize().into_bytes().to_vec()
        }
        // HMAC takes keys of any length; an empty result never matches a provided digest.
        Err(_) => Vec::new(),
    }
}

/// `name kv value between name kv value ...`.
fn join(pairs: &[Pair<'_>], kv: &[u8], between: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(between);
        }
        out.extend_from_slice(name);
        out.extend_from_slice(kv);
        out.extend_from_slice(value);
    }
    out
}

fn sorted(mut pairs: Vec<Pair<'_>>) -> Vec<Pair<'_>> {
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    pairs
}

/// The messages a storefront might have signed with HMAC-SHA256 instead of the correct one, in
/// checking order. A variant that comes out the same as the correct message, or as an earlier
/// variant, is left out: it could not tell the mistake apart.
fn hmac_sha256_variants(sent: &Sent<'_>, correct: &[u8]) -> Vec<(Diagnosis, Vec<u8>)> {
    let mut variants: Vec<(Diagnosis, Vec<u8>)> = Vec::new();
    let mut push = |diagnosis: Diagnosis, message: Vec<u8>| {
        if message != correct && !variants.iter().any(|(_, m)| *m == message) {
            variants.push((diagnosis, message));
        }
    };
    let all: Vec<Pair<'_>> = sent
        .fields
        .iter()
        .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
        .collect();
    let in_order: Vec<Pair<'_>> = all
        .iter()
        .copied()
        .filter(|(n, _)| n.starts_with(b"x_") && *n != SIGNATURE_FIELD.as_bytes())
        .collect();
    let in_byte_order = sorted(in_order.clone());

    let every_field = all
        .iter()
        .copied()
        .filter(|(n, _)| *n != SIGNATURE_FIELD.as_bytes());
    push(
        Diagnosis::NonXFieldsIncluded,
        join(&sorted(every_field.collect()), b"", b""),
    );

    for value in [sent.provided.as_bytes(), b""] {
        let mut with_signature = in_order.clone();
        with_signature.push((SIGNATURE_FIELD.as_bytes(), value));
        push(
            Diagnosis::SignatureFieldIncluded,
            join(&sorted(with_signature), b"", b""),
        );
    }

    push(Diagnosis::UnsortedFields, join(&in_order, b"", b""));

    for pairs in [&in_byte_order, &in_order] {
        for (kv, between) in [(&b"="[..], &b""[..]), (b"=", b"&"), (b"", b"&")] {
            push(Diagnosis::SeparatorsUsed, join(pairs, kv, between));
        }
    }

    // Only when `raw` is the form every signed field came from (not, say, a JSON body).
    let as_received = raw_values(sent);
    if as_received.len() == in_order.len() {
        let pairs: Vec<Pair<'_>> = as_received
            .iter()
            .map(|(n, v)| (n.as_bytes(), *v))
            .collect();
        push(Diagnosis::EncodedValues, join(&pairs, b"", b""));
    }
    let plus: Vec<String> = in_byte_order
        .iter()
        .map(|(_, v)| url::form_urlencoded::byte_serialize(v).collect())
        .collect();
    // byte_serialize writes a literal '+' as %2B, so every '+' left is a space.
    let percent20: Vec<String> = plus.iter().map(|v| v.replace('+', "%20")).collect();
    for values in [&plus, &percent20] {
        let pairs: Vec<Pair<'_>> = in_byte_order
            .iter()
            .zip(values)
            .map(|((n, _), v)| (*n, v.as_bytes()))
            .collect();
        push(Diagnosis::EncodedValues, join(&pairs, b"", b""));
    }

    push(
        Diagnosis::EmptyFieldsDropped,
        signature::message(sent.fields.iter().filter(|(_, v)| !v.is_empty())),
    );

    variants
}

/// The signed fields' values exactly as they appear in `sent.raw`, by decoded name in byte
/// order. Segments are split the way the form parser splits them; a name is decoded leniently
/// (the strict parser has already accepted the input) and only names of signed fields that were
/// parsed are kept, the first occurrence winning.
fn raw_values<'a>(sent: &Sent<'a>) -> BTreeMap<String, &'a [u8]> {
    let mut values = BTreeMap::new();
    for segment in sent.raw.split(|b| *b == b'&') {
        if segment.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = match segment.iter().position(|b| *b == b'=') {
            Some(i) => (&segment[..i], &segment[i + 1..]),
            None => (segment, &b""[..]),
        };
        let name: String = url::form_urlencoded::parse(raw_name)
            .next()
            .map(|(n, _)| n.into_owned())
            .unwrap_or_default();
        if signature::is_signed(&name) && sent.fields.get(&name).is_some() {
            values.entry(name).or_insert(raw_value);
        }
    }
    values
}

/// The keys a storefront might have made by decoding the secret text: hex, then base64
/// (standard or URL-safe, padded or not). Only decodings that succeed and differ from the
/// secret itself, each once.
fn decoded_keys(secret: &[u8]) -> Vec<Vec<u8>> {
    let mut keys: Vec<Vec<u8>> = Vec::new();
    let decodings = [
        hex::decode(secret).ok(),
        STANDARD.decode(secret).ok(),
        STANDARD_NO_PAD.decode(secret).ok(),
        URL_SAFE.decode(secret).ok(),
        URL_SAFE_NO_PAD.decode(secret).ok(),
    ];
    for key in decodings.into_iter().flatten() {
        if key != secret && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::Limits;

    /// The merchant's current secret.
    const CURRENT: &[u8] = b"iU44RWxeik";
    /// A second current secret, as during a rotation overlap.
    const OVERLAP: &[u8] = b"Nw7pQe2Lr9";
    /// The secret rotated out before `OVERLAP`.
    const OLD: &[u8] = b"Tq0vX3mZs8";

    const QUERY: &str = "utm_source=newsletter";
    /// The body as sent, without `x_signature`: `%20` for the space and lower-case escapes, as
    /// some HTTP clients write them, so it differs from both re-encodings below.
    const BODY: &str = "x_account_id=acct_42&x_reference=ORDER-1001&x_amount=89.99\
        &x_currency=USD&x_test=true&x_description=Blue%20mug&x_invoice=\
        &x_url_complete=https%3a%2f%2fshop.example%2fcheckout%2fdone%3forder%3d1001";
    /// Every field, decoded, in the order sent (query first).
    const SENT: [(&str, &str); 9] = [
        ("utm_source", "newsletter"),
        ("x_account_id", "acct_42"),
        ("x_reference", "ORDER-1001"),
        ("x_amount", "89.99"),
        ("x_currency", "USD"),
        ("x_test", "true"),
        ("x_description", "Blue mug"),
        ("x_invoice", ""),
        (
            "x_url_complete",
            "https://shop.example/checkout/done?order=1001",
        ),
    ];

    struct Request {
        fields: Fields,
        raw: Vec<u8>,
        provided: String,
    }

    impl Request {
        fn signed(provided: &str) -> Self {
            let body = format!("{BODY}&x_signature={provided}");
            let mut fields = Fields::new();
            fields
                .parse_into(QUERY.as_bytes(), Limits::default())
                .unwrap();
            fields
                .parse_into(body.as_bytes(), Limits::default())
                .unwrap();
            let names: Vec<_> = fields.iter().map(|(n, _)| n).collect();
            let expected: Vec<_> = SENT
                .iter()
                .map(|(n, _)| *n)
                .chain(["x_signature"])
                .collect();
            assert_eq!(names, expected, "the test request parses as SENT");
            Self {
                fields,
                raw: format!("{QUERY}&{body}").into_bytes(),
                provided: provided.to_string(),
            }
        }

        fn sent(&self) -> Sent<'_> {
            Sent {
                fields: &self.fields,
                raw: &self.raw,
                provided: &self.provided,
            }
        }
    }

    // The storefront side, written independently of the module's variants.

    fn hmac_hex<M: Mac + KeyInit>(key: &[u8], message: &str) -> String {
        let mut mac = <M as KeyInit>::new_from_slice(key).unwrap();
        Mac::update(&mut mac, message.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    fn x_fields_sent() -> Vec<(&'static str, &'static str)> {
        SENT.into_iter()
            .filter(|(n, _)| n.starts_with("x_"))
            .collect()
    }

    fn concat(pairs: &[(&str, &str)]) -> String {
        pairs.iter().map(|(n, v)| format!("{n}{v}")).collect()
    }

    fn correct_message() -> String {
        let mut pairs = x_fields_sent();
        pairs.sort();
        concat(&pairs)
    }

    /// Every signature a storefront holding `secret` (the text it was given) could send.
    type Signer = fn(&[u8]) -> Vec<String>;

    fn sign_correctly(secret: &[u8]) -> Vec<String> {
        vec![hmac_hex::<Hmac<Sha256>>(secret, &correct_message())]
    }

    fn sign_with_non_x_fields(secret: &[u8]) -> Vec<String> {
        let mut pairs = SENT.to_vec();
        pairs.sort();
        vec![hmac_hex::<Hmac<Sha256>>(secret, &concat(&pairs))]
    }

    fn sign_with_signature_field(secret: &[u8]) -> Vec<String> {
        // The form already had an empty x_signature input when it was signed.
        let mut pairs = x_fields_sent();
        pairs.push(("x_signature", ""));
        pairs.sort();
        vec![hmac_hex::<Hmac<Sha256>>(secret, &concat(&pairs))]
    }

    fn sign_unsorted(secret: &[u8]) -> Vec<String> {
        vec![hmac_hex::<Hmac<Sha256>>(secret, &concat(&x_fields_sent()))]
    }

    fn sign_with_separators(secret: &[u8]) -> Vec<String> {
        let mut sorted = x_fields_sent();
        sorted.sort();
        let mut out = Vec::new();
        for pairs in [sorted, x_fields_sent()] {
            let with_equals: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
            let plain: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}{v}")).collect();
            for message in [with_equals.concat(), with_equals.join("&"), plain.join("&")] {
                out.push(hmac_hex::<Hmac<Sha256>>(secret, &message));
            }
        }
        out
    }

    fn sign_encoded(secret: &[u8]) -> Vec<String> {
        // The values as they appear in BODY, then encoded with '+' and with %20 for the space.
        let as_sent = "x_account_idacct_42x_amount89.99x_currencyUSD\
            x_descriptionBlue%20mugx_invoicex_referenceORDER-1001x_testtrue\
            x_url_completehttps%3a%2f%2fshop.example%2fcheckout%2fdone%3forder%3d1001";
        let plus = "x_account_idacct_42x_amount89.99x_currencyUSD\
            x_descriptionBlue+mugx_invoicex_referenceORDER-1001x_testtrue\
            x_url_completehttps%3A%2F%2Fshop.example%2Fcheckout%2Fdone%3Forder%3D1001";
        let percent20 = plus.replace("Blue+mug", "Blue%20mug");
        [as_sent, plus, &percent20]
            .into_iter()
            .map(|m| hmac_hex::<Hmac<Sha256>>(secret, m))
            .collect()
    }

    fn sign_without_empty_fields(secret: &[u8]) -> Vec<String> {
        let mut pairs: Vec<_> = x_fields_sent()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect();
        pairs.sort();
        vec![hmac_hex::<Hmac<Sha256>>(secret, &concat(&pairs))]
    }

    fn sign_with_wrong_algorithm(secret: &[u8]) -> Vec<String> {
        let message = correct_message();
        let mut plain = Sha256::new();
        plain.update(secret);
        plain.update(message.as_bytes());
        vec![
            hmac_hex::<Hmac<Sha1>>(secret, &message),
            // Some libraries print upper-case hex.
            hmac_hex::<Hmac<Sha512>>(secret, &message).to_uppercase(),
            hex::encode(plain.finalize()),
        ]
    }

    fn sign_with_decoded_secret(secret: &[u8]) -> Vec<String> {
        let text = std::str::from_utf8(secret).unwrap();
        let keys = [
            hex::decode(text).ok(),
            STANDARD.decode(text).ok(),
            STANDARD_NO_PAD.decode(text).ok(),
            URL_SAFE.decode(text).ok(),
            URL_SAFE_NO_PAD.decode(text).ok(),
        ];
        keys.into_iter()
            .flatten()
            .map(|key| hmac_hex::<Hmac<Sha256>>(&key, &correct_message()))
            .collect()
    }

    fn sign_with_stray_newline(secret: &[u8]) -> Vec<String> {
        vec![hmac_hex::<Hmac<Sha256>>(
            secret,
            &format!("{}\n", correct_message()),
        )]
    }

    const MISTAKES: [(Diagnosis, Signer); 9] = [
        (Diagnosis::PreviousSecretExpired, sign_correctly),
        (Diagnosis::NonXFieldsIncluded, sign_with_non_x_fields),
        (Diagnosis::SignatureFieldIncluded, sign_with_signature_field),
        (Diagnosis::UnsortedFields, sign_unsorted),
        (Diagnosis::SeparatorsUsed, sign_with_separators),
        (Diagnosis::EncodedValues, sign_encoded),
        (Diagnosis::EmptyFieldsDropped, sign_without_empty_fields),
        (Diagnosis::WrongAlgorithm, sign_with_wrong_algorithm),
        (Diagnosis::SecretDecoded, sign_with_decoded_secret),
    ];

    /// Every signature `signer` makes with `secret` gets `expected`. The secret is the second of
    /// two current ones (or, for an expired secret, in `expired` next to the current ones).
    fn assert_diagnosed(expected: Diagnosis, secret: &[u8], signer: Signer) {
        let signatures = signer(secret);
        assert!(
            !signatures.is_empty(),
            "{}: nothing signed",
            expected.code()
        );
        let (secrets, expired): (&[&[u8]], &[&[u8]]) =
            if expected == Diagnosis::PreviousSecretExpired {
                (&[CURRENT, OVERLAP], &[secret])
            } else {
                (&[OVERLAP, secret], &[OLD])
            };
        for (i, provided) in signatures.iter().enumerate() {
            let request = Request::signed(provided);
            for s in secrets {
                assert!(
                    !signature::verify(request.fields.iter(), s, provided),
                    "{} #{i}: the mistake must not verify",
                    expected.code()
                );
            }
            let got = diagnose(&request.sent(), secrets, expired);
            assert_eq!(got, expected, "{} #{i}", expected.code());
        }
    }

    #[test]
    fn diagnoses_previous_secret_expired() {
        assert_diagnosed(Diagnosis::PreviousSecretExpired, OLD, sign_correctly);
    }

    #[test]
    fn diagnoses_non_x_fields_included() {
        assert_diagnosed(
            Diagnosis::NonXFieldsIncluded,
            CURRENT,
            sign_with_non_x_fields,
        );
    }

    #[test]
    fn diagnoses_signature_field_included() {
        assert_diagnosed(
            Diagnosis::SignatureFieldIncluded,
            CURRENT,
            sign_with_signature_field,
        );
    }

    #[test]
    fn diagnoses_unsorted_fields() {
        assert_diagnosed(Diagnosis::UnsortedFields, CURRENT, sign_unsorted);
    }

    #[test]
    fn diagnoses_separators_used() {
        assert_diagnosed(Diagnosis::SeparatorsUsed, CURRENT, sign_with_separators);
    }

    #[test]
    fn diagnoses_encoded_values() {
        assert_diagnosed(Diagnosis::EncodedValues, CURRENT, sign_encoded);
    }

    #[test]
    fn diagnoses_empty_fields_dropped() {
        assert_diagnosed(
            Diagnosis::EmptyFieldsDropped,
            CURRENT,
            sign_without_empty_fields,
        );
    }

    #[test]
    fn diagnoses_wrong_algorithm() {
        assert_diagnosed(
            Diagnosis::WrongAlgorithm,
            CURRENT,
            sign_with_wrong_algorithm,
        );
    }

    #[test]
    fn diagnoses_secret_decoded() {
        // One key, handed to the storefront as hex and as each base64 flavour. Its bytes make
        // the standard and URL-safe alphabets differ and need one padding character.
        let key: &[u8] = &[0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff, 0x12, 0x34];
        let texts = [
            hex::encode(key),
            STANDARD.encode(key),
            STANDARD_NO_PAD.encode(key),
            URL_SAFE.encode(key),
            URL_SAFE_NO_PAD.encode(key),
        ];
        assert_eq!(
            texts,
            [
                "fbefbeffffff1234",
                "++++////EjQ=",
                "++++////EjQ",
                "----____EjQ=",
                "----____EjQ"
            ]
        );
        for text in texts {
            assert_diagnosed(
                Diagnosis::SecretDecoded,
                text.as_bytes(),
                sign_with_decoded_secret,
            );
        }
    }

    #[test]
    fn diagnoses_unknown() {
        assert_diagnosed(Diagnosis::Unknown, CURRENT, sign_with_stray_newline);
    }

    #[test]
    fn unrelated_key_is_always_unknown() {
        // One plain key and one that decodes as hex and base64, so every path is exercised.
        for unrelated in [
            &b"not-the-merchant"[..],
            b"00112233445566778899aabbccddeeff",
        ] {
            let signers = std::iter::once((Diagnosis::Unknown, sign_correctly as Signer))
                .chain(MISTAKES)
                .chain([(Diagnosis::Unknown, sign_with_stray_newline as Signer)]);
            for (mistake, signer) in signers {
                for provided in signer(unrelated) {
                    let request = Request::signed(&provided);
                    assert_eq!(
                        diagnose(&request.sent(), &[CURRENT, OVERLAP], &[OLD]),
                        Diagnosis::Unknown,
                        "{} under an unrelated key",
                        mistake.code()
                    );
                }
            }
        }
    }

    #[test]
    fn no_secrets_is_unknown() {
        for (mistake, signer) in MISTAKES {
            for provided in signer(CURRENT) {
                let request = Request::signed(&provided);
                assert_eq!(
                    diagnose(&request.sent(), &[], &[]),
                    Diagnosis::Unknown,
                    "{}",
                    mistake.code()
                );
            }
        }
    }

    #[test]
    fn correct_signature_is_not_a_mistake() {
        let provided = &sign_correctly(CURRENT)[0];
        let request = Request::signed(provided);
        assert!(signature::verify(request.fields.iter(), CURRENT, provided));
        assert_eq!(
            diagnose(&request.sent(), &[OVERLAP, CURRENT], &[OLD]),
            Diagnosis::Unknown
        );
    }

    #[test]
    fn codes_round_trip() {
        for d in Diagnosis::ALL {
            assert_eq!(Diagnosis::from_code(d.code()), Some(d));
        }
        let mut codes: Vec<_> = Diagnosis::ALL.iter().map(|d| d.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Diagnosis::ALL.len(), "codes are distinct");
        assert_eq!(Diagnosis::from_code("Unknown"), None);
        assert_eq!(Diagnosis::from_code(""), None);
    }

    #[test]
    fn hints_contain_no_values() {
        let request = Request::signed(&sign_correctly(CURRENT)[0]);
        let secrets = [CURRENT, OVERLAP, OLD].map(|s| std::str::from_utf8(s).unwrap());
        for d in Diagnosis::ALL {
            let hint = d.hint();
            assert!(hint.ends_with('.') && !hint.is_empty(), "{}", d.code());
            for (name, value) in request.fields.iter() {
                assert!(
                    value.is_empty() || !hint.contains(value),
                    "{} hint contains the value of {name}",
                    d.code()
                );
            }
            for secret in secrets {
                assert!(!hint.contains(secret), "{}", d.code());
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let empty = Fields::new();
        let only_other = Fields::parse(b"utm_source=a&ref=b", Limits::default()).unwrap();
        let huge = Fields::from_pairs(
            (0..100)
                .map(|i| (format!("x_f{i:03}"), "% +".repeat(682)))
                .collect(),
        )
        .unwrap();
        let raws: [&[u8]; 4] = [b"", b"\xff\xfe&&==&%zz&x_%=%", b"&&&", b"x_f000"];
        let hex64 = "a".repeat(64);
        let long = "f".repeat(100_000);
        let provided = [
            "",
            "zz",
            &hex64,
            &hex64.to_uppercase(),
            &long,
            "é".repeat(32).as_str(),
        ]
        .map(str::to_string);
        for fields in [&empty, &only_other, &huge] {
            for raw in raws {
                for provided in &provided {
                    let sent = Sent {
                        fields,
                        raw,
                        provided,
                    };
                    for (secrets, expired) in [
                        (&[][..], &[][..]),
                        (&[CURRENT, b"", b"==", b"00"][..], &[OLD, b""][..]),
                    ] {
                        assert_eq!(diagnose(&sent, secrets, expired), Diagnosis::Unknown);
                    }
                }
            }
        }
    }
}
