//! The signature doctor's cost (T31; not a test): how much work refusing a bad signature takes
//! with the diagnosis and without it, on a realistic 12-field payment request, for a merchant
//! with one secret and for one in a rotation's overlap (two valid secrets and an expired one).
//! The doctor runs only after a signature failed, so this is the added cost of a refusal.
//!
//!     cargo bench --bench doctor                  # wall clock, 20,000 refusals each
//!     valgrind --tool=callgrind target/release/deps/doctor-* --once   # instructions of one

use offsite_gateway::domain::doctor::{Sent, diagnose};
use offsite_gateway::domain::form::{Fields, Limits};
use offsite_gateway::domain::signature;
use std::hint::black_box;
use std::time::Instant;

const BODY: &str = "x_account_id=acct_4f1c2a9b&x_amount=89.99&x_currency=USD\
&x_reference=order-1001&x_shop_country=US&x_shop_name=Widgets+Inc&x_test=true\
&x_url_callback=https%3A%2F%2Fshop.example.com%2Fnotify\
&x_url_cancel=https%3A%2F%2Fshop.example.com%2Fcart\
&x_url_complete=https%3A%2F%2Fshop.example.com%2Forders%2F1001%2Fdone\
&x_description=Two+widgets&x_invoice=\
&x_signature=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn refuse(fields: &Fields, secrets: &[&[u8]], expired: &[&[u8]], doctor: bool) -> bool {
    let provided = fields.get("x_signature").unwrap_or("");
    let ok = signature::verify_any(fields.iter(), secrets, provided).is_some();
    if !ok && doctor {
        let sent = Sent {
            fields,
            raw: BODY.as_bytes(),
            provided,
        };
        black_box(diagnose(&sent, secrets, expired));
    }
    ok
}

fn main() {
    let fields = Fields::parse(BODY.as_bytes(), Limits::default()).unwrap();
    let (current, previous, old): (&[u8], &[u8], &[u8]) = (
        b"6TJrME6ht_UJnAKR_wyYr9GSctA1ZJv2JU37Ok0GRaU",
        b"oTpgM0rDVbZYie6297EXuK-fD7COW0maspDCxHJZKgk",
        b"iU44RWxeik",
    );
    if std::env::args().any(|a| a == "--once") {
        black_box(refuse(&fields, &[current, previous], &[old], true));
        return;
    }
    let n = 20_000;
    println!("{:<44} {:>12} {:>12}", "case", "per refusal", "vs verify");
    for (label, secrets, expired) in [
        ("one secret", vec![current], vec![]),
        (
            "overlap: two secrets and an expired one",
            vec![current, previous],
            vec![old],
        ),
    ] {
        let time = |doctor: bool| {
            let started = Instant::now();
            for _ in 0..n {
                black_box(refuse(black_box(&fields), &secrets, &expired, doctor));
            }
            started.elapsed() / n
        };
        let (plain, with_doctor) = (time(false), time(true));
        println!("{label:<44} {:>12?} {:>12}", plain, "1.0x");
        println!(
            "{:<44} {:>12?} {:>11.1}x",
            "  + doctor",
            with_doctor,
            with_doctor.as_secs_f64() / plain.as_secs_f64()
        );
    }
}
