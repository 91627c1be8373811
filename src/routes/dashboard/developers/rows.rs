//! The developers page's rows and panel in the reader's words: API keys, webhook endpoints and
//! their deliveries, the callback delivery panel, and the signature doctor's rejections with
//! what the storefront should do.

use crate::domain::doctor::Diagnosis;
use crate::i18n::{Locale, Value};
use crate::routes::dashboard::text::{self as words, Markup, Piece, When, code, escape};
use crate::store::api_keys;
use crate::store::callbacks::{Answer, Health};
use crate::store::rejections::Rejection;
use crate::store::webhooks as endpoints;
use std::borrow::Cow;

pub struct RejectionRow {
    pub at: When,
    pub path: String,
    pub diagnosis: String,
    pub hint: Cow<'static, str>,
    pub fields: String,
    pub ip: String,
}

/// What the storefront's developer should do about a diagnosis, in words.
fn diagnosis_hint(t: &Locale, d: Diagnosis) -> Cow<'static, str> {
    match d {
        Diagnosis::PreviousSecretExpired => t.msg("dash-diagnosis-previous-secret-expired"),
        Diagnosis::NonXFieldsIncluded => t.msg("dash-diagnosis-non-x-fields-included"),
        Diagnosis::SignatureFieldIncluded => t.msg("dash-diagnosis-signature-field-included"),
        Diagnosis::UnsortedFields => t.msg("dash-diagnosis-unsorted-fields"),
        Diagnosis::SeparatorsUsed => t.msg("dash-diagnosis-separators-used"),
        Diagnosis::EncodedValues => t.msg("dash-diagnosis-encoded-values"),
        Diagnosis::EmptyFieldsDropped => t.msg("dash-diagnosis-empty-fields-dropped"),
        Diagnosis::WrongAlgorithm => t.msg("dash-diagnosis-wrong-algorithm"),
        Diagnosis::SecretDecoded => t.msg("dash-diagnosis-secret-decoded"),
        Diagnosis::Unknown => t.msg("dash-diagnosis-unknown"),
    }
}

pub fn rejection_row(t: &Locale, r: Rejection) -> RejectionRow {
    RejectionRow {
        hint: Diagnosis::from_code(&r.diagnosis)
            .map_or(Cow::Borrowed(""), |d| diagnosis_hint(t, d)),
        at: When::of(t, r.at),
        path: r.path,
        diagnosis: r.diagnosis,
        fields: r.fields.replace(',', ", "),
        ip: r.ip.unwrap_or_default(),
    }
}

/// The callback delivery panel, in words.
pub struct Delivery {
    pub attempts: i64,
    pub success_rate: String,
    pub time: String,
    pub waiting: String,
    pub gave_up: i64,
    /// The button's text, when something gave up.
    pub resend: Option<String>,
    /// Worth a warning: failures in the window, or something waiting for over 10 minutes.
    pub troubled: bool,
}

impl Delivery {
    pub fn of(t: &Locale, h: &Health, now: i64) -> Self {
        let ms = |v: Option<i64>| match v {
            Some(v) => t.fmt("dash-duration-ms", &[("ms", Value::from(v))]),
            None => t.msg("dash-none").into_owned(),
        };
        let oldest_age = h.oldest_waiting_at.map(|at| (now - at).max(0));
        let waiting = match oldest_age {
            Some(age) if h.waiting > 0 => waiting_text(t, h.waiting, age / 1000),
            _ => h.waiting.to_string(),
        };
        Self {
            attempts: h.attempts,
            success_rate: match h.attempts {
                0 => t.msg("dash-delivery-no-attempts").into_owned(),
                n => {
                    // Tenths of a percent, rounded half up.
                    let tenths = (h.succeeded * 2000 + n) / (2 * n);
                    let rate = t.number(tenths, 1);
                    t.fmt("dash-delivery-rate", &[("rate", rate.into())])
                }
            },
            time: t.fmt(
                "dash-delivery-time",
                &[("p50", ms(h.p50_ms).into()), ("p95", ms(h.p95_ms).into())],
            ),
            waiting,
            gave_up: h.gave_up,
            resend: (h.gave_up > 0)
                .then(|| t.fmt("dash-resend-gave-up", &[("count", Value::from(h.gave_up))])),
            troubled: h.succeeded < h.attempts
                || h.gave_up > 0
                || oldest_age.is_some_and(|a| a > 10 * 60 * 1000),
        }
    }
}

/// "N, the oldest created … ago": the age in its largest whole unit.
fn waiting_text(t: &Locale, waiting: i64, age_secs: i64) -> String {
    let args = |age: i64| [("waiting", Value::from(waiting)), ("age", Value::from(age))];
    match age_secs {
        s if s < 60 => t.fmt("dash-delivery-waiting-seconds", &args(s)),
        s if s < 3600 => t.fmt("dash-delivery-waiting-minutes", &args(s / 60)),
        s if s < 86_400 => t.fmt("dash-delivery-waiting-hours", &args(s / 3600)),
        s => t.fmt("dash-delivery-waiting-days", &args(s / 86_400)),
    }
}

pub struct KeyRow {
    pub id: String,
    pub hint: String,
    pub mode: Cow<'static, str>,
    pub created: When,
    /// "revoked …" (markup), once revoked.
    pub revoked: Option<String>,
    pub revoke_label: String,
}

pub fn key_row(t: &Locale, k: api_keys::ApiKey) -> KeyRow {
    KeyRow {
        mode: words::mode(t, !k.livemode),
        created: When::of(t, k.created_at),
        revoked: k.revoked_at.map(|at| {
            let at = Piece::Html(When::of(t, at).html());
            t.html_fmt("dash-key-revoked-at", &[("at", at)])
        }),
        revoke_label: t.fmt("dash-key-revoke-label", &[("id", k.id.as_str().into())]),
        id: k.id,
        hint: k.hint,
    }
}

pub struct DeliveryRow {
    pub id: i64,
    pub event_type: String,
    pub event_id: String,
    /// "payment {link}" (markup).
    pub payment: String,
    pub status: &'static str,
    pub attempts: String,
    pub last: String,
    pub resend_label: String,
}

pub fn delivery_row(t: &Locale, d: endpoints::Delivery) -> DeliveryRow {
    let link = format!(
        "<a href=\"/dashboard/payments/{}\">{}</a>",
        escape(&d.payment_id),
        code(&d.payment_id)
    );
    DeliveryRow {
        status: d.status.as_str(),
        last: match (d.last_status, &d.last_error, d.attempts) {
            (None, None, 0) => t.msg("dash-answer-not-attempted").into_owned(),
            (status, error, _) => words::answer(t, &Answer::of(status, error.as_deref())),
        },
        payment: t.html_fmt("dash-delivery-payment", &[("payment", Piece::Html(link))]),
        attempts: t.fmt(
            "dash-delivery-attempts",
            &[("count", Value::from(d.attempts))],
        ),
        resend_label: t.fmt(
            "dash-delivery-resend-label",
            &[
                ("id", d.id.to_string().into()),
                ("event", d.event_type.as_str().into()),
            ],
        ),
        id: d.id,
        event_type: d.event_type,
        event_id: d.event_id,
    }
}

pub struct EndpointRow {
    pub id: String,
    pub url: String,
    pub events: String,
    /// "created …" (markup).
    pub created: String,
    /// While a rotated-out secret still signs too, until when; else "one secret" (markup).
    pub secret: String,
    pub deliveries_heading: String,
    pub rotate_label: String,
    pub delete_label: String,
    pub deliveries: Vec<DeliveryRow>,
}

pub fn endpoint_row(
    t: &Locale,
    e: endpoints::Endpoint,
    sent: Vec<endpoints::Delivery>,
    now: i64,
) -> EndpointRow {
    let created = Piece::Html(When::of(t, e.created_at).html());
    let secret = match e.previous_expires_at.filter(|at| *at > now) {
        Some(until) => {
            let until = Piece::Html(When::of(t, until).html());
            t.html_fmt("dash-endpoint-previous-until", &[("until", until)])
        }
        None => escape(&t.msg("dash-endpoint-one-secret")),
    };
    let id = e.id.as_str();
    EndpointRow {
        events: match e.events.entries() {
            [all] if all == "*" => t.msg("dash-endpoint-all-events").into_owned(),
            some => some.join(", "),
        },
        created: t.html_fmt("dash-endpoint-created", &[("at", created)]),
        secret,
        deliveries_heading: t.html_fmt("dash-deliveries-heading", &[("id", Piece::Html(code(id)))]),
        rotate_label: t.fmt("dash-endpoint-rotate-label", &[("id", id.into())]),
        delete_label: t.fmt("dash-endpoint-delete-label", &[("id", id.into())]),
        deliveries: sent.into_iter().map(|d| delivery_row(t, d)).collect(),
        id: e.id,
        url: e.url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;

    #[test]
    fn every_diagnosis_has_a_hint() {
        let t = i18n::english();
        for d in Diagnosis::ALL {
            let hint = diagnosis_hint(&t, d);
            assert!(hint.ends_with('.'), "{}: {hint}", d.code());
        }
    }

    #[test]
    fn the_oldest_waiting_is_told_in_its_largest_whole_unit() {
        let t = i18n::english();
        assert_eq!(waiting_text(&t, 1, 1), "1, the oldest created 1 second ago");
        assert_eq!(
            waiting_text(&t, 1, 59),
            "1, the oldest created 59 seconds ago"
        );
        assert_eq!(
            waiting_text(&t, 3, 1201),
            "3, the oldest created 20 minutes ago"
        );
        assert_eq!(
            waiting_text(&t, 1, 7300),
            "1, the oldest created 2 hours ago"
        );
        assert_eq!(
            waiting_text(&t, 2, 86_400),
            "2, the oldest created 1 day ago"
        );
    }

    #[test]
    fn the_success_rate_rounds_to_a_tenth() {
        let t = i18n::english();
        let health = |attempts, succeeded| Health {
            attempts,
            succeeded,
            p50_ms: None,
            p95_ms: None,
            waiting: 0,
            oldest_waiting_at: None,
            gave_up: 0,
        };
        let rate = |a, s| Delivery::of(&t, &health(a, s), 0).success_rate;
        assert_eq!(rate(0, 0), "no attempts");
        assert_eq!(rate(4, 0), "0.0 %");
        assert_eq!(rate(3, 2), "66.7 %");
        assert_eq!(rate(3, 3), "100.0 %");
    }
}
