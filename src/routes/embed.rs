//! Embedded mode (protocol.md section 13, T11): a payment page shown in a frame on one of its
//! merchant's origins. A session made with `ui_mode: embedded`, or a page opened with
//! `?embed=1`, is served with `frame-ancestors` naming exactly the merchant's origins (and no
//! `X-Frame-Options`); any other page keeps `frame-ancestors 'none'`. Its forms stay in the
//! frame (`?embed=1` rides along), the way out targets `_top`, and the outcome page tells the
//! parent with `postMessage` to the return URL's exact origin, by a script of ours (no inline
//! script: the CSP allows only `'self'`).

use crate::state::AppState;
use crate::store::objects::api_status;
use crate::store::payments::Payment;
use poem::http::header;
use poem::{IntoResponse, Request, Response, handler};

/// The query that keeps a page of an `x_` payment embeddable.
pub const EMBED_QUERY: &str = "embed=1";

/// How an embedded page may be framed and whom it tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framing {
    /// The merchant's frame origins, as `frame-ancestors` lists them.
    pub ancestors: Vec<String>,
    /// The origin of the way back, the only one `postMessage` may reach.
    pub return_origin: String,
}

impl Framing {
    /// `url` with the query that keeps the next page embeddable, unless the payment is a
    /// session made embedded (whose pages always are).
    pub fn keep(&self, p: &Payment, url: String) -> String {
        if p.session.as_ref().is_some_and(|s| s.embedded) {
            return url;
        }
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}{EMBED_QUERY}")
    }
}

/// Whether this request shows `p` in a frame: an embedded session, or `?embed=1`.
pub fn wanted(req: &Request, p: &Payment) -> bool {
    p.session.as_ref().is_some_and(|s| s.embedded)
        || req
            .uri()
            .query()
            .is_some_and(|q| q.split('&').any(|part| part == EMBED_QUERY))
}

/// The framing of `p` for this request, if it is to be framed and its merchant allows any
/// origin (none listed: the page is not framable, and is served as a normal page).
pub async fn framing(
    state: &AppState,
    req: &Request,
    p: &Payment,
) -> anyhow::Result<Option<Framing>> {
    if !wanted(req, p) {
        return Ok(None);
    }
    let Some(merchant) = state
        .merchants
        .get(&state.db, &state.key, &p.merchant_id)
        .await?
    else {
        return Ok(None);
    };
    let ancestors = merchant.frame_origins.entries().to_vec();
    if ancestors.is_empty() {
        return Ok(None);
    }
    Ok(Some(Framing {
        ancestors,
        return_origin: p.url_complete.origin().ascii_serialization(),
    }))
}

/// What the outcome page's script posts to the parent: `{"type":
/// "offsite-gateway.result", "payment_id", "status"}`.
pub struct Result<'a> {
    pub payment_id: &'a str,
    pub status: &'static str,
    pub origin: &'a str,
}

impl<'a> Result<'a> {
    pub fn of(p: &'a Payment, framing: &'a Framing) -> Self {
        Self {
            payment_id: &p.id,
            status: api_status(p),
            origin: &framing.return_origin,
        }
    }
}

/// The script of the embedded outcome page: reads what to post from its own element's data
/// attributes and posts it to the named origin only.
#[handler]
pub fn script() -> Response {
    const JS: &str = r#"(function () {
  var el = document.getElementById("embed-result");
  if (!el || window.parent === window) { return; }
  window.parent.postMessage({
    type: "offsite-gateway.result",
    payment_id: el.getAttribute("data-payment-id"),
    status: el.getAttribute("data-status")
  }, el.getAttribute("data-origin"));
})();
"#;
    JS.with_content_type("text/javascript; charset=utf-8")
        .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        .into_response()
}
