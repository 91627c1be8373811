//! The dashboard's words. The merchant reads the language their browser asks for
//! (`Accept-Language`; the dashboard has no per-user setting), every text comes from
//! `locales/*/dashboard.ftl`, amounts and moments are formatted for that locale, and the
//! protocol's values (statuses, modes, transaction types, attempt answers) get their labels here,
//! one place for every page. A message may carry a little markup (`<code>`, `<strong>`, `<a>`)
//! and values that are markup themselves (a `<time>`, a code span): [`Markup::html_fmt`] builds
//! it so that no text of a message or value is ever read as HTML.

use crate::domain::money::Amount;
use crate::domain::payment::Status;
use crate::domain::request::TransactionType;
use crate::i18n::{self, Locale, Value};
use crate::store::callbacks::Answer;
use crate::store::{format_millis, from_millis};
use poem::Request;
use std::borrow::Cow;

/// The locale of a dashboard request: the browser's languages, else English.
pub fn locale(req: &Request) -> Locale {
    i18n::negotiate(None, req.header("accept-language"))
}

/// A moment for a `<time>` element: the machine form for its `datetime` attribute, and the text
/// people read.
pub struct When {
    pub iso: String,
    pub text: String,
}

impl When {
    pub fn of(t: &Locale, ms: i64) -> Self {
        Self {
            iso: format_millis(ms),
            text: t.datetime(from_millis(ms)),
        }
    }

    /// The `<time>` element, for a message that places it (see [`Markup`]).
    pub fn html(&self) -> String {
        time_element(None, self)
    }

    /// The `<time>` element with a stable id.
    pub fn html_with_id(&self, id: &str) -> String {
        time_element(Some(id), self)
    }
}

fn time_element(id: Option<&str>, w: &When) -> String {
    let id = id
        .map(|i| format!(" id=\"{}\"", escape(i)))
        .unwrap_or_default();
    format!(
        "<time{id} datetime=\"{}\">{}</time>",
        escape(&w.iso),
        escape(&w.text)
    )
}

/// Text escaped for HTML, in element content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `<code>text</code>`, the text escaped.
pub fn code(text: &str) -> String {
    format!("<code>{}</code>", escape(text))
}

/// A value placed in a message with markup.
pub enum Piece<'a> {
    /// Text (escaped) or a number (which the message may select a plural on).
    Text(Value<'a>),
    /// Markup built by this module's helpers ([`code`], [`When::html`]), placed as it is.
    Html(String),
    /// The address the message's `<a>` links to.
    Href(&'a str),
}

impl<'a, T: Into<Value<'a>>> From<T> for Piece<'a> {
    fn from(v: T) -> Self {
        Piece::Text(v.into())
    }
}

/// The tags a message may use; anything else in it is text.
const TAGS: [&str; 5] = ["<code>", "</code>", "<strong>", "</strong>", "</a>"];

/// Messages whose text has markup, or whose values are markup.
pub trait Markup {
    /// The message `id` as HTML: its text escaped but for the tags it may use (`<code>`,
    /// `<strong>`, and `<a>`, which links to the [`Piece::Href`]), its text values escaped, its
    /// markup values placed as they are. Values are put in after the tags are read, so a value
    /// that looks like a tag stays text.
    fn html_fmt(&self, id: &str, args: &[(&str, Piece<'_>)]) -> String;
}

impl Markup for Locale {
    fn html_fmt(&self, id: &str, args: &[(&str, Piece<'_>)]) -> String {
        // Each value that is not a number stands in the message as a private-use marker, which
        // no message or escaping contains, until the message's own text is escaped.
        let marker = |i: usize| format!("\u{e000}{i}\u{e001}");
        let mut values = Vec::new();
        let mut placed: Vec<(String, String)> = Vec::new();
        let mut href = None;
        for (i, (name, piece)) in args.iter().enumerate() {
            match piece {
                Piece::Text(Value::Number(n)) => values.push((*name, Value::Number(n.clone()))),
                Piece::Text(v) => {
                    // The dashboard passes strings and numbers only.
                    let text = match v {
                        Value::String(s) => s.as_ref(),
                        _ => "",
                    };
                    values.push((*name, Value::from(marker(i))));
                    placed.push((marker(i), escape(text)));
                }
                Piece::Html(html) => {
                    values.push((*name, Value::from(marker(i))));
                    placed.push((marker(i), html.clone()));
                }
                Piece::Href(h) => href = Some(*h),
            }
        }
        let mut html = escape(&self.fmt(id, &values));
        for tag in TAGS {
            html = html.replace(&escape(tag), tag);
        }
        if let Some(h) = href {
            html = html.replace(&escape("<a>"), &format!("<a href=\"{}\">", escape(h)));
        }
        for (mark, value) in placed {
            html = html.replace(&mark, &value);
        }
        html
    }
}

/// A payment's status in words (the page shows the code too, as the protocol names it).
pub fn status(t: &Locale, s: Status) -> Cow<'static, str> {
    match s {
        Status::Open => t.msg("dash-status-open"),
        Status::Challenge => t.msg("dash-status-challenge"),
        Status::Pending => t.msg("dash-status-pending"),
        Status::Authorized => t.msg("dash-status-authorized"),
        Status::Captured => t.msg("dash-status-captured"),
        Status::Failed => t.msg("dash-status-failed"),
        Status::Cancelled => t.msg("dash-status-cancelled"),
        Status::Voided => t.msg("dash-status-voided"),
        Status::Expired => t.msg("dash-status-expired"),
    }
}

/// Test or live, of a payment or a key.
pub fn mode(t: &Locale, test: bool) -> Cow<'static, str> {
    if test {
        t.msg("dash-mode-test")
    } else {
        t.msg("dash-mode-live")
    }
}

pub fn transaction_type(t: &Locale, kind: TransactionType) -> Cow<'static, str> {
    match kind {
        TransactionType::Sale => t.msg("dash-type-sale"),
        TransactionType::Authorization => t.msg("dash-type-authorization"),
    }
}

/// What a callback or webhook attempt got back; a failure's kind is the deliverer's code.
pub fn answer(t: &Locale, a: &Answer) -> String {
    match a {
        Answer::Http(s) => t.fmt("dash-answer-http", &[("status", Value::from(*s))]),
        Answer::Failed(kind) => kind.clone(),
        Answer::Nothing => t.msg("dash-answer-none").into_owned(),
    }
}

/// A card by its brand (as the processor names it) and last four digits.
pub fn card(t: &Locale, brand: Option<&str>, last4: Option<&str>) -> String {
    match (brand, last4) {
        (Some(b), Some(l)) => t.fmt("dash-card", &[("brand", b.into()), ("last4", l.into())]),
        _ => t.msg("dash-none").into_owned(),
    }
}

/// An amount of the payment's currency, or the dash when there is none.
pub fn money(t: &Locale, amount: Option<Amount>) -> String {
    amount.map_or_else(|| t.msg("dash-none").into_owned(), |a| t.money(&a))
}

/// Why a card attempt failed: the test processor's messages in the reader's language; another
/// acquirer's text as it came.
pub fn reason(t: &Locale, why: &str) -> String {
    use crate::processor as tp;
    match why {
        tp::DECLINED => t.msg("dash-reason-declined").into_owned(),
        tp::INSUFFICIENT_FUNDS => t.msg("dash-reason-insufficient-funds").into_owned(),
        tp::PROCESSOR_ERROR => t.msg("dash-reason-error").into_owned(),
        tp::CHALLENGE_FAILED => t.msg("dash-reason-challenge-failed").into_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_keeps_the_message_s_tags_and_escapes_everything_else() {
        let t = i18n::english();
        let html = t.html_fmt(
            "dash-keys-hint",
            &[("href", Piece::Href("/docs/api?a=1&b=2"))],
        );
        assert!(
            html.contains("<a href=\"/docs/api?a=1&amp;b=2\">sessions API</a>"),
            "{html}"
        );
        assert!(
            html.contains("<code>Authorization: Bearer</code>"),
            "{html}"
        );
        // A value that looks like markup stays text; a markup value is placed as built.
        let html = t.html_fmt(
            "dash-deliveries-heading",
            &[("id", Piece::Html(code("<b>we_1</b>")))],
        );
        assert_eq!(
            html,
            "Newest deliveries to <code>&lt;b&gt;we_1&lt;/b&gt;</code>"
        );
        let html = t.html_fmt("dash-secret-version", &[("version", "<code>".into())]);
        assert!(html.starts_with("version &lt;code&gt;,"), "{html}");
    }

    #[test]
    fn every_status_has_a_label() {
        let t = i18n::english();
        for s in Status::ALL {
            assert!(!status(&t, s).is_empty());
        }
        assert_eq!(status(&t, Status::Captured), "captured");
    }
}
