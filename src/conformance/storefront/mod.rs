//! `conformance storefront`: the kit plays a storefront against a gateway. It starts its own
//! storefront endpoints (`listener.rs`), sends payment requests (good and bad), pays on the
//! hosted page (or, with `--manual`, lets a person pay in a browser), waits for the callback, and
//! manages the orders: every step judged only by what the gateway sent.
//!
//! The run, in order: the payment request checks (`requests.rs`); the page, the return and the
//! callback of an authorization A (`shopper.rs`); then order management (`orders.rs`): a capture
//! with a bad signature, a capture and a partial refund of A, the refund replayed, and the void
//! of a second authorization B. Each run uses references of its own (`conf-RUN-…`), so runs
//! never collide on a gateway that keeps references unique.

mod orders;
mod requests;
mod shopper;
mod values;

use super::http::Http;
use super::listener::Listener;
use super::report::Report;
use super::signer::{Values, pairs};
use std::time::Duration;
use url::Url;

/// Every check id, in the order a run reports them.
pub const CHECKS: &[&str] = &[
    "request.signed_accepted",
    "request.unsigned_refused",
    "request.tampered_refused",
    "request.wrong_key_refused",
    "request.duplicate_field_refused",
    "request.exact_digits",
    "page.elements",
    "page.pay",
    "return.signature",
    "return.echo",
    "return.fields",
    "callback.received",
    "callback.signature",
    "callback.echo",
    "om.bad_signature_401",
    "om.capture_signed",
    "om.refund_signed",
    "om.replay_first_answer",
    "om.void_signed",
];

/// What a run needs; [`Options::new`] gives the command line's defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// The gateway's base URL; the endpoints default to `/checkout`, `/capture`, `/refund` and
    /// `/void` under it.
    pub gateway: Url,
    pub payment_url: Option<Url>,
    pub capture_url: Option<Url>,
    pub refund_url: Option<Url>,
    pub void_url: Option<Url>,
    pub account: String,
    pub secret: String,
    /// Where the kit's storefront endpoints listen (`127.0.0.1:0`: any free port).
    pub callback_listen: String,
    /// The base URL the gateway is told to use for them, if not `http://` + the listen address
    /// (a tunnel or a public name, for a gateway that is not on this machine).
    pub public_url: Option<Url>,
    /// Let a person pay in a browser instead of the kit submitting the card form.
    pub manual: bool,
    /// The test card the kit pays with.
    pub card: String,
    /// Every HTTP call.
    pub http_timeout: Duration,
    /// How long to wait for a callback.
    pub callback_timeout: Duration,
    /// How long to wait, with `--manual`, for each shopper's return.
    pub manual_timeout: Duration,
}

impl Options {
    pub fn new(gateway: Url, account: &str, secret: &str) -> Self {
        Self {
            gateway,
            payment_url: None,
            capture_url: None,
            refund_url: None,
            void_url: None,
            account: account.to_string(),
            secret: secret.to_string(),
            callback_listen: "127.0.0.1:0".into(),
            public_url: None,
            manual: false,
            card: "4242424242424242".into(),
            http_timeout: Duration::from_secs(10),
            callback_timeout: Duration::from_secs(20),
            manual_timeout: Duration::from_secs(300),
        }
    }

    fn endpoint(&self, given: &Option<Url>, path: &str) -> anyhow::Result<Url> {
        if let Some(url) = given {
            return Ok(url.clone());
        }
        let mut base = self.gateway.clone();
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        Ok(base.join(path)?)
    }
}

/// With `--manual`: the page a person must open and pay (payment `n` of `of`).
#[derive(Debug, Clone)]
pub struct Prompt {
    pub url: Url,
    pub n: usize,
    pub of: usize,
    pub timeout: Duration,
}

/// The default prompt: on stderr, so `--json` output stays clean.
pub fn print_prompt(p: &Prompt) {
    eprintln!(
        "Open this payment page in a browser and pay it (payment {} of {}; within {} s):\n  {}",
        p.n,
        p.of,
        p.timeout.as_secs(),
        p.url
    );
}

/// Runs every check against the gateway of `options`.
pub async fn run(options: &Options) -> anyhow::Result<Report> {
    run_with(options, &print_prompt).await
}

/// [`run`], with `prompt` called for each page a person must pay with `--manual`.
pub async fn run_with(
    options: &Options,
    prompt: &(dyn Fn(&Prompt) + Sync),
) -> anyhow::Result<Report> {
    let listener = Listener::start(&options.callback_listen, options.public_url.as_ref()).await?;
    let kit = Kit {
        payment_url: options.endpoint(&options.payment_url, "checkout")?,
        capture_url: options.endpoint(&options.capture_url, "capture")?,
        refund_url: options.endpoint(&options.refund_url, "refund")?,
        void_url: options.endpoint(&options.void_url, "void")?,
        http: Http::new(options.http_timeout)?,
        run_id: crate::crypto::random_hex::<4>(),
        options,
        listener,
        prompt,
    };
    let mut report = Report::default();
    let opened = requests::check(&kit, &mut report).await;
    let paid = shopper::check(&kit, &mut report, opened).await;
    // B would fail the way A did (and, with --manual, cost a person another wait).
    let void_target = match &paid {
        Ok(_) => shopper::second_authorization(&kit).await,
        Err(why) => Err(format!("B was not tried, as A failed ({why})")),
    };
    orders::check(&kit, &mut report, paid.as_ref(), void_target).await;
    kit.listener.stop().await;
    Ok(report)
}

/// What the checks of one run share.
struct Kit<'a> {
    options: &'a Options,
    payment_url: Url,
    capture_url: Url,
    refund_url: Url,
    void_url: Url,
    http: Http,
    listener: Listener,
    run_id: String,
    prompt: &'a (dyn Fn(&Prompt) + Sync),
}

impl Kit<'_> {
    fn reference(&self, label: &str) -> String {
        format!("conf-{}-{label}", self.run_id)
    }

    /// A complete payment request, unsigned.
    fn request(&self, label: &str, amount: &str, currency: &str, kind: &str) -> Values {
        let cancel = format!(
            "{}?order={}",
            self.listener.url("cancel"),
            self.reference(label)
        );
        let mut values = pairs(&[
            ("x_account_id", &self.options.account),
            ("x_amount", amount),
            ("x_currency", currency),
            ("x_reference", &self.reference(label)),
            ("x_shop_country", "US"),
            ("x_shop_name", "Conformance kit"),
            ("x_test", "true"),
            ("x_url_callback", self.listener.url("callback").as_str()),
            ("x_url_cancel", &cancel),
            ("x_url_complete", self.listener.url("complete").as_str()),
            ("x_description", "A conformance check"),
        ]);
        if kind != "sale" {
            values.push(("x_transaction_type".into(), kind.into()));
        }
        values
    }
}

/// A payment request the gateway accepted, and where its page is.
struct Opened {
    request: Values,
    /// The page the answer sent the browser to.
    page: Url,
    /// The page's HTML, when the gateway answered with the page itself instead of a redirect.
    html: Option<String>,
}

/// A payment the shopper paid and the values it returned with.
struct Paid {
    request: Values,
    returned: Values,
}
