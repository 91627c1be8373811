//! The harnesses that the fuzz targets (`fuzz/fuzz_targets/`) and the tests share: one function
//! per target, taking arbitrary bytes the way an attacker can send them, running the code that
//! reads them as the server does, and asserting what must hold whatever the input (a panic is a
//! finding). The unit tests run every committed corpus and seed file through the same functions,
//! plus generated inputs, so a stable toolchain keeps a short run of each target.

use crate::callbacks::guard::AddressPolicy;
use crate::crypto::MasterKey;
use crate::domain::doctor::{self, Diagnosis, Sent};
use crate::domain::form::{Fields, Limits};
use crate::domain::hosts::{FrameOrigins, HostList, MAX_ENTRIES};
use crate::domain::money::Amount;
use crate::domain::operations::{
    Money, Operation, OperationKind, OperationRequest, Refusal, Target, apply, money,
};
use crate::domain::payment::Status;
use crate::domain::request::{PaymentRequest, TransactionType, reference_ok};
use crate::domain::signature::{self, SIGNATURE_FIELD};
use crate::domain::target::{TargetRules, is_public_ip, parse_target};
use crate::routes::api::payments::{CaptureRequest, RefundRequest};
use crate::routes::input::MAX_BODY_BYTES;
use poem_openapi::types::ParseFromJSON;
use secrecy::ExposeSecret;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use url::{Host, Url};

#[cfg(test)]
mod tests;

/// The merchant secret the checkout harness verifies with (the protocol's golden vector's); the
/// signed seeds in `fuzz/seeds/checkout_form/` are signed with it.
const SECRET: &[u8] = b"iU44RWxeik";
/// Another merchant's secret: nothing signed with [`SECRET`] verifies under it.
const OTHER: &[u8] = b"Nw7pQe2Lr9";

/// `POST /checkout`: the body parsed by the strict form parser, the signature verified (and,
/// when it does not verify, diagnosed by the signature doctor as the route does) under a fixed
/// secret, then the whole request validated whatever the signature said. Asserts that a
/// validated request holds only what the rules allow, that the fields re-encode to a form that
/// parses back to them, that the fields signed with the secret verify, and that changing any
/// one byte of any signed value makes that signature fail.
pub fn checkout_form(data: &[u8]) {
    if data.len() > MAX_BODY_BYTES {
        return;
    }
    let Ok(fields) = Fields::parse(data, Limits::default()) else {
        return;
    };
    let provided = fields.get(SIGNATURE_FIELD).unwrap_or_default();
    let verified = signature::verify(fields.iter(), SECRET, provided);
    assert_eq!(
        signature::verify_any(fields.iter(), &[OTHER, SECRET], provided),
        verified.then_some(1),
        "verify_any agrees with verify"
    );
    let sent = Sent {
        fields: &fields,
        raw: data,
        provided,
    };
    let diagnosis = doctor::diagnose(&sent, &[SECRET], &[OTHER]);
    if verified {
        assert_eq!(
            diagnosis,
            Diagnosis::Unknown,
            "a valid signature is no mistake"
        );
    }

    let strict = PaymentRequest::from_fields(&fields, false);
    let open = PaymentRequest::from_fields(&fields, true);
    if let Ok(request) = &strict {
        assert!(
            open.is_ok(),
            "the permissive rules accept what the strict accept"
        );
        valid_request(request, &fields);
    }

    let reencoded = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter())
        .finish();
    assert_eq!(
        Fields::parse(reencoded.as_bytes(), Limits::default()).as_ref(),
        Ok(&fields),
        "the fields re-encoded parse back to themselves"
    );

    signed_then_changed(&fields, data);
}

/// What a request that passed validation under the production rules must be.
fn valid_request(r: &PaymentRequest, fields: &Fields) {
    let text = fields.get("x_amount").unwrap_or_default();
    assert_eq!(Amount::parse(text, r.amount.currency()), Ok(r.amount));
    assert!(r.amount.minor() > 0);
    assert!(reference_ok(&r.reference));
    assert_eq!(r.shop_country.len(), 2);
    for url in [&r.url_callback, &r.url_cancel, &r.url_complete] {
        production_target(url);
    }
    let mut sent = fields.iter();
    for (name, value) in &r.stored_fields {
        assert!(name.starts_with("x_") && name != SIGNATURE_FIELD, "{name}");
        // Kept as received, in the order received.
        assert!(sent.any(|(n, v)| n == name && v == value), "{name}");
    }
    if r.transaction_type == TransactionType::Authorization {
        assert_eq!(fields.get("x_transaction_type"), Some("authorization"));
    }
}

/// Signs `fields` with [`SECRET`]: that signature verifies (in either hex case, not under
/// another secret, and the doctor sees no mistake in it), and fails once any one byte of a
/// signed value changes.
fn signed_then_changed(fields: &Fields, raw: &[u8]) {
    let pairs: Vec<(&str, &str)> = fields.iter().collect();
    let sig = signature::sign(pairs.iter().copied(), SECRET);
    assert!(signature::verify(pairs.iter().copied(), SECRET, &sig));
    assert!(signature::verify(
        pairs.iter().copied(),
        SECRET,
        &sig.to_uppercase()
    ));
    assert!(!signature::verify(pairs.iter().copied(), OTHER, &sig));

    let mut resigned: Vec<(String, String)> = pairs
        .iter()
        .filter(|(n, _)| *n != SIGNATURE_FIELD)
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    resigned.push((SIGNATURE_FIELD.into(), sig.clone()));
    let resigned = Fields::from_pairs(resigned).expect("names stay unique");
    let sent = Sent {
        fields: &resigned,
        raw,
        provided: &sig,
    };
    assert_eq!(doctor::diagnose(&sent, &[SECRET], &[]), Diagnosis::Unknown);

    let seed = raw
        .iter()
        .fold(0usize, |h, b| h.wrapping_mul(31) ^ usize::from(*b));
    for (i, (name, value)) in pairs.iter().enumerate().take(Limits::default().max_fields) {
        if !signature::is_signed(name) || value.is_empty() {
            continue;
        }
        let changed = change_one_byte(value, seed.wrapping_add(i));
        let mut mutant = pairs.clone();
        mutant[i].1 = &changed;
        assert!(
            !signature::verify(mutant.iter().copied(), SECRET, &sig),
            "a one-byte change of {name} keeps the signature"
        );
    }
}

/// `value` with exactly one byte changed (chosen by `seed`), still UTF-8: an ASCII byte becomes
/// another ASCII byte, and in a longer character its last byte becomes another continuation
/// byte.
fn change_one_byte(value: &str, seed: usize) -> String {
    let mut bytes = value.as_bytes().to_vec();
    let mut at = seed % bytes.len();
    let (low, span): (u8, usize) = if bytes[at].is_ascii() {
        (0x01, 0x7f)
    } else {
        while at + 1 < bytes.len() && bytes[at + 1] & 0xc0 == 0x80 {
            at += 1;
        }
        (0x80, 0x40)
    };
    let offset = 1 + (seed / bytes.len()) % (span - 1);
    bytes[at] = low + ((usize::from(bytes[at] - low) + offset) % span) as u8;
    String::from_utf8(bytes).expect("one byte changed within its class stays UTF-8")
}

/// The payments the order harness applies operations to: each status and kind that matters,
/// with amounts up to the largest an amount text can say (12 digits and 4 decimals).
const LARGEST: i64 = 9_999_999_999_999_999;
const PAYMENTS: [Money; 6] = [
    money(
        Status::Authorized,
        TransactionType::Authorization,
        LARGEST,
        0,
        0,
    ),
    money(
        Status::Captured,
        TransactionType::Authorization,
        LARGEST,
        1,
        0,
    ),
    money(Status::Captured, TransactionType::Sale, LARGEST, LARGEST, 1),
    money(Status::Captured, TransactionType::Sale, 1000, 1000, 400),
    money(Status::Voided, TransactionType::Authorization, 1000, 0, 0),
    money(Status::Open, TransactionType::Sale, 1000, 0, 0),
];

/// Order management's bodies: `/capture`, `/refund` and `/void` read JSON or a form (by the
/// Content-Type), so both parsers see every input and the fields are validated for each
/// endpoint; the sessions API's `/v1/payments/{id}/capture` and `…/refunds` read JSON the way
/// poem-openapi does. Asserts that a validated request is what its endpoint asked for, that the
/// parsers agree on the same fields, and that the operation applied to each kind of payment
/// moves exactly its amount and keeps refunded <= captured <= authorized, or is refused.
pub fn order_body(data: &[u8]) {
    if data.len() > MAX_BODY_BYTES {
        return;
    }
    let parsed = [
        Fields::from_json(data, Limits::default()),
        Fields::parse(data, Limits::default()),
    ];
    for fields in parsed.iter().flatten() {
        for kind in [
            OperationKind::Capture,
            OperationKind::Refund,
            OperationKind::Void,
        ] {
            order_request(fields, kind);
        }
        // The same fields as a JSON object of strings, in order, read back the same.
        let quote = |s: &str| serde_json::Value::String(s.to_string()).to_string();
        let members: Vec<String> = fields
            .iter()
            .map(|(n, v)| format!("{}:{}", quote(n), quote(v)))
            .collect();
        let json = format!("{{{}}}", members.join(","));
        assert_eq!(
            Fields::from_json(json.as_bytes(), Limits::default()).as_ref(),
            Ok(fields)
        );
    }
    api_body(data);
}

fn order_request(fields: &Fields, kind: OperationKind) {
    let strict = OperationRequest::from_fields(fields, kind, false);
    let open = OperationRequest::from_fields(fields, kind, true);
    let Ok(request) = strict else {
        return;
    };
    assert!(
        open.is_ok(),
        "the permissive rules accept what the strict accept"
    );
    assert_eq!(request.kind, kind);
    assert_eq!(fields.get("x_transaction_type"), Some(kind.as_str()));
    assert_eq!(request.amount.is_some(), kind != OperationKind::Void);
    if let Some((amount, text)) = &request.amount {
        assert!(amount.minor() > 0);
        assert_eq!(fields.get("x_amount"), Some(text.as_str()));
    }
    if let Some(url) = &request.url_callback {
        production_target(url);
    }
    let _ = request.check_against(&Target {
        reference: "order-1",
        test: true,
        currency: crate::domain::money::Currency::parse("USD").expect("USD is a currency"),
    });
    let op = request.operation();
    assert_eq!(op.kind(), kind);
    for payment in &PAYMENTS {
        applied(payment, op);
    }
}

/// The sessions API's capture and refund bodies, parsed as poem-openapi's `Json` payload does
/// (an empty body is `null`), and the operation each asks of every kind of payment.
fn api_body(data: &[u8]) {
    let value = if data.is_empty() {
        serde_json::Value::Null
    } else {
        match serde_json::from_slice::<serde_json::Value>(data) {
            Ok(v) => v,
            Err(_) => return,
        }
    };
    if let Ok(capture) = CaptureRequest::parse_from_json(Some(value.clone())) {
        assert!(
            capture.amount.is_none_or(|a| a >= 1),
            "the schema's minimum"
        );
        for payment in &PAYMENTS {
            // Without an amount, what is authorized and not yet captured.
            let minor = capture
                .amount
                .unwrap_or(payment.authorized - payment.captured);
            applied(payment, Operation::Capture(minor));
        }
    }
    if let Ok(refund) = RefundRequest::parse_from_json(Some(value)) {
        assert!(refund.amount >= 1, "the schema's minimum");
        for payment in &PAYMENTS {
            applied(payment, Operation::Refund(refund.amount));
        }
    }
}

/// `op` applied to `m` by the domain rule: refused, or moving exactly its amount within the
/// bounds.
fn applied(m: &Money, op: Operation) {
    let after = match apply(m, op) {
        Ok(after) => after,
        Err(Refusal::NotAllowed(_) | Refusal::Excessive(_)) => return,
    };
    match op {
        Operation::Capture(a) => assert_eq!(after.captured - m.captured, a),
        Operation::Refund(a) => assert_eq!(after.refunded - m.refunded, a),
        Operation::Void => assert_eq!(after.status, Status::Voided),
    }
    assert!(
        0 <= after.refunded
            && after.refunded <= after.captured
            && after.captured <= after.authorized,
        "{m:?} {op:?} -> {after:?}"
    );
}

/// The demo storefront's kind of allowed socket, for the rules that name one.
const SOCKET: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8081);

/// The URL and address checks: the text as a return or callback URL under the production rules,
/// with an allowed socket, and with private targets allowed; the SSRF guard on the URL's IP
/// literal; the text as a merchant's allowed hosts and frame origins; and the bytes themselves as
/// IPv4 and IPv6 addresses. Asserts that a URL the production rules accept is https on a public
/// host at the default port, never an IP literal that is private, loopback, link-local or
/// otherwise special, is accepted again as it serializes and passes the guard; that each looser
/// rule accepts what a stricter one does, an allowed socket only for itself; and that no address
/// the guard lets through is one of the ranges the standard library knows as non-public.
pub fn url_address(data: &[u8]) {
    for ip in addresses(data) {
        addresses_agree(ip);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sockets = [SOCKET];
    let strict = parse_target(text, false);
    let with_socket = parse_target(
        text,
        TargetRules {
            allow_private: false,
            allow_sockets: &sockets,
        },
    );
    let open = parse_target(text, true);
    if let Ok(url) = &strict {
        production_target(url);
        assert_eq!(
            parse_target(url.as_str(), false).as_ref(),
            Ok(url),
            "stable"
        );
        assert!(with_socket.is_ok() && open.is_ok(), "{url}");
    }
    if let Ok(url) = &with_socket {
        assert!(open.is_ok(), "{url}");
        if strict.is_err() {
            assert!(
                names_socket(url),
                "only the allowed socket is let in: {url}"
            );
        }
    }
    if let Ok(url) = &open {
        assert!(matches!(url.scheme(), "http" | "https"), "{url}");
        assert!(
            url.username().is_empty() && url.password().is_none(),
            "{url}"
        );
        assert!(url.host().is_some(), "{url}");
    }
    if let Ok(url) = Url::parse(text) {
        let guard = AddressPolicy::default();
        match (url.host(), guard.blocked_literal(&url)) {
            (Some(Host::Ipv4(ip)), None) => assert!(!non_public(IpAddr::V4(ip)), "{url}"),
            (Some(Host::Ipv6(ip)), None) => {
                assert!(!non_public(IpAddr::V6(ip).to_canonical()), "{url}")
            }
            (_, Some(ip)) => assert!(!guard.allows(ip), "{url}"),
            _ => {}
        }
    }
    host_settings(text);
}

/// What the production rules let a shopper or a callback be sent to.
fn production_target(url: &Url) {
    assert_eq!(url.scheme(), "https", "{url}");
    assert_eq!(url.port(), None, "{url}");
    assert!(
        url.username().is_empty() && url.password().is_none(),
        "{url}"
    );
    match url.host() {
        Some(Host::Ipv4(ip)) => assert!(!non_public(IpAddr::V4(ip)), "{url}"),
        Some(Host::Ipv6(ip)) => assert!(!non_public(IpAddr::V6(ip)), "{url}"),
        Some(Host::Domain(name)) => {
            let name = name.strip_suffix('.').unwrap_or(name);
            assert!(name.contains('.') && !name.ends_with(".localhost"), "{url}");
            assert!(
                name.split('.').all(|label| !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')),
                "{url}"
            );
        }
        None => panic!("no host: {url}"),
    }
    assert!(
        AddressPolicy::default().blocked_literal(url).is_none(),
        "{url}"
    );
}

fn names_socket(url: &Url) -> bool {
    url.host() == Some(Host::Ipv4(Ipv4Addr::LOCALHOST)) && url.port_or_known_default() == Some(8081)
}

/// The first 4 and the first 16 bytes as addresses, where there are that many.
fn addresses(data: &[u8]) -> Vec<IpAddr> {
    let mut out = Vec::new();
    if let Some(v4) = data.first_chunk::<4>() {
        out.push(IpAddr::V4(Ipv4Addr::from(*v4)));
    }
    if let Some(v6) = data.first_chunk::<16>() {
        out.push(IpAddr::V6(Ipv6Addr::from(*v6)));
    }
    out
}

/// The guard's and the URL rules' address checks against the standard library's own reading.
fn addresses_agree(ip: IpAddr) {
    if is_public_ip(ip) {
        assert!(!non_public(ip), "{ip}");
    }
    let guard = AddressPolicy::default();
    if guard.allows(ip) {
        assert!(!non_public(ip.to_canonical()), "{ip}");
    }
    let local = AddressPolicy {
        allow_sockets: vec![SOCKET],
        ..AddressPolicy::default()
    };
    assert_eq!(local.allows(ip), guard.allows(ip), "a socket is no network");
}

/// Addresses the standard library's predicates (stable ones, and the shared 100.64.0.0/10 and
/// IPv4-mapped IPv6 written out) call non-public: an independent reading of what the guard
/// must refuse.
fn non_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || v6.is_unique_local()
                || v6.is_unicast_link_local()
                || v6.to_ipv4_mapped().is_some()
                || v6.segments()[..2] == [0x2001, 0x0db8]
        }
    }
}

/// The text as a merchant's allowed hosts and frame origins: what parses is stored as text that
/// parses back to the same list, and every exact host listed is allowed.
fn host_settings(text: &str) {
    if let Ok(hosts) = HostList::parse(text) {
        assert!(hosts.entries().len() <= MAX_ENTRIES);
        assert_eq!(HostList::parse(&hosts.to_text()).as_ref(), Ok(&hosts));
        for entry in hosts.entries() {
            match entry.strip_prefix("*.") {
                Some(domain) => {
                    assert!(hosts.allows(&format!("a.{domain}")), "{entry}");
                }
                None => assert!(hosts.allows(entry), "{entry}"),
            }
        }
    }
    if let Ok(origins) = FrameOrigins::parse(text) {
        for origin in origins.entries() {
            let again = FrameOrigins::parse(origin).expect("a stored origin parses");
            assert_eq!(again.entries(), [origin.as_str()]);
        }
    }
}

/// The key the sealed-secret harness seals and opens with.
const MASTER_KEY: [u8; 32] = [0x5a; 32];

/// Merchant secrets sealed under the master key (`crypto::MasterKey`): the bytes given to the
/// opener as a stored ciphertext never open and never panic; split into associated data (the
/// first byte says how much) and a plaintext, they seal and open back to the plaintext, and
/// after any one bit flipped, with other associated data, under another key or truncated, they
/// no longer open.
pub fn sealed_secret(data: &[u8]) {
    let key = MasterKey::from_bytes(MASTER_KEY);
    for aad in [&b""[..], b"merchant:acct_1:1", data] {
        assert!(key.open(data, aad).is_err(), "forged bytes opened");
    }
    let split = data
        .first()
        .map_or(0, |n| usize::from(*n) % 33)
        .min(data.len().saturating_sub(1));
    let (aad, plaintext) = match data.split_first() {
        Some((_, rest)) => rest.split_at(split),
        None => (&b""[..], &b""[..]),
    };
    let sealed = key.seal(plaintext, aad);
    assert_eq!(sealed.len(), 24 + plaintext.len() + 16);
    let opened = key.open(&sealed, aad).expect("what was sealed opens");
    assert_eq!(opened.expose_secret().as_slice(), plaintext);

    // Sixteen bits spread over the whole ciphertext, from an offset the input chooses.
    let bits = sealed.len() * 8;
    let step = (bits / 16).max(1);
    let start = data.iter().map(|b| usize::from(*b)).sum::<usize>() % step;
    for bit in (start..bits).step_by(step) {
        let mut flipped = sealed.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        assert!(key.open(&flipped, aad).is_err(), "bit {bit} flipped opened");
    }
    let mut other_aad = aad.to_vec();
    other_aad.push(0);
    assert!(key.open(&sealed, &other_aad).is_err(), "another row's data");
    let mut other = MASTER_KEY;
    other[0] ^= 1;
    assert!(MasterKey::from_bytes(other).open(&sealed, aad).is_err());
    for len in [0, sealed.len() / 2, sealed.len() - 1] {
        assert!(key.open(&sealed[..len], aad).is_err(), "cut to {len}");
    }
    let _ = MasterKey::from_base64(&String::from_utf8_lossy(data));
}
