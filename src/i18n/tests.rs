use super::*;
use crate::domain::money::{Amount, Currency, all_currencies};

fn source(tag: &'static str, shopper: &'static str) -> Source {
    Source {
        tag,
        files: [("shopper.ftl", shopper), ("dashboard.ftl", "")],
    }
}

#[test]
fn every_catalogue_has_every_english_message_with_its_variables() {
    // The shipped catalogues: `load` is the check (missing, extra, other variables, syntax).
    if let Err(problems) = load(SOURCES) {
        panic!("the catalogues disagree with English:\n{problems}");
    }
    assert!(catalogues().len() >= 10, "at least ten locales");
}

#[test]
fn a_missing_message_an_extra_one_or_other_variables_fail_the_load() {
    let en = source("en", "a = A\nb = B { $x }\n");
    let cases = [
        ("a = A\n", "message b is missing"),
        (
            "a = A\nb = B { $x }\nc = C\n",
            "message c is not in English",
        ),
        ("a = A\nb = B { $y }\n", "message b uses [\"y\"]"),
        (
            "a = A\nb = { $x ->\n [one] one\n *[other] B\n}\n",
            "message b uses [\"x\"]",
        ),
        ("a = A\nb = B { $x\n", "syntax"),
    ];
    for (text, problem) in cases {
        let de = source("de", text);
        match load(&[source("en", "a = A\nb = B { $x }\n"), de]) {
            Ok(_) if problem.contains("uses [\"x\"]") => {}
            Ok(_) => panic!("{text:?} loaded; it should fail with {problem}"),
            Err(e) if problem.contains("uses [\"x\"]") => panic!("{text:?}: {e}"),
            Err(e) => assert!(e.contains(problem), "{text:?}: {e}"),
        }
    }
    assert!(load(&[en]).is_ok());
}

/// Every message id the code and the templates name, with where it is named.
fn ids_named_in_sources() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    let mut dirs = vec![format!("{root}/src"), format!("{root}/templates")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path.display().to_string());
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                files.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for call in ["msg(\"", "fmt(\"", "t.msg(\"", "t.fmt(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if rest[id.len()..].starts_with('"') && !id.is_empty() {
                    out.push((id, path.display().to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_is_in_english() {
    let en = &catalogues()[0];
    let unknown: Vec<_> = ids_named_in_sources()
        .into_iter()
        .filter(|(id, path)| !path.ends_with("i18n/tests.rs") && !en.bundle.has_message(id))
        .collect();
    assert!(
        unknown.is_empty(),
        "named but not in locales/en: {unknown:?}"
    );
}

#[test]
fn the_request_locale_comes_first_then_accept_language_by_weight_then_english() {
    let lang = |wanted, header| negotiate(wanted, header).lang();
    assert_eq!(lang(None, None), "en");
    assert_eq!(lang(Some("xx-YY"), Some("tlh")), "en");
    assert_eq!(lang(Some("not a tag"), None), "en");
    assert_eq!(lang(None, Some("fr;q=0.5, ja;q=0.9, *")), "ja");
    assert_eq!(lang(None, Some("fr, de;q=0")), "fr");
    assert_eq!(lang(None, Some("de;q=0, fr;q=0.1")), "fr");
    assert_eq!(lang(Some("ja"), Some("fr")), "ja");
    assert_eq!(lang(Some("tlh"), Some("de-AT,de;q=0.9")), "de");
    // CLDR's fallback chain: a region falls back to its language, Traditional Chinese never
    // to Simplified.
    assert_eq!(lang(Some("pt-PT"), None), "pt");
    assert_eq!(lang(Some("zh-CN"), None), "zh");
    assert_eq!(lang(Some("zh-Hans-SG"), None), "zh");
    assert_eq!(lang(Some("zh-TW"), None), "en");
    assert_eq!(negotiate(Some("ar-EG"), None).dir(), "rtl");
    assert_eq!(negotiate(Some("de"), None).dir(), "ltr");
}

fn money(tag: &str, text: &str, code: &str) -> String {
    let currency = Currency::parse(code).unwrap();
    negotiate(Some(tag), None).money(&Amount::parse(text, currency).unwrap())
}

#[test]
fn money_follows_cldr_for_currencies_of_zero_two_three_and_four_digits() {
    let cases = [
        ("en", "1234567.89", "USD", "$1,234,567.89"),
        ("en-IN", "1234567.89", "INR", "₹12,34,567.89"),
        ("de", "1234567.89", "EUR", "1.234.567,89\u{a0}€"),
        ("de-CH", "1234567.89", "CHF", "CHF\u{a0}1'234'567.89"),
        ("fr", "1234.56", "EUR", "1\u{202f}234,56\u{a0}€"),
        ("ja", "1234567", "JPY", "￥1,234,567"),
        ("en", "1234567", "JPY", "¥1,234,567"),
        ("de", "1234567", "JPY", "1.234.567\u{a0}¥"),
        ("en", "1234.567", "BHD", "BHD\u{a0}1,234.567"),
        (
            "ar",
            "1234.567",
            "BHD",
            "\u{200f}1,234.567\u{a0}د.ب.\u{200f}",
        ),
        ("de", "1234.5678", "CLF", "1.234,5678\u{a0}CLF"),
        ("en", "1.0000", "UYW", "UYW\u{a0}1.0000"),
        ("zh", "1234.56", "CNY", "¥1,234.56"),
        ("pl", "1234.56", "PLN", "1234,56\u{a0}zł"),
        ("pl", "12345.67", "PLN", "12\u{a0}345,67\u{a0}zł"),
        ("tr", "1234.56", "TRY", "₺1.234,56"),
    ];
    for (tag, text, code, want) in cases {
        assert_eq!(money(tag, text, code), want, "{text} {code} in {tag}");
    }
}

/// The digits of a formatted amount, native digits (Arabic-Indic, …) read as ASCII.
fn digits_of(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '\u{660}'..='\u{669}' => char::from_digit(c as u32 - 0x660, 10),
            '\u{6f0}'..='\u{6f9}' => char::from_digit(c as u32 - 0x6f0, 10),
            _ => None,
        })
        .collect()
}

#[test]
fn no_locale_rounds_or_pads_any_accepted_currency() {
    // CLDR shows HUF, IDR, COP, IQD … with fewer digits than ISO 4217 gives them: an amount
    // using those digits is shown whole with its code, never rounded.
    for catalogue in catalogues() {
        let t = negotiate(Some(catalogue.tag), None);
        for currency in all_currencies() {
            for minor in [123_456_789_i64, 100_000_000] {
                let amount = Amount::from_minor(minor, currency);
                let shown = t.money(&amount);
                // Exact: every digit of the amount, or only its zero decimals left out.
                let full = amount.decimal().replace('.', "");
                let seen = digits_of(&shown);
                let whole = (minor / 10_i64.pow(u32::from(currency.exponent()))).to_string();
                let exact = full.strip_prefix(seen.as_str()).is_some_and(|rest| {
                    rest.bytes().all(|b| b == b'0') && seen.len() >= whole.len()
                });
                assert!(
                    exact,
                    "{} {} in {}: {shown}",
                    amount.decimal(),
                    currency.code(),
                    catalogue.tag
                );
            }
        }
    }
    assert_eq!(money("en", "1234567.89", "HUF"), "1,234,567.89\u{a0}HUF");
    assert_eq!(money("en", "1234567.00", "HUF"), "HUF\u{a0}1,234,567");
}

#[test]
fn numbers_keep_their_digits_in_the_locale_s_signs() {
    let en = english();
    assert_eq!(en.number(995, 1), "99.5");
    assert_eq!(en.number(0, 1), "0.0");
    assert_eq!(en.number(1000, 1), "100.0");
    assert_eq!(en.number(1_234_567, 0), "1,234,567");
}

#[test]
fn dates_follow_the_locale() {
    let at = time::macros::datetime!(2026-12-01 19:40:05 UTC);
    assert_eq!(
        negotiate(Some("en"), None).datetime(at),
        "Dec 1, 2026, 7:40:05\u{202f}PM"
    );
    assert_eq!(
        negotiate(Some("de"), None).datetime(at),
        "01.12.2026, 19:40:05"
    );
    assert_eq!(
        negotiate(Some("ja"), None).datetime(at),
        "2026/12/01 19:40:05"
    );
}

#[test]
fn a_buttons_accessible_label_contains_its_visible_text_in_every_locale() {
    // WCAG 2.5.3 (label in name): a speech user says what they see.
    for c in catalogues() {
        let t = Locale {
            catalogue: c,
            format: c.tag.parse().unwrap(),
        };
        for (label, visible) in [
            ("dash-key-revoke-label", "dash-key-revoke"),
            ("dash-endpoint-rotate-label", "dash-endpoint-rotate"),
            ("dash-endpoint-delete-label", "dash-endpoint-delete"),
        ] {
            let said = t.fmt(label, &[("id", Value::from("we_1"))]).to_lowercase();
            let seen = t.msg(visible).to_lowercase();
            assert!(
                said.contains(seen.as_str()),
                "{}: {label} {said:?} lacks {seen:?}",
                c.tag
            );
        }
    }
}
