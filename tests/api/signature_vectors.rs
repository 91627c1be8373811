//! The public signature vectors (the project's copy of the shared spec's, published from vectors/), checked with the
//! test's own signer, the gateway's signer, and the gateway's verifier over its strict parser.

use crate::helpers::sign;
use offsite_gateway::domain::form::{Fields, Limits};
use offsite_gateway::domain::signature;

fn vectors() -> Vec<serde_json::Value> {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../vectors/signature-vectors.json")).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

/// The vector's fields, as the storefront sent them (x_signature excluded).
fn fields_of(v: &serde_json::Value) -> Vec<(String, String)> {
    if let Some(body) = v["form_body"].as_str() {
        let parsed = Fields::parse(body.as_bytes(), Limits::default()).expect("strict parse");
        parsed
            .into_pairs()
            .into_iter()
            .filter(|(n, _)| n != "x_signature")
            .collect()
    } else {
        v["fields"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(n, v)| (n.clone(), v.as_str().unwrap().to_string()))
            .collect()
    }
}

#[test]
fn every_vector_checks_out_with_both_signers_and_the_verifier() {
    let all = vectors();
    assert!(all.len() >= 10, "the vector file was truncated");
    for v in all {
        let name = v["name"].as_str().unwrap();
        let key = v["key"].as_str().unwrap();
        let expected = v["x_signature"].as_str().unwrap();
        let valid = v["valid"].as_bool().unwrap();
        let fields = fields_of(&v);
        let borrowed = || fields.iter().map(|(n, v)| (n.as_str(), v.as_str()));

        let ours = signature::sign(borrowed(), key.as_bytes());
        let theirs = sign(&fields, key);
        assert_eq!(ours, theirs, "{name}: the two signers disagree");
        assert_eq!(
            ours == expected.to_ascii_lowercase(),
            valid,
            "{name}: gateway signer"
        );
        assert_eq!(
            signature::verify(borrowed(), key.as_bytes(), expected),
            valid,
            "{name}: gateway verifier"
        );
    }
}

#[test]
fn signing_percent_encoded_text_instead_of_values_would_fail() {
    let v = vectors()
        .into_iter()
        .find(|v| v["name"].as_str().unwrap().starts_with("form decoding"))
        .unwrap();
    let body = v["form_body"].as_str().unwrap();
    let raw: Vec<(String, String)> = body
        .split('&')
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap();
            (n.to_string(), v.to_string())
        })
        .collect();
    assert_ne!(
        sign(&raw, v["key"].as_str().unwrap()),
        v["x_signature"].as_str().unwrap()
    );
}
