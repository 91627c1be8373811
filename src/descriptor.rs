//! The gateway descriptor for partners (protocol.md section 8): every fact a platform needs to
//! list the gateway, built from the same code and settings that serve requests (the currency
//! table the parser uses, the configured retry schedule and timeout, the test card table, the
//! processor's live mode), so it cannot drift. The JSON document and the public page at `/`
//! both render it; the published vectors live beside it.

use crate::config::Settings;
use crate::domain::money::all_currencies;
use crate::domain::request::all_countries;
use crate::processor::TEST_CARDS;
use serde::Serialize;

/// Where the published vectors are served.
pub const SIGNATURE_VECTORS_PATH: &str = "/.well-known/offsite-gateway/signature-vectors.json";
pub const MONEY_VECTORS_PATH: &str = "/.well-known/offsite-gateway/money-vectors.json";
pub const DESCRIPTOR_PATH: &str = "/.well-known/offsite-gateway.json";

/// The vectors, as published (the project's tests read the same files).
pub const SIGNATURE_VECTORS: &str = include_str!("../vectors/signature-vectors.json");
pub const MONEY_VECTORS: &str = include_str!("../vectors/money-vectors.json");

#[derive(Debug, Serialize)]
pub struct Descriptor {
    pub name: &'static str,
    pub version: &'static str,
    pub payment_url: String,
    pub order_management: OrderManagement,
    /// The sessions API and its OpenAPI document: `null` until they exist.
    pub api_url: Option<String>,
    pub openapi_url: Option<String>,
    pub currencies: Vec<CurrencyDigits>,
    pub countries: Vec<&'static str>,
    pub capabilities: Capabilities,
    pub signature: Signature,
    pub callbacks: Callbacks,
    pub credentials: Vec<Credential>,
    pub test_cards: Vec<TestCard>,
    pub vectors: Vectors,
}

#[derive(Debug, Serialize)]
pub struct OrderManagement {
    pub capture: String,
    pub refund: String,
    pub void: String,
}

#[derive(Debug, Serialize)]
pub struct CurrencyDigits {
    pub code: &'static str,
    /// As ISO 4217 has it.
    pub digits: u8,
    /// The digit counts storefronts in the field send, also accepted (exact in ISO units).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also_accepted_digits: Option<Vec<u8>>,
}

/// What really works here (`true` only where it does).
#[derive(Debug, Serialize)]
pub struct Capabilities {
    pub authorization: bool,
    pub partial_capture: bool,
    pub multiple_captures: bool,
    pub partial_refund: bool,
    pub void: bool,
    pub test_mode: bool,
    pub live_mode: bool,
    pub key_rotation: bool,
    pub embedded: bool,
    pub sessions_api: bool,
    pub webhooks: bool,
}

#[derive(Debug, Serialize)]
pub struct Signature {
    pub algorithm: &'static str,
    pub encoding: &'static str,
    pub fields: &'static str,
    pub order: &'static str,
    pub separator: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Callbacks {
    pub content_type: &'static str,
    pub success: &'static str,
    pub timeout_s: u64,
    /// Seconds, whole numbers where they are whole (`[60, 120, …]`; tests use `0.25`).
    pub retry_schedule_s: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct Credential {
    pub name: &'static str,
    pub label: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
}

#[derive(Debug, Serialize)]
pub struct TestCard {
    pub number: &'static str,
    pub outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct Vectors {
    pub signature: String,
    pub money: String,
}

/// The descriptor of the gateway these settings run, with a processor that is live or not.
pub fn describe(settings: &Settings, processor_live: bool) -> Descriptor {
    let base = settings.public_url.trim_end_matches('/');
    let url = |path: &str| format!("{base}{path}");
    Descriptor {
        name: "offsite-gateway",
        version: env!("CARGO_PKG_VERSION"),
        payment_url: url("/checkout"),
        order_management: OrderManagement {
            capture: url("/capture"),
            refund: url("/refund"),
            void: url("/void"),
        },
        api_url: None,
        openapi_url: None,
        currencies: all_currencies()
            .into_iter()
            .map(|c| CurrencyDigits {
                code: c.code(),
                digits: c.exponent(),
                also_accepted_digits: c.also_accepted_digits().map(|d| vec![d]),
            })
            .collect(),
        countries: all_countries(),
        capabilities: Capabilities {
            authorization: true,
            partial_capture: true,
            multiple_captures: true,
            partial_refund: true,
            void: true,
            test_mode: true,
            live_mode: processor_live,
            key_rotation: true,
            embedded: false,
            sessions_api: false,
            webhooks: false,
        },
        signature: Signature {
            algorithm: "HMAC-SHA256",
            encoding: "hex",
            fields: "x_*",
            order: "bytewise by name",
            separator: "",
        },
        callbacks: Callbacks {
            content_type: "application/x-www-form-urlencoded",
            success: "2xx",
            timeout_s: settings.callback_timeout.as_secs(),
            retry_schedule_s: settings
                .callback_retry_schedule
                .intervals()
                .iter()
                .map(|d| match d.subsec_nanos() {
                    0 => d.as_secs().into(),
                    _ => d.as_secs_f64().into(),
                })
                .collect(),
        },
        credentials: vec![
            Credential {
                name: "x_account_id",
                label: "Account ID",
                secret: false,
            },
            Credential {
                name: "secret",
                label: "Secret key (HMAC-SHA256)",
                secret: true,
            },
        ],
        test_cards: TEST_CARDS
            .iter()
            .map(|(number, behaviour)| TestCard {
                number,
                outcome: behaviour.name(),
                message: behaviour.message(),
            })
            .collect(),
        vectors: Vectors {
            signature: url(SIGNATURE_VECTORS_PATH),
            money: url(MONEY_VECTORS_PATH),
        },
    }
}
