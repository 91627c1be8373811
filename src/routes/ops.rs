//! What operators and load balancers ask of a process: `/healthz` (alive), `/readyz` (the
//! database answers and the callback worker turns) and `/metrics` (Prometheus text, to
//! private and loopback addresses only: route counts and queue depths are not for the public).

use super::input::client_addr;
use crate::domain::target::is_public_ip;
use crate::error::AppError;
use crate::metrics::{CONTENT_TYPE, Scraped};
use crate::state::AppState;
use crate::store::{now_millis, outbox};
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Request, Response, handler};

#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

/// How long the callback worker may go without a turn of its loop (it turns at least once a
/// second) before the process counts as not ready.
const WORKER_STALE_MS: i64 = 10_000;

/// Ready to take traffic: the database answers and the callback worker is running. 503 with
/// what is wrong otherwise, so a load balancer takes the process out.
#[handler]
pub async fn readyz(Data(state): Data<&AppState>) -> Response {
    let database = match crate::store::ping(&state.db).await {
        Ok(()) => "ok".to_string(),
        Err(e) => {
            tracing::warn!(error = format!("{e:#}"), "not ready: the database");
            "unavailable".to_string()
        }
    };
    let beat = state.worker_beat.load(std::sync::atomic::Ordering::Relaxed);
    let worker = if beat > 0 && now_millis() - beat < WORKER_STALE_MS {
        "ok"
    } else {
        "stalled"
    };
    let ready = database == "ok" && worker == "ok";
    let body = serde_json::json!({"database": database, "worker": worker}).to_string();
    Response::builder()
        .status(if ready {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        })
        .content_type("application/json; charset=utf-8")
        .body(body)
}

/// The process's metrics, with the outbox backlog (every process's: it is one table) and the
/// pool read now. A backlog that cannot be read is left out of this scrape, not invented.
#[handler]
pub async fn metrics(req: &Request, Data(state): Data<&AppState>) -> Response {
    if client_addr(state, req).is_none_or(is_public_ip) {
        return super::errors::page_or_json(AppError::NotFound, false, &crate::i18n::english());
    }
    let (queue_depth, queue_oldest_seconds) = match outbox::backlog(&state.db).await {
        Ok((n, oldest)) => {
            let age = oldest.map_or(0, |at| (now_millis() - at).max(0));
            (n, age as f64 / 1000.0)
        }
        Err(e) => {
            tracing::warn!(
                error = format!("{e:#}"),
                "metrics: the outbox backlog is unreadable"
            );
            return Response::builder()
                .status(StatusCode::SERVICE_UNAVAILABLE)
                .body("the database did not answer");
        }
    };
    let (open, idle, max) = state.db.pool_use();
    let text = state.metrics.encode(&Scraped {
        queue_depth,
        queue_oldest_seconds,
        pool_open: open.into(),
        pool_idle: idle.into(),
        pool_max: max.into(),
    });
    Response::builder().content_type(CONTENT_TYPE).body(text)
}
