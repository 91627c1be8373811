//! The demo storefront's HTTP side: the product page, the signed checkout, the order pages
//! (`x_url_complete`), the cancel page (`x_url_cancel`) and the callback receiver
//! (`x_url_callback`), with the security headers of every answer. It signs and verifies with
//! [`super::signature`], never with the gateway's code.

use super::book::{Book, Order, Receipt};
use super::pages::{
    self, CURRENCY, CancelPage, ContinuePage, MessagePage, OrderPage, OrderView, OrdersPage, PRICE,
    PRICE_TEXT, PRODUCT_NAME, PRODUCT_TEXT, SHOP_COUNTRY, SHOP_NAME, ShopPage,
};
use super::signature::{self, Fields, get};
use crate::crypto::{MasterKey, random_hex};
use crate::routes::html::render;
use crate::store::{Db, merchants, now_millis};
use anyhow::Context;
use poem::http::{HeaderValue, StatusCode, header};
use poem::web::{Data, Path};
use poem::{Body, Endpoint, EndpointExt, Request, Response, Route, get as get_route, handler};
use secrecy::ExposeSecret;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The largest callback body read.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// What the storefront's handlers share.
pub struct Shop {
    pub book: Mutex<Book>,
    pub db: Db,
    pub key: MasterKey,
    /// The test-only merchant the storefront signs as.
    pub account_id: String,
    /// The storefront's own base URL, as the gateway is told it (`http://127.0.0.1:8081`).
    pub me: String,
    /// The gateway's base URL, as the shopper's browser reaches it.
    pub gateway: String,
    pub pending_after: Duration,
}

impl Shop {
    /// The merchant's secrets, read again each time (a rotation in the dashboard is seen at
    /// once): the current one first, then the previous one while it still verifies.
    async fn secrets(&self) -> anyhow::Result<Vec<merchants::Secret>> {
        let merchant = merchants::find(&self.db, &self.account_id)
            .await?
            .with_context(|| format!("the demo's merchant {} is gone", self.account_id))?;
        let mut secrets = vec![merchant.secret(&self.key)?];
        if merchant.previous_valid_at(now_millis())
            && let Some((previous, _)) = merchant.previous(&self.key)?
        {
            secrets.push(previous);
        }
        Ok(secrets)
    }

    fn book(&self) -> std::sync::MutexGuard<'_, Book> {
        self.book.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks received values against the merchant's secrets and the order they name.
    async fn check(&self, fields: Fields, reference: &str) -> anyhow::Result<Receipt> {
        let secrets = self.secrets().await?;
        let keys: Vec<&[u8]> = secrets
            .iter()
            .map(|s| s.expose_secret().as_slice())
            .collect();
        let book = self.book();
        Ok(Receipt::check(
            fields,
            &keys,
            &self.account_id,
            reference,
            book.get(reference),
        ))
    }
}

/// The storefront's routes, with the headers every answer carries.
pub fn router(shop: Arc<Shop>) -> impl Endpoint<Output = Response> {
    let csp: Arc<str> = csp(&shop.gateway).into();
    let gateway: Arc<str> = shop.gateway.as_str().into();
    Route::new()
        .at("/", get_route(product))
        .at("/checkout", poem::post(checkout))
        .at("/orders", get_route(orders))
        .at("/orders/:reference", get_route(order))
        .at("/cancel", get_route(cancel))
        .at("/callback", poem::post(callback))
        .at("/assets/style.css", get_route(stylesheet))
        .at("/assets/mug.svg", get_route(picture))
        .at("/favicon.ico", get_route(favicon))
        .data(shop)
        .around(move |ep, req| {
            let (csp, gateway) = (csp.clone(), gateway.clone());
            async move { Ok(secured(ep.get_response(req).await, &csp, &gateway)) }
        })
}

/// No script anywhere; forms may post here and to the gateway only.
fn csp(gateway: &str) -> String {
    let origin = url::Url::parse(gateway)
        .map(|u| format!(" {}", u.origin().ascii_serialization()))
        .unwrap_or_default();
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'{origin}; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

fn secured(mut resp: Response, csp: &str, gateway: &str) -> Response {
    // poem's own 404 (no route) is plain text: the storefront's page instead.
    let page = resp
        .content_type()
        .is_some_and(|t| t.starts_with("text/html"));
    if resp.status() == StatusCode::NOT_FOUND && !page {
        resp = message(
            StatusCode::NOT_FOUND,
            "Page not found",
            "This storefront has no such page.",
            gateway,
        );
    }
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Order pages carry signed values in their address: no referrer leaves with them.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

fn text(status: StatusCode, body: &'static str) -> Response {
    Response::builder()
        .status(status)
        .content_type("text/plain; charset=utf-8")
        .body(body)
}

fn message(status: StatusCode, heading: &str, text: &str, gateway: &str) -> Response {
    let page = MessagePage {
        current: "",
        gateway,
        heading,
        text,
    };
    render(status, &page)
}

fn failed(shop: &Shop, e: anyhow::Error) -> Response {
    tracing::error!(error = format!("{e:#}"), "the demo storefront failed");
    message(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "The storefront could not read its merchant's secret; the terminal running the demo \
         says why.",
        &shop.gateway,
    )
}

#[handler]
fn product(Data(shop): Data<&Arc<Shop>>) -> Response {
    let page = ShopPage {
        current: "shop",
        gateway: &shop.gateway,
        name: PRODUCT_NAME,
        price: PRICE_TEXT,
        description: PRODUCT_TEXT,
        cards: pages::test_cards(shop.pending_after),
    };
    render(StatusCode::OK, &page)
}

/// Opens an order and answers the signed request as a form to the gateway, with a visible
/// button: it works without JavaScript and shows what is signed.
#[handler]
async fn checkout(Data(shop): Data<&Arc<Shop>>) -> Response {
    let reference = format!("demo-{}", random_hex::<5>());
    let me = &shop.me;
    let mut fields: Fields = [
        ("x_account_id", shop.account_id.as_str()),
        ("x_amount", PRICE),
        ("x_currency", CURRENCY),
        ("x_description", PRODUCT_NAME),
        ("x_reference", &reference),
        ("x_shop_country", SHOP_COUNTRY),
        ("x_shop_name", SHOP_NAME),
        ("x_test", "true"),
        ("x_url_callback", &format!("{me}/callback")),
        ("x_url_cancel", &format!("{me}/cancel?order={reference}")),
        ("x_url_complete", &format!("{me}/orders/{reference}")),
    ]
    .iter()
    .map(|(n, v)| (n.to_string(), v.to_string()))
    .collect();
    let secrets = match shop.secrets().await {
        Ok(s) => s,
        Err(e) => return failed(shop, e),
    };
    let sig = signature::sign(&fields, secrets[0].expose_secret());
    fields.push(("x_signature".to_string(), sig));
    shop.book().open(Order::new(
        reference.clone(),
        PRICE.to_string(),
        CURRENCY.to_string(),
    ));
    tracing::info!(reference, "order opened and signed");
    let page = ContinuePage {
        current: "",
        gateway: &shop.gateway,
        reference: &reference,
        product: PRODUCT_NAME,
        price: PRICE_TEXT,
        action: format!("{}/checkout", shop.gateway),
        fields: &fields,
    };
    render(StatusCode::OK, &page)
}

#[handler]
fn orders(Data(shop): Data<&Arc<Shop>>) -> Response {
    let orders = shop.book().newest_first().map(OrderView::of).collect();
    let page = OrdersPage {
        current: "orders",
        gateway: &shop.gateway,
        orders,
    };
    render(StatusCode::OK, &page)
}

/// `x_url_complete`: a return's values arrive in the query; they are checked and kept before
/// the order is shown. Without a query, the order as it stands.
#[handler]
async fn order(
    req: &Request,
    Path(reference): Path<String>,
    Data(shop): Data<&Arc<Shop>>,
) -> Response {
    let query = req.uri().query().unwrap_or_default();
    if !query.is_empty() {
        let fields = match signature::parse_form(query.as_bytes()) {
            Ok(f) => f,
            Err(e) => {
                let why = format!("The return was refused: {e}.");
                return message(StatusCode::BAD_REQUEST, "Bad return", &why, &shop.gateway);
            }
        };
        let receipt = match shop.check(fields, &reference).await {
            Ok(r) => r,
            Err(e) => return failed(shop, e),
        };
        tracing::info!(
            reference,
            result = receipt.get("x_result").unwrap_or("-"),
            signature_verified = receipt.signature_ok,
            "the shopper returned"
        );
        shop.book().record_return(&reference, receipt);
    }
    let book = shop.book();
    let Some(order) = book.get(&reference) else {
        return message(
            StatusCode::NOT_FOUND,
            "No such order",
            "This storefront has no order with this reference in its memory.",
            &shop.gateway,
        );
    };
    let page = OrderPage {
        current: "orders",
        gateway: &shop.gateway,
        order: OrderView::of(order),
    };
    render(StatusCode::OK, &page)
}

/// `x_url_cancel`: unsigned, so it only notes that the shopper left.
#[handler]
fn cancel(req: &Request, Data(shop): Data<&Arc<Shop>>) -> Response {
    let query = req.uri().query().unwrap_or_default();
    let named = signature::parse_form(query.as_bytes())
        .ok()
        .and_then(|f| get(&f, "order").map(str::to_string));
    let reference = named.filter(|r| shop.book().cancel(r));
    if let Some(reference) = &reference {
        tracing::info!(reference, "the shopper cancelled");
    }
    let page = CancelPage {
        current: "",
        gateway: &shop.gateway,
        order: reference,
    };
    render(StatusCode::OK, &page)
}

/// `x_url_callback`: 200 only to values whose signature verifies, 401 to anything else.
#[handler]
async fn callback(req: &Request, body: Body, Data(shop): Data<&Arc<Shop>>) -> Response {
    let form = req
        .header("content-type")
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form {
        return text(StatusCode::UNSUPPORTED_MEDIA_TYPE, "a form is expected\n");
    }
    let bytes = match tokio::time::timeout(
        Duration::from_secs(10),
        body.into_bytes_limit(MAX_BODY_BYTES),
    )
    .await
    {
        Ok(Ok(b)) => b,
        _ => return text(StatusCode::BAD_REQUEST, "the body could not be read\n"),
    };
    let Ok(fields) = signature::parse_form(&bytes) else {
        return text(StatusCode::BAD_REQUEST, "a field appears more than once\n");
    };
    let reference = get(&fields, "x_reference").unwrap_or_default().to_string();
    let receipt = match shop.check(fields, &reference).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "checking a callback failed");
            return text(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n");
        }
    };
    let verified = receipt.signature_ok;
    tracing::info!(
        reference,
        result = receipt.get("x_result").unwrap_or("-"),
        signature_verified = verified,
        "callback received"
    );
    shop.book().record_callback(&reference, receipt);
    if verified {
        text(StatusCode::OK, "ok\n")
    } else {
        text(StatusCode::UNAUTHORIZED, "signature invalid\n")
    }
}

#[handler]
fn stylesheet() -> Response {
    static CSS: &str = concat!(
        include_str!("../../templates/style.css"),
        include_str!("../../templates/demo/demo.css")
    );
    asset(CSS, "text/css; charset=utf-8")
}

#[handler]
fn picture() -> Response {
    asset(
        include_str!("../../templates/demo/mug.svg"),
        "image/svg+xml",
    )
}

fn asset(body: &'static str, content_type: &str) -> Response {
    Response::builder()
        .content_type(content_type)
        .header(header::CACHE_CONTROL, "public, max-age=3600")
        .body(body)
}

#[handler]
fn favicon() -> Response {
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        .header(header::CACHE_CONTROL, "public, max-age=86400")
        .finish()
}
