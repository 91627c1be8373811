//! What anyone may read, for partners listing the gateway and developers integrating it: the
//! descriptor (`/.well-known/offsite-gateway.json`, protocol.md section 8), the public page at
//! `/` rendering the same descriptor with a worked signed example, and the published signature
//! and exact-money vectors. Public, cacheable for five minutes, readable from any origin.

use super::html::render;
use crate::descriptor::{self, Descriptor};
use crate::domain::money::{Amount, Currency};
use crate::domain::signature;
use crate::state::AppState;
use askama::Template;
use poem::http::{StatusCode, header};
use poem::web::Data;
use poem::{IntoResponse, Response, handler};

/// The published example credentials of the worked example: not any merchant's.
pub const EXAMPLE_ACCOUNT: &str = "acct_example";
pub const EXAMPLE_SECRET: &str = "example-secret-not-a-merchant";

fn public(resp: impl IntoResponse) -> Response {
    resp.with_header(header::CACHE_CONTROL, "public, max-age=300")
        .with_header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .into_response()
}

fn json(body: String) -> Response {
    public(body.with_content_type("application/json"))
}

fn describe(state: &AppState) -> Descriptor {
    descriptor::describe(&state.settings, state.processor.live())
}

#[handler]
pub fn descriptor_json(Data(state): Data<&AppState>) -> Response {
    match serde_json::to_string_pretty(&describe(state)) {
        Ok(body) => json(body),
        Err(e) => {
            tracing::error!(error = %e, "serializing the descriptor failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[handler]
pub fn signature_vectors() -> Response {
    json(descriptor::SIGNATURE_VECTORS.to_string())
}

#[handler]
pub fn money_vectors() -> Response {
    json(descriptor::MONEY_VECTORS.to_string())
}

/// The worked example: a request, the exact text signed, and its signature.
pub struct Example {
    pub fields: Vec<(&'static str, String)>,
    pub message: String,
    pub signature: String,
}

/// A payment request of the example account, signed live by the gateway's own signer.
pub fn example() -> Example {
    let fields: Vec<(&'static str, String)> = vec![
        ("x_account_id", EXAMPLE_ACCOUNT.into()),
        ("x_amount", "89.99".into()),
        ("x_currency", "USD".into()),
        ("x_reference", "order-1001".into()),
        ("x_shop_country", "US".into()),
        ("x_shop_name", "Widgets Inc".into()),
        ("x_test", "true".into()),
        ("x_url_callback", "https://shop.example.com/notify".into()),
        ("x_url_cancel", "https://shop.example.com/cart".into()),
        (
            "x_url_complete",
            "https://shop.example.com/orders/1001/done".into(),
        ),
    ];
    let pairs = || fields.iter().map(|(n, v)| (*n, v.as_str()));
    let message = String::from_utf8_lossy(&signature::message(pairs())).into_owned();
    let signature = signature::sign(pairs(), EXAMPLE_SECRET.as_bytes());
    Example {
        fields,
        message,
        signature,
    }
}

/// A currency whose digits are not 2, for the page's table.
pub struct Unusual {
    pub code: &'static str,
    pub digits: u8,
    pub also: String,
    pub example: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    t: crate::i18n::Locale,
    test: bool,
    d: Descriptor,
    descriptor_url: String,
    example: Example,
    example_secret: &'static str,
    unusual: Vec<Unusual>,
    schedule: String,
}

fn schedule_text(seconds: &[serde_json::Value]) -> String {
    seconds
        .iter()
        .map(|s| {
            let d = std::time::Duration::from_secs_f64(s.as_f64().unwrap_or_default());
            humantime::format_duration(d).to_string()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[handler]
pub fn index(Data(state): Data<&AppState>) -> Response {
    let d = describe(state);
    let unusual = d
        .currencies
        .iter()
        .filter(|c| c.digits != 2 || c.also_accepted_digits.is_some())
        .map(|c| Unusual {
            code: c.code,
            digits: c.digits,
            also: c
                .also_accepted_digits
                .as_ref()
                .map(|a| a.iter().map(u8::to_string).collect::<Vec<_>>().join(", "))
                .unwrap_or_default(),
            example: Currency::parse(c.code)
                .map(|cur| Amount::from_minor(1250, cur).display())
                .unwrap_or_default(),
        })
        .collect();
    let page = IndexPage {
        t: crate::i18n::english(),
        test: false,
        descriptor_url: format!(
            "{}{}",
            state.settings.public_url.trim_end_matches('/'),
            descriptor::DESCRIPTOR_PATH
        ),
        example: example(),
        example_secret: EXAMPLE_SECRET,
        schedule: schedule_text(&d.callbacks.retry_schedule_s),
        unusual,
        d,
    };
    public(render(StatusCode::OK, &page))
}
