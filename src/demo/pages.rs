//! What the demo storefront shows: the product it sells, the test cards (from the test
//! processor's table), and the page models of `templates/demo/` built from the order book.

use super::book::{Order, Receipt, Standing};
use crate::processor::{CardBehaviour, TEST_CARDS};
use askama::Template;
use std::time::Duration;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

/// The one product: its name (the payment's `x_description`), price and currency as signed.
pub const PRODUCT_NAME: &str = "Enamel camping mug";
pub const PRICE: &str = "24.00";
pub const CURRENCY: &str = "EUR";
pub const PRICE_TEXT: &str = "€24.00";
pub const PRODUCT_TEXT: &str = "A 350 ml steel mug with a white enamel coat and a blue rim; \
    light enough for a rucksack, tough enough for a campfire. Nothing ships: this shop is a demo.";
/// The storefront's name on the payment page (`x_shop_name`) and its country.
pub const SHOP_NAME: &str = "Demo storefront";
pub const SHOP_COUNTRY: &str = "NL";

/// A row of the test card table.
pub struct TestCard {
    pub number: String,
    pub outcome: String,
}

/// The test processor's cards, grouped in fours, with what each does.
pub fn test_cards(pending_after: Duration) -> Vec<TestCard> {
    TEST_CARDS
        .iter()
        .map(|(number, behaviour)| TestCard {
            number: number
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            outcome: match behaviour {
                CardBehaviour::Approved => "approved".to_string(),
                CardBehaviour::Declined(m) => format!("declined: {m}"),
                CardBehaviour::Pending => format!(
                    "pending, then completed about {} later",
                    humantime::format_duration(pending_after)
                ),
                CardBehaviour::Challenge => {
                    "a 3-D Secure challenge, then approved or declined as you choose".to_string()
                }
                CardBehaviour::Error(m) => format!("processor error: {m}"),
            },
        })
        .collect()
}

fn clock(at: OffsetDateTime) -> String {
    at.format(format_description!("[hour]:[minute]:[second] UTC"))
        .unwrap_or_default()
}

fn iso(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

fn card_text(brand: &str, last4: &str) -> String {
    format!("{brand} ending in {last4}")
}

/// A return or a callback as shown.
pub struct ReceiptView {
    pub at: String,
    pub at_iso: String,
    pub result: String,
    pub amount: String,
    pub transaction: String,
    pub gateway_reference: String,
    pub message: Option<String>,
    pub card: Option<String>,
    pub signature_ok: bool,
    pub problems: Vec<String>,
    pub fields: Vec<(String, String)>,
}

impl ReceiptView {
    pub fn of(r: &Receipt) -> Self {
        let text = |name: &str| r.get(name).unwrap_or("-").to_string();
        ReceiptView {
            at: clock(r.at),
            at_iso: iso(r.at),
            result: text("x_result"),
            amount: format!("{} {}", text("x_amount"), text("x_currency")),
            transaction: text("x_transaction_type"),
            gateway_reference: text("x_gateway_reference"),
            message: r.get("x_message").map(str::to_string),
            card: r
                .get("x_card_brand")
                .zip(r.get("x_card_last4"))
                .map(|(b, l)| card_text(b, l)),
            signature_ok: r.signature_ok,
            problems: r.problems.clone(),
            fields: r.fields.clone(),
        }
    }
}

/// An order as shown on its page and in the list.
pub struct OrderView {
    pub reference: String,
    pub href: String,
    pub opened_at: String,
    pub opened_iso: String,
    pub amount: String,
    pub standing: &'static str,
    /// `good`, `bad` or empty: the outcome's colour.
    pub standing_class: &'static str,
    pub result: String,
    pub card: Option<String>,
    pub returns: Vec<ReceiptView>,
    pub callbacks: Vec<ReceiptView>,
    pub verified_callbacks: usize,
}

impl OrderView {
    pub fn of(o: &Order) -> Self {
        let (standing, standing_class, result) = match o.standing() {
            Standing::Open => ("Awaiting payment", "", String::new()),
            Standing::Cancelled => ("Cancelled by the shopper", "bad", String::new()),
            Standing::Result(r) => match r.as_str() {
                "completed" => ("Paid", "good", r),
                "pending" => ("Pending: the gateway calls back when it settles", "", r),
                "failed" => ("Payment failed", "bad", r),
                _ => ("Unknown result", "bad", r),
            },
        };
        OrderView {
            href: format!("/orders/{}", o.reference),
            reference: o.reference.clone(),
            opened_at: clock(o.opened_at),
            opened_iso: iso(o.opened_at),
            amount: o
                .asked
                .as_ref()
                .map_or("not ordered in this run".to_string(), |(a, c)| {
                    format!("{a} {c}")
                }),
            standing,
            standing_class,
            result,
            card: o.card().map(|(b, l)| card_text(b, l)),
            returns: o.returns.iter().rev().map(ReceiptView::of).collect(),
            callbacks: o.callbacks.iter().map(ReceiptView::of).collect(),
            verified_callbacks: o.callbacks.iter().filter(|r| r.signature_ok).count(),
        }
    }
}

#[derive(Template)]
#[template(path = "demo/shop.html")]
pub struct ShopPage<'a> {
    pub current: &'static str,
    pub gateway: &'a str,
    pub name: &'static str,
    pub price: &'static str,
    pub description: &'static str,
    pub cards: Vec<TestCard>,
}

#[derive(Template)]
#[template(path = "demo/continue.html")]
pub struct ContinuePage<'a> {
    pub current: &'static str,
    pub gateway: &'a str,
    pub reference: &'a str,
    pub product: &'static str,
    pub price: &'static str,
    pub action: String,
    pub fields: &'a [(String, String)],
}

#[derive(Template)]
#[template(path = "demo/order.html")]
pub struct OrderPage<'a> {
    pub current: &'static str,
    pub gateway: &'a str,
    pub order: OrderView,
}

#[derive(Template)]
#[template(path = "demo/orders.html")]
pub struct OrdersPage<'a> {
    pub current: &'static str,
    pub gateway: &'a str,
    pub orders: Vec<OrderView>,
}

#[derive(Template)]
#[template(path = "demo/cancel.html")]
pub struct CancelPage<'a> {
    pub current: &'static str,
    pub gateway: &'a str,
    pub order: Option<String>,
}

#[derive(Template)]
#[template(path = "demo/message.html")]
pub struct MessagePage<'a> {
    pub current: &'static str,
    pub gateway: &'a str,
    pub heading: &'a str,
    pub text: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_table_is_the_test_processors_own() {
        let cards = test_cards(Duration::from_secs(10));
        assert_eq!(cards.len(), TEST_CARDS.len());
        let outcome = |number: &str| {
            cards
                .iter()
                .find(|c| c.number == number)
                .map(|c| c.outcome.as_str())
        };
        assert_eq!(outcome("4242 4242 4242 4242"), Some("approved"));
        assert_eq!(
            outcome("4000 0000 0000 0002"),
            Some("declined: Your card was declined.")
        );
        assert_eq!(
            outcome("4000 0000 0000 0077"),
            Some("pending, then completed about 10s later")
        );
    }

    #[test]
    fn the_price_shown_is_the_price_signed() {
        use crate::domain::money::{Amount, Currency};
        let amount = Amount::parse(PRICE, Currency::parse(CURRENCY).unwrap()).unwrap();
        assert_eq!(amount.display(), format!("{PRICE_TEXT} {CURRENCY}"));
    }
}
