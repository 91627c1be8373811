//! The conformance kit (protocol.md section 15): against our gateway every check passes; against
//! small broken gateways and careless callback receivers, built here, it fails exactly the check
//! that names the flaw. The kit runs in-process through its library function, and once through
//! the real binary for the exit status and `--json`.

use crate::helpers::{ACCOUNT, SECRET, TestApp, http_client};
use crate::receiver::{RECEIVER_IP, Receiver, Reply};
use offsite_gateway::conformance::storefront::{self, Prompt};
use offsite_gateway::conformance::{Report, Status, callbacks};
use std::time::Duration;
use url::Url;

/// The kit's options against `base`, its listener where the gateway's SSRF guard lets callbacks
/// through (as the conformance step of .ci/run runs it).
fn options(base: &str) -> storefront::Options {
    let mut o = storefront::Options::new(Url::parse(base).unwrap(), ACCOUNT, SECRET);
    o.callback_timeout = Duration::from_secs(5);
    o.callback_listen = format!("{RECEIVER_IP}:0");
    o
}

fn ids(report: &Report, status: Status) -> Vec<&'static str> {
    report
        .checks
        .iter()
        .filter(|c| c.status == status)
        .map(|c| c.id)
        .collect()
}

#[tokio::test]
async fn every_check_passes_against_our_gateway() {
    let app = TestApp::spawn().await;
    let report = storefront::run(&options(&app.address)).await.unwrap();
    let text = report.to_text();
    println!("{text}");
    let ran: Vec<_> = report.checks.iter().map(|c| c.id).collect();
    assert_eq!(ran, storefront::CHECKS, "every check, in order:\n{text}");
    assert_eq!(report.passed(), storefront::CHECKS.len(), "{text}");
    assert!(
        report
            .get("request.signed_accepted")
            .unwrap()
            .reason
            .starts_with("303 to /pay/"),
        "{text}"
    );
}

/// A shopper's browser without JavaScript: opens the page, pays with 4242, follows the 303
/// back to the storefront.
async fn shop(page: Url) {
    let back = crate::process::pay_at(page.as_str()).await;
    http_client().get(back).send().await.unwrap();
}

#[tokio::test]
async fn manual_mode_prints_each_page_and_judges_the_browsers_return() {
    let app = TestApp::spawn().await;
    let prompts = std::sync::Mutex::new(Vec::new());
    let prompt = |p: &Prompt| {
        prompts.lock().unwrap().push((p.n, p.of));
        tokio::spawn(shop(p.url.clone()));
    };
    let mut o = options(&app.address);
    o.manual = true;
    o.manual_timeout = Duration::from_secs(10);
    let report = storefront::run_with(&o, &prompt).await.unwrap();
    let text = report.to_text();
    assert_eq!(*prompts.lock().unwrap(), [(1, 2), (2, 2)], "{text}");
    assert_eq!(ids(&report, Status::Skip), ["page.elements"], "{text}");
    assert_eq!(report.failed(), 0, "{text}");
    assert!(
        report
            .get("page.pay")
            .unwrap()
            .reason
            .contains("browser came back"),
        "{text}"
    );
}

#[tokio::test]
async fn each_broken_gateway_fails_exactly_the_checks_that_name_its_flaw() {
    let cases: [(fake::Flaws, &[&str], &str); 5] = [
        (fake::Flaws::default(), &[], "the fake itself is faithful"),
        (
            fake::Flaws {
                signature_only_present: true,
                ..Default::default()
            },
            &["request.tampered_refused", "request.wrong_key_refused"],
            "checks that x_signature is there, not that it verifies",
        ),
        (
            fake::Flaws {
                unsigned_orders: true,
                ..Default::default()
            },
            &["om.capture_signed", "om.refund_signed", "om.void_signed"],
            "answers order management without x_signature",
        ),
        (
            fake::Flaws {
                float_amounts: true,
                ..Default::default()
            },
            &["return.echo", "callback.echo"],
            "echoes x_amount through a float: 10.5 for 10.50",
        ),
        (
            fake::Flaws {
                never_calls_back: true,
                ..Default::default()
            },
            &["callback.received"],
            "never calls back",
        ),
    ];
    for (flaws, expected, why) in cases {
        let gateway = fake::Gateway::start(flaws).await;
        let mut o = options(&gateway.base);
        o.callback_timeout = Duration::from_secs(1);
        let report = storefront::run(&o).await.unwrap();
        let text = report.to_text();
        assert_eq!(ids(&report, Status::Fail), expected, "{why}:\n{text}");
        if flaws.never_calls_back {
            assert_eq!(
                ids(&report, Status::Skip),
                ["callback.signature", "callback.echo"],
                "{text}"
            );
        }
        println!("{why}:\n{text}");
    }
}

#[tokio::test]
async fn a_gateway_that_refuses_everything_fails_the_signed_request_and_skips_what_needs_it() {
    let refuser = Receiver::start().await;
    refuser.otherwise(Reply::Status(400));
    let report = storefront::run(&options(&refuser.base)).await.unwrap();
    let text = report.to_text();
    assert_eq!(
        ids(&report, Status::Fail),
        ["request.signed_accepted"],
        "{text}"
    );
    assert_eq!(
        report.status_of("request.wrong_key_refused"),
        Some(Status::Skip),
        "refusing everything proves nothing: {text}"
    );
    assert_eq!(report.skipped(), storefront::CHECKS.len() - 1, "{text}");
    assert!(
        report
            .get("om.void_signed")
            .unwrap()
            .reason
            .contains("request.signed_accepted failed"),
        "{text}"
    );
}

/// A storefront callback endpoint that verifies the signature (over the decoded x_ fields, no
/// duplicates) and answers 200, or 401.
async fn careful_receiver() -> (String, tokio::task::JoinHandle<()>) {
    use poem::{Body, Route, Server, handler, http::StatusCode, listener::TcpAcceptor};
    #[handler]
    async fn receive(body: Body) -> StatusCode {
        let bytes = body.into_vec().await.unwrap_or_default();
        let values: Vec<(String, String)> = url::form_urlencoded::parse(&bytes)
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect();
        if crate::helpers::verify(&values, SECRET) {
            StatusCode::OK
        } else {
            StatusCode::UNAUTHORIZED
        }
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/callback", listener.local_addr().unwrap());
    let acceptor = TcpAcceptor::from_tokio(listener).unwrap();
    let app = Route::new().at("/callback", poem::post(receive));
    let task = tokio::spawn(async move {
        let _ = Server::new_with_acceptor(acceptor).run(app).await;
    });
    (url, task)
}

#[tokio::test]
async fn a_callback_endpoint_that_verifies_passes_and_one_that_takes_anything_fails() {
    let (url, _task) = careful_receiver().await;
    let report = callbacks::run(&callbacks::Options::new(url.parse().unwrap(), SECRET))
        .await
        .unwrap();
    let ran: Vec<_> = report.checks.iter().map(|c| c.id).collect();
    assert_eq!(ran, callbacks::CHECKS, "{}", report.to_text());
    assert_eq!(report.passed(), 4, "{}", report.to_text());

    let careless = Receiver::start().await;
    let report = callbacks::run(&callbacks::Options::new(
        careless.url("/callback").parse().unwrap(),
        SECRET,
    ))
    .await
    .unwrap();
    assert_eq!(
        ids(&report, Status::Fail),
        &callbacks::CHECKS[1..],
        "{}",
        report.to_text()
    );
    let hits = careless.hits();
    assert_eq!(hits.len(), 4);
    assert!(
        hits.iter()
            .all(|h| h.content_type.as_deref() == Some("application/x-www-form-urlencoded"))
    );
    let good = &hits[0].fields;
    assert!(
        crate::helpers::verify(good, SECRET),
        "the kit's own callback is signed"
    );
    for name in [
        "x_account_id",
        "x_amount",
        "x_currency",
        "x_gateway_reference",
        "x_reference",
        "x_result",
        "x_test",
        "x_timestamp",
        "x_transaction_type",
        "x_signature",
    ] {
        assert!(crate::helpers::get(good, name).is_some(), "{name}");
    }

    let broken = Receiver::start().await;
    broken.otherwise(Reply::Status(500));
    let report = callbacks::run(&callbacks::Options::new(
        broken.url("/callback").parse().unwrap(),
        SECRET,
    ))
    .await
    .unwrap();
    assert_eq!(ids(&report, Status::Fail), ["callbacks.signed_accepted"]);
    assert_eq!(report.skipped(), 3, "refusing everything proves nothing");
}

/// Runs the binary with `args`, off the test's runtime (which serves the gateway meanwhile).
async fn kit(args: Vec<String>) -> (i32, String) {
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(crate::process::BIN)
            .args(&args)
            .env_remove("DATABASE_URL")
            .env_remove("CONFORMANCE_SECRET")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[tokio::test]
async fn the_binary_exits_0_with_json_for_our_gateway_and_1_naming_the_failure_otherwise() {
    let app = TestApp::spawn().await;
    let args = |base: &str, extra: &[&str]| {
        let mut a: Vec<String> = ["conformance", "storefront", "--gateway", base]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let listen = format!("{RECEIVER_IP}:0");
        for s in [
            "--account",
            ACCOUNT,
            "--secret",
            SECRET,
            "--json",
            "--callback-listen",
            &listen,
        ]
        .iter()
        .chain(extra)
        {
            a.push(s.to_string());
        }
        a
    };
    let (code, stdout) = kit(args(&app.address, &[])).await;
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(json["failed"], 0);
    assert_eq!(json["skipped"], 0);
    assert_eq!(json["passed"], storefront::CHECKS.len());
    assert_eq!(json["checks"][0]["id"], "request.signed_accepted");
    assert_eq!(json["checks"][0]["status"], "PASS");

    let silent = fake::Gateway::start(fake::Flaws {
        never_calls_back: true,
        ..Default::default()
    })
    .await;
    let (code, stdout) = kit(args(&silent.base, &["--callback-timeout", "1"])).await;
    assert_eq!(code, 1, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["failed"], 1);
    let failed: Vec<_> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "FAIL")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["callback.received"]);

    let careless = Receiver::start().await;
    let (code, stdout) = kit(vec![
        "conformance".into(),
        "callbacks".into(),
        "--url".into(),
        careless.url("/callback"),
        "--secret".into(),
        SECRET.into(),
    ])
    .await;
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("PASS  callbacks.signed_accepted "),
        "{stdout}"
    );
    assert!(
        stdout.contains("FAIL  callbacks.bad_signature_refused "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("1 passed, 3 failed, 0 skipped\n"),
        "{stdout}"
    );
}

/// A small x_-protocol gateway with switchable flaws: just enough of sections 2 to 7 (one
/// merchant, USD and JPY, an in-memory store) for the kit to run every check on it.
mod fake {
    use crate::helpers::{ACCOUNT, SECRET, encode, get, signed, verify};
    use offsite_gateway::domain::form::{Fields, Limits};
    use poem::http::StatusCode;
    use poem::listener::TcpAcceptor;
    use poem::web::{Data, Path};
    use poem::{Body, EndpointExt, Request, Response, Route, Server, handler};
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    #[derive(Debug, Clone, Copy, Default)]
    pub struct Flaws {
        /// Payment requests: takes any well-formed x_signature without verifying it.
        pub signature_only_present: bool,
        /// Order management answers carry no x_signature.
        pub unsigned_orders: bool,
        /// Responses echo x_amount as a float would print it.
        pub float_amounts: bool,
        pub never_calls_back: bool,
    }

    struct Payment {
        request: Vec<(String, String)>,
        authorized: i64,
        captured: i64,
        refunded: i64,
        voided: bool,
    }

    #[derive(Default)]
    struct Store {
        payments: HashMap<String, Payment>,
        /// By request body: the first answer.
        answers: HashMap<(String, Vec<u8>), (u16, String)>,
        next: u32,
    }

    struct State {
        flaws: Flaws,
        store: Mutex<Store>,
    }

    type Shared = Arc<State>;

    pub struct Gateway {
        pub base: String,
        _task: tokio::task::JoinHandle<()>,
    }

    impl Gateway {
        pub async fn start(flaws: Flaws) -> Gateway {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let base = format!("http://{}", listener.local_addr().unwrap());
            let state: Shared = Arc::new(State {
                flaws,
                store: Mutex::default(),
            });
            let app = Route::new()
                .at("/checkout", poem::post(checkout))
                .at("/pay/:id", poem::get(page).post(pay))
                .at("/:kind", poem::post(order))
                .data(state);
            let acceptor = TcpAcceptor::from_tokio(listener).unwrap();
            let task = tokio::spawn(async move {
                let _ = Server::new_with_acceptor(acceptor).run(app).await;
            });
            Gateway { base, _task: task }
        }
    }

    fn status(code: u16, body: &str) -> Response {
        Response::builder()
            .status(StatusCode::from_u16(code).unwrap())
            .body(body.to_string())
    }

    /// Minor units of a USD or JPY amount with exactly the currency's digits.
    fn minor(amount: &str, currency: &str) -> Option<i64> {
        let digits = if currency == "JPY" { 0 } else { 2 };
        let (int, frac) = amount.split_once('.').unwrap_or((amount, ""));
        let ok = !int.is_empty()
            && frac.len() == digits
            && (digits == 0) != amount.contains('.')
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
        ok.then(|| format!("{int}{frac}").parse().ok()).flatten()
    }

    #[handler]
    async fn checkout(req: &Request, body: Body, Data(state): Data<&Shared>) -> Response {
        let mut fields = Fields::new();
        let query = req.uri().query().unwrap_or("").as_bytes().to_vec();
        let body = body.into_vec().await.unwrap_or_default();
        if fields.parse_into(&query, Limits::default()).is_err()
            || fields.parse_into(&body, Limits::default()).is_err()
        {
            return status(400, "malformed");
        }
        let values = fields.into_pairs();
        let signature = get(&values, "x_signature").unwrap_or_default();
        let good = if state.flaws.signature_only_present {
            signature.len() == 64
        } else {
            verify(&values, SECRET)
        };
        if get(&values, "x_account_id") != Some(ACCOUNT) || !good {
            return status(401, "bad signature");
        }
        let currency = get(&values, "x_currency").unwrap_or_default();
        let Some(amount) = minor(get(&values, "x_amount").unwrap_or_default(), currency) else {
            return status(422, "x_amount");
        };
        let mut store = state.store.lock().unwrap();
        store.next += 1;
        let id = format!("p{}", store.next);
        store.payments.insert(
            id.clone(),
            Payment {
                request: values,
                authorized: amount,
                captured: 0,
                refunded: 0,
                voided: false,
            },
        );
        Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header("location", format!("/pay/{id}"))
            .finish()
    }

    #[handler]
    fn page(Path(id): Path<String>) -> Response {
        Response::builder().content_type("text/html").body(format!(
            "<form id=\"payment-form\" method=\"post\" action=\"/pay/{id}\">\
                 <input type=\"hidden\" name=\"csrf_token\" value=\"t\">\
                 <input name=\"cardholder_name\"><input name=\"card_number\">\
                 <input name=\"card_expiry\"><input name=\"card_cvc\">\
                 <button type=\"submit\">Pay</button></form>\
                 <a id=\"cancel-link\" href=\"/cancel\">Back</a>"
        ))
    }

    fn timestamp() -> String {
        time::OffsetDateTime::now_utc()
            .format(time::macros::format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
            ))
            .unwrap()
    }

    /// Signed response values for `request`.
    fn response(
        request: &[(String, String)],
        extra: &[(&str, &str)],
        sign: bool,
    ) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> = [
            "x_account_id",
            "x_amount",
            "x_currency",
            "x_reference",
            "x_test",
        ]
        .iter()
        .filter_map(|n| get(request, n).map(|v| (n.to_string(), v.to_string())))
        .collect();
        values.push(("x_timestamp".into(), timestamp()));
        values.extend(extra.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        if sign { signed(values, SECRET) } else { values }
    }

    #[handler]
    async fn pay(Path(id): Path<String>, Data(state): Data<&Shared>) -> Response {
        let request = match state.store.lock().unwrap().payments.get(&id) {
            Some(p) => p.request.clone(),
            None => return status(404, "no payment"),
        };
        let kind = get(&request, "x_transaction_type")
            .unwrap_or("sale")
            .to_string();
        let mut echoed = request.clone();
        if state.flaws.float_amounts {
            let amount: f64 = get(&request, "x_amount").unwrap().parse().unwrap();
            crate::helpers::set(&mut echoed, "x_amount", &amount.to_string());
        }
        let gateway_reference = format!("fk_{id}");
        let values = response(
            &echoed,
            &[
                ("x_gateway_reference", &gateway_reference),
                ("x_result", "completed"),
                ("x_transaction_type", &kind),
            ],
            true,
        );
        let complete = get(&request, "x_url_complete").unwrap();
        let callback = get(&request, "x_url_callback").unwrap().to_string();
        if !state.flaws.never_calls_back {
            let body = encode(&values);
            tokio::spawn(async move {
                let _ = crate::helpers::http_client()
                    .post(callback)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await;
            });
        }
        Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header("location", format!("{complete}?{}", encode(&values)))
            .finish()
    }

    #[handler]
    async fn order(Path(kind): Path<String>, body: Body, Data(state): Data<&Shared>) -> Response {
        let body = body.into_vec().await.unwrap_or_default();
        let json = |code: u16, text: String| {
            Response::builder()
                .status(StatusCode::from_u16(code).unwrap())
                .content_type("application/json")
                .body(text)
        };
        let failed = |code: u16, message: &str| {
            json(
                code,
                serde_json::json!({"x_result": "failed", "x_message": message}).to_string(),
            )
        };
        let Ok(fields) = Fields::parse(&body, Limits::default()) else {
            return failed(400, "malformed");
        };
        let values = fields.into_pairs();
        if !verify(&values, SECRET) {
            return failed(401, "bad signature");
        }
        let mut store = state.store.lock().unwrap();
        if let Some((code, text)) = store.answers.get(&(kind.clone(), body.clone())) {
            return json(*code, text.clone());
        }
        let id = get(&values, "x_gateway_reference")
            .unwrap_or_default()
            .trim_start_matches("fk_")
            .to_string();
        let currency = get(&values, "x_currency").unwrap_or("USD").to_string();
        let amount = minor(get(&values, "x_amount").unwrap_or("0"), &currency).unwrap_or(0);
        let Some(p) = store.payments.get_mut(&id) else {
            return failed(404, "no payment");
        };
        let allowed = match kind.as_str() {
            "capture" => p.captured == 0 && !p.voided && amount <= p.authorized,
            "refund" => amount <= p.captured - p.refunded,
            "void" => p.captured == 0 && !p.voided,
            _ => return failed(404, "no such operation"),
        };
        if !allowed {
            return failed(409, "not allowed");
        }
        match kind.as_str() {
            "capture" => p.captured = amount,
            "refund" => p.refunded += amount,
            _ => p.voided = true,
        }
        let mut request = p.request.clone();
        request
            .retain(|(n, _)| !["x_amount", "x_currency"].contains(&n.as_str()) || kind != "void");
        for name in ["x_amount", "x_currency"] {
            if let Some(v) = get(&values, name) {
                crate::helpers::set(&mut request, name, v);
            }
        }
        store.next += 1;
        let reference = format!("fk_op{}", store.next);
        let answer = response(
            &request,
            &[
                ("x_gateway_reference", &reference),
                ("x_result", "completed"),
                ("x_transaction_type", &kind),
            ],
            !state.flaws.unsigned_orders,
        );
        let text = serde_json::Value::Object(
            answer
                .into_iter()
                .map(|(n, v)| (n, serde_json::Value::String(v)))
                .collect(),
        )
        .to_string();
        store.answers.insert((kind, body), (200, text.clone()));
        json(200, text)
    }
}
