//! The message catalogue: every piece of text a page shows, per locale. English is the only
//! locale so far; `negotiate` picks from `x_locale`, then `Accept-Language`, then English.

/// All page text of one locale. `{name}` marks a value filled in by [`fill`].
pub struct Catalogue {
    pub lang: &'static str,
    pub site_name: &'static str,
    pub test_mode: &'static str,
    pub pay_heading: &'static str,
    pub amount_label: &'static str,
    pub description_label: &'static str,
    pub reference_label: &'static str,
    pub card_heading: &'static str,
    pub cardholder_name: &'static str,
    pub card_number: &'static str,
    pub card_number_hint: &'static str,
    pub card_expiry: &'static str,
    pub card_expiry_hint: &'static str,
    pub card_cvc: &'static str,
    pub card_cvc_hint: &'static str,
    pub pay_button: &'static str,
    pub cancel_link: &'static str,
    pub fix_fields: &'static str,
    pub try_again: &'static str,
    pub holder_missing: &'static str,
    pub number_missing: &'static str,
    pub number_invalid: &'static str,
    pub expiry_missing: &'static str,
    pub expiry_format: &'static str,
    pub expiry_past: &'static str,
    pub cvc_missing: &'static str,
    pub cvc_format: &'static str,
    pub challenge_heading: &'static str,
    pub challenge_text: &'static str,
    pub challenge_approve: &'static str,
    pub challenge_deny: &'static str,
    pub outcome_completed: &'static str,
    pub outcome_authorized: &'static str,
    pub outcome_pending: &'static str,
    pub outcome_failed: &'static str,
    pub outcome_cancelled: &'static str,
    pub outcome_voided: &'static str,
    pub outcome_expired: &'static str,
    pub outcome_card: &'static str,
    pub return_link: &'static str,
    pub error_heading: &'static str,
    pub error_field: &'static str,
    pub error_detail: &'static str,
    pub error_next: &'static str,
    /// Before the request id on an error page: what to quote to support.
    pub error_request_id: &'static str,
    pub error_malformed: &'static str,
    pub error_signature: &'static str,
    pub error_unknown_account: &'static str,
    pub error_not_found: &'static str,
    pub error_conflict: &'static str,
    pub error_too_large: &'static str,
    pub error_timeout: &'static str,
    pub error_rate_limited: &'static str,
    pub error_deadline: &'static str,
    pub error_unsupported: &'static str,
    pub error_invalid: &'static str,
    pub error_forbidden: &'static str,
    pub error_live_mode: &'static str,
    pub error_unexpected: &'static str,
    pub index_heading: &'static str,
    pub index_text: &'static str,
}

pub static EN: Catalogue = Catalogue {
    lang: "en",
    site_name: "offsite-gateway",
    test_mode: "Test mode: no real money moves, and this account takes test payments only. \
                Try card 4242 4242 4242 4242.",
    pay_heading: "Pay {shop}",
    amount_label: "Amount",
    description_label: "For",
    reference_label: "Order",
    card_heading: "Card details",
    cardholder_name: "Name on card",
    card_number: "Card number",
    card_number_hint: "The long number on the front of your card.",
    card_expiry: "Expiry date",
    card_expiry_hint: "MM/YY, for example 04/29.",
    card_cvc: "Security code",
    card_cvc_hint: "3 digits on the back, or 4 on the front of American Express cards.",
    pay_button: "Pay {amount}",
    cancel_link: "Cancel and return to {shop}",
    fix_fields: "Please correct the fields marked below.",
    try_again: "{message} You can try again or use another card ({left} attempts left).",
    holder_missing: "Enter the name shown on the card.",
    number_missing: "Enter the card number.",
    number_invalid: "This card number is not valid. Check it and try again.",
    expiry_missing: "Enter the expiry date.",
    expiry_format: "Enter the expiry date as MM/YY.",
    expiry_past: "This card has expired.",
    cvc_missing: "Enter the security code.",
    cvc_format: "The security code is 3 digits (4 for American Express).",
    challenge_heading: "Confirm this payment",
    challenge_text: "Your card issuer asks you to confirm this payment (simulated 3-D Secure).",
    challenge_approve: "Approve payment",
    challenge_deny: "Deny",
    outcome_completed: "Payment complete. Thank you!",
    outcome_authorized: "Payment authorized. The shop will capture it when your order ships.",
    outcome_pending: "Payment received and being confirmed. The shop will be told when it completes.",
    outcome_failed: "The payment failed.",
    outcome_cancelled: "The payment was cancelled.",
    outcome_voided: "The authorization was released; nothing was charged.",
    outcome_expired: "This payment expired before it was paid; nothing was charged.",
    outcome_card: "Card: {brand} ending {last4}",
    return_link: "Return to {shop}",
    error_heading: "This payment request cannot be processed",
    error_field: "Field",
    error_detail: "Details for the shop's developer",
    error_next: "Please go back to the shop and try again. If it keeps happening, contact the shop.",
    error_request_id: "Reference for support",
    error_malformed: "The payment request is malformed.",
    error_signature: "The payment request's signature is not valid.",
    error_unknown_account: "The shop's account is not known to this gateway.",
    error_not_found: "This page does not exist.",
    error_conflict: "This order already has a different payment.",
    error_too_large: "The payment request is too large.",
    error_timeout: "The request took too long to arrive.",
    error_rate_limited: "Too many requests from here in a short time. Wait a moment and try again.",
    error_deadline: "This took too long to answer. If you were paying, open the payment page again to see whether the payment went through before paying again.",
    error_unsupported: "The payment request must be sent as a form.",
    error_invalid: "The payment request has an invalid value.",
    error_forbidden: "This form was not submitted from this payment page.",
    error_live_mode: "This gateway takes test payments only: no live payment can be made yet.",
    error_unexpected: "Something went wrong on our side. Please try again in a moment.",
    index_heading: "offsite-gateway",
    index_text: "A hosted payment gateway for storefront platforms, speaking the x_ offsite protocol.",
};

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The catalogue for a request: `x_locale` first, then `Accept-Language`, then English.
pub fn negotiate(locale: Option<&str>, accept_language: Option<&str>) -> &'static Catalogue {
    let wanted = locale
        .into_iter()
        .chain(accept_language.into_iter().flat_map(|h| {
            h.split(',')
                .map(|part| part.split(';').next().unwrap_or("").trim())
        }));
    for tag in wanted {
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        if let Some(catalogue) = CATALOGUES.iter().find(|c| c.lang == primary) {
            return catalogue;
        }
    }
    &EN
}

static CATALOGUES: &[&Catalogue] = &[&EN];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(EN.pay_button, &[("amount", "$1.00 USD")]),
            "Pay $1.00 USD"
        );
    }

    #[test]
    fn falls_back_to_english() {
        assert_eq!(negotiate(Some("de-DE"), Some("fr, en;q=0.5")).lang, "en");
        assert_eq!(negotiate(None, None).lang, "en");
    }
}
