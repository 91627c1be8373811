//! `POST /checkout` (and `GET`): the storefront's signed payment request. Parse once, verify the
//! signature, validate every field, store, and answer 303 to our hosted page; every rejection
//! stores nothing.

use super::errors::{page_or_json, wants_json};
use super::html::see_other;
use super::input::{limit_client, read_form, verified_merchant};
use crate::domain::form::{Fields, Limits};
use crate::domain::hosts::HostList;
use crate::domain::payment::Status;
use crate::domain::request::{PaymentRequest, live_refusal};
use crate::domain::signature;
use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;
use crate::store::{expiry, payments};
use poem::http::Method;
use poem::web::Data;
use poem::{Body, Request, Response, handler};

#[handler]
pub async fn checkout(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let mut locale = None;
    match accept(req, body, state, &mut locale).await {
        Ok(location) => see_other(location),
        Err(e) => {
            tracing::info!(code = e.code(), "payment request rejected");
            // The request's own x_locale, even unsigned: it only picks the page's language.
            let t = i18n::negotiate(locale.as_deref(), req.header("accept-language"));
            page_or_json(e, wants_json(req), &t)
        }
    }
}

/// Stores the payment a request asks for; `locale` is set to its `x_locale` as soon as the
/// fields are read, for the error page.
async fn accept(
    req: &Request,
    body: Body,
    state: &AppState,
    locale: &mut Option<String>,
) -> Result<String, AppError> {
    limit_client(state, req, &state.limits.checkout)?;
    let mut fields = Fields::new();
    let mut raw = Vec::new();
    if let Some(query) = req.uri().query() {
        fields.parse_into(query.as_bytes(), Limits::default())?;
        raw.extend_from_slice(query.as_bytes());
    }
    if req.method() == Method::POST {
        let body = read_form(req, body, &mut fields).await?;
        if raw.is_empty() {
            raw = body;
        } else {
            raw.push(b'&');
            raw.extend_from_slice(&body);
        }
    }
    *locale = fields.get("x_locale").map(str::to_string);
    let signed = verified_merchant(state, req, &fields, &raw).await?;
    let merchant = &signed.merchant;
    let provided = fields.get(signature::SIGNATURE_FIELD).unwrap_or_default();
    let request = PaymentRequest::from_fields(&fields, state.settings.target_rules())?;
    if let Some(why) = live_refusal(request.test, !merchant.test_only, state.processor.live()) {
        return Err(AppError::LiveModeUnavailable(why));
    }
    allowed_hosts(&request, &merchant.return_hosts)?;
    let ttl = state.settings.checkout_ttl;
    match payments::insert_or_get(&state.db, &request, provided, signed.version, ttl).await? {
        payments::Stored::New(id) => {
            tracing::info!(payment = %id, merchant = %request.account_id, "payment created");
            Ok(format!("/pay/{id}"))
        }
        payments::Stored::Existing(p) if p.request_signature == provided.to_ascii_lowercase() => {
            // The same signed request again: back to the same page. A cancelled payment opens
            // again until its time has come, since the shopper chose to come back; an expired
            // or finished one shows its outcome (protocol.md section 14: no reopening).
            if p.status == Status::Cancelled {
                expiry::reopen(&state.db, &p.id).await?;
            }
            Ok(format!("/pay/{}", p.id))
        }
        payments::Stored::Existing(_) => Err(AppError::Conflict(
            "another payment request already uses this x_reference".into(),
        )),
    }
}

/// The merchant's allowed hosts (protocol section 9): when it lists any, each URL the request
/// names must use one of them, or the gateway would redirect and post wherever a signed
/// request says.
fn allowed_hosts(request: &PaymentRequest, hosts: &HostList) -> Result<(), AppError> {
    let urls = [
        ("x_url_complete", &request.url_complete),
        ("x_url_cancel", &request.url_cancel),
        ("x_url_callback", &request.url_callback),
    ];
    for (field, url) in urls {
        if !hosts.allows(url.host_str().unwrap_or_default()) {
            return Err(AppError::Invalid {
                field: field.to_string(),
                detail: format!(
                    "{field} uses a host that is not in this account's allowed hosts \
                     (dashboard settings)"
                ),
            });
        }
    }
    Ok(())
}
