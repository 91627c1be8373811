//! The short run of every fuzz target that the test suite keeps (on stable): each committed
//! corpus and seed file through its target's harness, then a few thousand generated inputs per
//! target, shaped like what the target reads so they get past the parsers.

use super::*;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// A harness: what one fuzz target runs on each input.
type Harness = fn(&[u8]);

/// Every target, by its name under `fuzz/fuzz_targets/`.
const TARGETS: [(&str, Harness); 4] = [
    ("checkout_form", checkout_form),
    ("order_body", order_body),
    ("url_address", url_address),
    ("sealed_secret", sealed_secret),
];

/// The committed inputs of `target` in `fuzz/<dir>/`: `corpus` (minimized by `cargo fuzz cmin`)
/// or `seeds` (hand-written).
fn committed(dir: &str, target: &str) -> Vec<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable directory entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_input_of_every_target_passes_its_harness() {
    for (target, harness) in TARGETS {
        let seeds = committed("seeds", target);
        assert!(!seeds.is_empty(), "{target} has hand-written seeds");
        for file in seeds.iter().chain(&committed("corpus", target)) {
            let data = std::fs::read(file).expect("a committed input is readable");
            let run = std::panic::catch_unwind(|| harness(&data));
            assert!(run.is_ok(), "{target} failed on {}", file.display());
        }
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A valid signed request's fields (as `fuzz/seeds/checkout_form/signed-sale`).
const REQUEST: [(&str, &str); 10] = [
    ("x_account_id", "acct_1"),
    ("x_amount", "89.99"),
    ("x_currency", "USD"),
    ("x_reference", "order-1001"),
    ("x_shop_country", "US"),
    ("x_shop_name", "Shop"),
    ("x_test", "true"),
    ("x_url_callback", "https://shop.example.com/callback"),
    ("x_url_cancel", "https://shop.example.com/cart"),
    ("x_url_complete", "https://shop.example.com/done"),
];

/// Text a field value might be: anything printable, amounts, codes, URLs, escapes.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,24}",
        "[0-9]{1,13}(\\.[0-9]{0,5})?",
        "[A-Z]{2,3}",
        "(true|false|sale|authorization|capture|refund|void)",
        "https?://[a-z0-9.\\-]{1,16}(:[0-9]{1,5})?/[a-z%0-9]{0,6}",
        "(%[0-9A-Fa-f]{2}|%|\\+|é|\u{0}){1,6}",
    ]
}

/// Form text: names of the protocol or not, raw values (so escapes appear as they are).
fn form() -> impl Strategy<Value = Vec<u8>> {
    let name = prop_oneof![
        prop::sample::select(REQUEST.map(|(n, _)| n).to_vec()).prop_map(str::to_string),
        "x_[a-z_]{1,12}",
        "[a-z%0-9+=]{0,6}",
    ];
    prop::collection::vec((name, value()), 0..16).prop_map(|pairs| {
        let pairs: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
        pairs.join("&").into_bytes()
    })
}

/// The valid request with some values replaced, signed with the harness's secret and encoded:
/// inputs whose signature verifies, so validation and the doctor see signed requests.
fn signed_form() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0..REQUEST.len(), value()), 0..3).prop_map(|changes| {
        let mut pairs: Vec<(String, String)> = REQUEST
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        for (i, v) in changes {
            pairs[i].1 = v;
        }
        let sig = signature::sign(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())), SECRET);
        pairs.push((SIGNATURE_FIELD.into(), sig));
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
            .into_bytes()
    })
}

/// Order-management bodies: the `x_` fields as JSON (values as strings or bare scalars) or as
/// a form, and the sessions API's `{"amount": …}` with any integer or none.
fn order() -> impl Strategy<Value = Vec<u8>> {
    let scalar = prop_oneof![
        value().prop_map(|v| serde_json::Value::String(v).to_string()),
        "-?[0-9]{1,20}(\\.[0-9]{1,4})?(e[0-9])?",
        "(true|false|null|\\{\\}|\\[1\\])",
    ];
    let field = prop_oneof![
        Just("x_gateway_reference".to_string()),
        Just("x_transaction_type".to_string()),
        Just("x_amount".to_string()),
        Just("x_currency".to_string()),
        Just("x_test".to_string()),
        Just("x_url_callback".to_string()),
        "x_[a-z]{1,8}",
    ];
    let json = prop::collection::vec((field, scalar), 0..8).prop_map(|members| {
        let members: Vec<String> = members
            .iter()
            .map(|(n, v)| format!("{}: {v}", serde_json::Value::String(n.clone())))
            .collect();
        format!("{{{}}}", members.join(", ")).into_bytes()
    });
    let api = prop_oneof![
        any::<i64>().prop_map(|a| a.to_string()),
        Just(i64::MAX.to_string()),
        "-?[0-9]{1,21}(\\.[0-9])?",
    ]
    .prop_map(|a| format!("{{\"amount\": {a}}}").into_bytes());
    prop_oneof![json, api, form()]
}

/// URL-like text: schemes, hosts in every spelling (names, dotted, decimal, hex, IPv6,
/// bracketed garbage), ports, user info and paths; and host and origin lists.
fn url_text() -> impl Strategy<Value = Vec<u8>> {
    let host = prop_oneof![
        "[a-z0-9\\-]{1,10}(\\.[a-z0-9\\-]{1,10}){0,3}\\.?",
        any::<[u8; 4]>().prop_map(|o| format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3])),
        any::<u32>().prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| format!("0x{n:x}")),
        any::<[u8; 16]>().prop_map(|b| format!("[{}]", Ipv6Addr::from(b))),
        any::<[u8; 4]>().prop_map(|o| format!("[::ffff:{}]", Ipv4Addr::from(o))),
        "(localhost|intranet)\\.?",
        "[\\[\\]:%@a-z0-9.]{0,12}",
    ];
    let url = (
        "(https|http|HTTPS|ftp|javascript):(//)?",
        "([a-z]{1,4}(:[a-z]{0,4})?@)?",
        host,
        "(:[0-9]{1,6})?",
        "(/[ -~]{0,10})?",
    )
        .prop_map(|(s, u, h, p, path)| format!("{s}{u}{h}{p}{path}").into_bytes());
    let list = prop::collection::vec("(\\*\\.)?[a-zA-Z0-9.\\-:/]{0,16}", 0..6)
        .prop_map(|entries| entries.join("\n").into_bytes());
    prop_oneof![url, list, prop::collection::vec(any::<u8>(), 0..40)]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn checkout_form_holds_for_generated_forms(
        data in prop_oneof![form(), signed_form(), prop::collection::vec(any::<u8>(), 0..256)],
    ) {
        checkout_form(&data);
    }

    #[test]
    fn order_body_holds_for_generated_bodies(
        data in prop_oneof![order(), prop::collection::vec(any::<u8>(), 0..256)],
    ) {
        order_body(&data);
    }

    #[test]
    fn url_address_holds_for_generated_urls(data in url_text()) {
        url_address(&data);
    }

    #[test]
    fn sealed_secret_holds_for_generated_bytes(
        data in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        sealed_secret(&data);
    }
}

#[test]
fn a_one_byte_change_is_one_byte_and_stays_text() {
    for value in ["a", "é", "x_amount", "Café Müller", "\u{10FFFF}", "€1"] {
        for seed in 0..64 {
            let changed = change_one_byte(value, seed);
            let differ = value
                .bytes()
                .zip(changed.bytes())
                .filter(|(a, b)| a != b)
                .count();
            assert_eq!(
                (changed.len(), differ),
                (value.len(), 1),
                "{value:?} {seed}"
            );
        }
    }
}
