//! What an operator relies on (issue 14, first part): every answer carries its request id (in
//! `X-Request-Id`, in every log line of the request, on error pages), a panicking handler
//! answers 500 with the security headers and the process goes on, `/readyz` looks at the
//! database and the worker, and https deployments get HSTS.

use crate::helpers::*;
use crate::process::Env;
use std::time::Duration;

fn request_id(resp: &reqwest::Response) -> String {
    let id = resp.headers()["x-request-id"].to_str().unwrap().to_string();
    assert!(
        id.len() == 20 && id.starts_with("req_") && id[4..].bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    id
}

#[tokio::test]
async fn every_answer_has_its_own_request_id_in_its_log_lines_and_on_its_error_page() {
    let app = TestApp::spawn().await;
    let mut ids = Vec::new();
    for path in [
        "/healthz",
        "/",
        "/pay/00000000000000000000000000000000",
        "/no/such/page",
    ] {
        let resp = app.client.get(app.url(path)).send().await.unwrap();
        assert!(
            resp.headers()["permissions-policy"]
                .to_str()
                .unwrap()
                .contains("camera=()")
        );
        assert!(
            resp.headers().get("strict-transport-security").is_none(),
            "http: no HSTS"
        );
        ids.push(request_id(&resp));
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // The error page names the id its header carries, and the access line of that request
    // carries it too.
    let resp = app
        .client
        .get(app.url("/pay/00000000000000000000000000000001"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let id = request_id(&resp);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains(&format!("<code id=\"request-id\">{id}</code>")),
        "{html}"
    );
    assert!(
        eventually(5, || async {
            captured_logs()
                .lines()
                .any(|l| l.contains(&id) && l.contains("status=404"))
        })
        .await,
        "no log line with {id}"
    );
    // The API's errors carry it in the header (their body keeps the documented shape).
    let resp = app
        .client
        .get(app.url("/v1/payments"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    request_id(&resp);
}

#[tokio::test]
async fn https_deployments_get_hsts() {
    let app = TestApp::spawn_with(|s| s.public_url = "https://gw.example".into()).await;
    let resp = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(
        resp.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[tokio::test]
async fn readyz_looks_at_the_database_and_the_worker() {
    let app = TestApp::spawn().await;
    let ready = eventually(10, || async {
        let resp = app.client.get(app.url("/readyz")).send().await.unwrap();
        resp.status() == 200
    })
    .await;
    assert!(ready, "never ready");
    let resp = app.client.get(app.url("/readyz")).send().await.unwrap();
    let body: serde_json::Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
    assert_eq!(body, serde_json::json!({"database": "ok", "worker": "ok"}));
}

#[tokio::test]
async fn a_panicking_handler_answers_500_with_the_headers_and_the_process_goes_on() {
    let mut env = Env::new().await;
    env.set("FAILPOINTS", "page-panic=panic");
    env.set("RUST_LOG", "info");
    let gateway = env.serve();
    let client = http_client();
    let mut lines = Vec::new();
    for _ in 0..3 {
        let resp = client
            .get(gateway.url("/pay/00000000000000000000000000000000"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 500);
        for header in [
            "content-security-policy",
            "x-content-type-options",
            "x-frame-options",
        ] {
            assert!(resp.headers().get(header).is_some(), "{header}");
        }
        let id = request_id(&resp);
        let html = resp.text().await.unwrap();
        assert!(html.contains("id=\"error-message\""), "{html}");
        assert!(html.contains(&id), "the page names the request: {html}");
        lines.extend(gateway.logs_until(
            &format!("id={id}}}: offsite_gateway::routes: the handler panicked"),
            Duration::from_secs(5),
        ));
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!("id={id}")) && l.contains("panic location=")),
            "the panic's line names the request and the place: {lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&id) && l.contains("answered 500")),
            "{lines:?}"
        );
    }
    // Logs piped to a file or a collector carry no colour codes.
    assert!(
        !gateway.start_line.contains('\u{1b}'),
        "{}",
        gateway.start_line
    );
    // Other routes, and the pages' shared state, still work.
    let resp = client.get(gateway.url("/healthz")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let resp = client.get(gateway.url("/")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    gateway.kill9();
}

#[tokio::test]
async fn json_logs_carry_the_request_id_in_every_line_of_the_request() {
    let mut env = Env::new().await;
    env.set("GATEWAY_LOG_FORMAT", "json");
    env.set("RUST_LOG", "info");
    let gateway = env.serve();
    let start: serde_json::Value = serde_json::from_str(&gateway.start_line)
        .unwrap_or_else(|_| panic!("not JSON: {}", gateway.start_line));
    assert!(start["fields"]["message"].is_string(), "{start}");
    let resp = http_client()
        .get(gateway.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    let id = request_id(&resp);
    let lines = gateway.logs_until("\"status\":404", Duration::from_secs(5));
    let access = lines
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|l| l["fields"]["status"] == 404)
        .unwrap_or_else(|| panic!("no access line: {lines:?}"));
    assert_eq!(access["span"]["id"], id.as_str(), "{access}");
    assert_eq!(access["fields"]["path"], "/no/such/page");
    gateway.kill9();
}

#[tokio::test]
async fn readyz_answers_503_when_the_worker_stalls() {
    let mut env = Env::new().await;
    env.set("FAILPOINTS", "worker-stall=return(60000)");
    let gateway = env.serve();
    let client = http_client();
    // Ready at first; not ready once the worker has missed its turns for 10 s.
    let deadline = std::time::Instant::now() + Duration::from_secs(25);
    let (status, body) = loop {
        let resp = client.get(gateway.url("/readyz")).send().await.unwrap();
        let status = resp.status().as_u16();
        let body: serde_json::Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
        if status == 503 || std::time::Instant::now() > deadline {
            break (status, body);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert_eq!(status, 503, "{body}");
    assert_eq!(
        body,
        serde_json::json!({"database": "ok", "worker": "stalled"})
    );
    // Alive all the same: a load balancer takes it out, a supervisor leaves it running.
    let resp = client.get(gateway.url("/healthz")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    gateway.kill9();
}
