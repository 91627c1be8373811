//! The demo storefront's memory, in the process only: the orders it opened and, for each, every
//! return and callback it received, each checked on arrival (signature, account, reference,
//! amount). Bounded: the newest orders and the newest receipts of each are kept.

use super::signature::{self, Fields, get};
use std::collections::VecDeque;
use time::OffsetDateTime;

/// Orders kept; the oldest is forgotten first.
pub const MAX_ORDERS: usize = 200;
/// Returns, and callbacks, kept per order.
pub const MAX_RECEIPTS: usize = 50;

/// One order of the storefront.
#[derive(Debug, Clone)]
pub struct Order {
    pub reference: String,
    /// What the storefront asked for: `x_amount` and `x_currency`, as sent. `None` for an order
    /// this process did not open (a callback for an order of an earlier run).
    pub asked: Option<(String, String)>,
    pub opened_at: OffsetDateTime,
    /// When the shopper came back through `x_url_cancel` (unsigned: a hint, not a result).
    pub cancelled_at: Option<OffsetDateTime>,
    pub returns: Vec<Receipt>,
    pub callbacks: Vec<Receipt>,
}

/// Signed values received through the shopper's browser (a return) or from the gateway (a
/// callback), with what checking them found.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub at: OffsetDateTime,
    pub fields: Fields,
    pub signature_ok: bool,
    /// What else is wrong, said plainly (empty when all is well).
    pub problems: Vec<String>,
}

impl Receipt {
    /// Checks `fields` as a storefront must before believing them: the signature under one of
    /// the merchant's secrets, then that they are about this account and this order.
    pub fn check(
        fields: Fields,
        secrets: &[&[u8]],
        account_id: &str,
        reference: &str,
        order: Option<&Order>,
    ) -> Receipt {
        let signature_ok = signature::verify(&fields, secrets);
        let mut problems = Vec::new();
        if get(&fields, "x_account_id") != Some(account_id) {
            problems.push(format!(
                "x_account_id is not this storefront's {account_id}"
            ));
        }
        if get(&fields, "x_reference") != Some(reference) {
            problems.push(format!("x_reference is not {reference}"));
        }
        if get(&fields, "x_test") != Some("true") {
            problems.push("x_test is not true".to_string());
        }
        if let Some((amount, currency)) = order.and_then(|o| o.asked.as_ref()) {
            let sent = (get(&fields, "x_amount"), get(&fields, "x_currency"));
            if sent != (Some(amount.as_str()), Some(currency.as_str())) {
                problems.push(format!("the amount is not the {amount} {currency} ordered"));
            }
        }
        Receipt {
            at: OffsetDateTime::now_utc(),
            fields,
            signature_ok,
            problems,
        }
    }

    /// Whether the storefront may act on it: signed, and about this order.
    pub fn trusted(&self) -> bool {
        self.signature_ok && self.problems.is_empty()
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        get(&self.fields, name)
    }
}

/// Where an order stands, from what the storefront can trust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Nothing trusted came back yet.
    Open,
    /// The shopper came back through the cancel link and nothing trusted came since.
    Cancelled,
    /// The `x_result` of the newest trusted return or callback.
    Result(String),
}

impl Order {
    pub fn new(reference: String, amount: String, currency: String) -> Self {
        Order {
            reference,
            asked: Some((amount, currency)),
            opened_at: OffsetDateTime::now_utc(),
            cancelled_at: None,
            returns: Vec::new(),
            callbacks: Vec::new(),
        }
    }

    pub fn standing(&self) -> Standing {
        let newest = self
            .returns
            .iter()
            .chain(&self.callbacks)
            .filter(|r| r.trusted())
            .max_by_key(|r| r.at);
        match (newest, self.cancelled_at) {
            (Some(r), cancelled) if cancelled.is_none_or(|c| r.at >= c) => {
                Standing::Result(r.get("x_result").unwrap_or("unknown").to_string())
            }
            (_, Some(_)) => Standing::Cancelled,
            (_, None) => Standing::Open,
        }
    }

    /// The newest trusted receipt that names a card.
    pub fn card(&self) -> Option<(&str, &str)> {
        self.returns
            .iter()
            .chain(&self.callbacks)
            .filter(|r| r.trusted())
            .max_by_key(|r| r.at)
            .and_then(|r| Some((r.get("x_card_brand")?, r.get("x_card_last4")?)))
    }
}

fn push_bounded(list: &mut Vec<Receipt>, receipt: Receipt) {
    if list.len() == MAX_RECEIPTS {
        list.remove(0);
    }
    list.push(receipt);
}

/// The orders, oldest first.
#[derive(Debug, Default)]
pub struct Book {
    orders: VecDeque<Order>,
}

impl Book {
    pub fn open(&mut self, order: Order) {
        if self.orders.len() == MAX_ORDERS {
            self.orders.pop_front();
        }
        self.orders.push_back(order);
    }

    pub fn get(&self, reference: &str) -> Option<&Order> {
        self.orders.iter().find(|o| o.reference == reference)
    }

    fn get_mut(&mut self, reference: &str) -> Option<&mut Order> {
        self.orders.iter_mut().find(|o| o.reference == reference)
    }

    /// Newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Order> {
        self.orders.iter().rev()
    }

    /// Keeps a return. A reload of the same return (the same values) is kept once; an
    /// untrusted one only for an order this storefront knows.
    pub fn record_return(&mut self, reference: &str, receipt: Receipt) {
        if let Some(order) = self.known_or_opened(reference, &receipt) {
            let seen = order.returns.iter().any(|r| r.fields == receipt.fields);
            if !seen {
                push_bounded(&mut order.returns, receipt);
            }
        }
    }

    /// Keeps a callback (every one, repeats included: each is a delivery); an untrusted one
    /// only for an order this storefront knows.
    pub fn record_callback(&mut self, reference: &str, receipt: Receipt) {
        if let Some(order) = self.known_or_opened(reference, &receipt) {
            push_bounded(&mut order.callbacks, receipt);
        }
    }

    /// The order, or, for signed values about an order of an earlier run, a new entry for it.
    fn known_or_opened(&mut self, reference: &str, receipt: &Receipt) -> Option<&mut Order> {
        if self.get(reference).is_none() {
            if !receipt.trusted() {
                return None;
            }
            self.open(Order {
                asked: None,
                ..Order::new(reference.to_string(), String::new(), String::new())
            });
        }
        self.get_mut(reference)
    }

    /// The shopper came back through the cancel link; `false` for an unknown order.
    pub fn cancel(&mut self, reference: &str) -> bool {
        match self.get_mut(reference) {
            Some(order) => {
                order.cancelled_at = Some(OffsetDateTime::now_utc());
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"demo-secret";

    fn values(reference: &str, result: &str, amount: &str) -> Fields {
        let mut fields: Fields = [
            ("x_account_id", "acct_demo"),
            ("x_amount", amount),
            ("x_currency", "EUR"),
            ("x_reference", reference),
            ("x_result", result),
            ("x_test", "true"),
            ("x_card_brand", "visa"),
            ("x_card_last4", "4242"),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
        let sig = signature::sign(&fields, SECRET);
        fields.push(("x_signature".into(), sig));
        fields
    }

    fn receipt(book: &Book, reference: &str, fields: Fields) -> Receipt {
        Receipt::check(
            fields,
            &[SECRET],
            "acct_demo",
            reference,
            book.get(reference),
        )
    }

    #[test]
    fn a_signed_return_for_the_order_is_trusted_and_sets_its_standing() {
        let mut book = Book::default();
        book.open(Order::new("d-1".into(), "24.00".into(), "EUR".into()));
        let r = receipt(&book, "d-1", values("d-1", "completed", "24.00"));
        assert!(r.trusted(), "{:?}", r.problems);
        book.record_return("d-1", r.clone());
        book.record_return("d-1", r);
        let order = book.get("d-1").unwrap();
        assert_eq!(order.returns.len(), 1, "a reload is kept once");
        assert_eq!(order.standing(), Standing::Result("completed".into()));
        assert_eq!(order.card(), Some(("visa", "4242")));
    }

    #[test]
    fn signed_values_about_another_order_or_amount_are_not_trusted() {
        let mut book = Book::default();
        book.open(Order::new("d-1".into(), "24.00".into(), "EUR".into()));
        let other_order = receipt(&book, "d-1", values("d-2", "completed", "24.00"));
        let other_amount = receipt(&book, "d-1", values("d-1", "completed", "0.01"));
        for r in [other_order, other_amount] {
            assert!(r.signature_ok && !r.trusted());
            book.record_callback("d-1", r);
        }
        assert_eq!(book.get("d-1").unwrap().standing(), Standing::Open);
    }

    #[test]
    fn a_forged_callback_is_kept_only_for_a_known_order_and_never_trusted() {
        let mut book = Book::default();
        book.open(Order::new("d-1".into(), "24.00".into(), "EUR".into()));
        let mut forged = values("d-1", "completed", "24.00");
        forged.last_mut().unwrap().1 = "0".repeat(64);
        let r = receipt(&book, "d-1", forged.clone());
        assert!(!r.signature_ok);
        book.record_callback("d-1", r);
        let order = book.get("d-1").unwrap();
        assert_eq!(order.callbacks.len(), 1);
        assert_eq!(order.standing(), Standing::Open);
        let stranger = receipt(&book, "d-9", forged);
        book.record_callback("d-9", stranger);
        assert!(book.get("d-9").is_none(), "no order made up from a forgery");
    }

    #[test]
    fn a_signed_callback_of_an_earlier_run_opens_an_entry() {
        let mut book = Book::default();
        let r = receipt(&book, "d-old", values("d-old", "completed", "24.00"));
        book.record_callback("d-old", r);
        let order = book.get("d-old").unwrap();
        assert!(order.asked.is_none());
        assert_eq!(order.standing(), Standing::Result("completed".into()));
    }

    #[test]
    fn a_cancel_counts_until_something_trusted_arrives() {
        let mut book = Book::default();
        book.open(Order::new("d-1".into(), "24.00".into(), "EUR".into()));
        assert!(book.cancel("d-1") && !book.cancel("nope"));
        assert_eq!(book.get("d-1").unwrap().standing(), Standing::Cancelled);
        let r = receipt(&book, "d-1", values("d-1", "failed", "24.00"));
        book.record_callback("d-1", r);
        assert_eq!(
            book.get("d-1").unwrap().standing(),
            Standing::Result("failed".into())
        );
    }

    #[test]
    fn the_book_keeps_the_newest_orders_and_receipts() {
        let mut book = Book::default();
        for i in 0..MAX_ORDERS + 5 {
            book.open(Order::new(format!("d-{i}"), "24.00".into(), "EUR".into()));
        }
        assert!(book.get("d-0").is_none() && book.get("d-204").is_some());
        assert_eq!(book.newest_first().count(), MAX_ORDERS);
        for _ in 0..MAX_RECEIPTS + 3 {
            let r = receipt(&book, "d-204", values("d-204", "pending", "24.00"));
            book.record_callback("d-204", r);
        }
        assert_eq!(book.get("d-204").unwrap().callbacks.len(), MAX_RECEIPTS);
    }
}
