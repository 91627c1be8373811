//! The merchant's payments (protocol.md section 9): the list, newest first, filtered by status,
//! reference and dates (UTC days) and paged by cursor, each row linking to the payment's page
//! ([`super::payment`]). Every query takes the session's merchant: a user sees only their own.

use super::text::{self as words, When, locale};
use super::{Nav, error, session, text};
use crate::domain::form::{Fields, Limits};
use crate::domain::payment::Status;
use crate::error::AppError;
use crate::i18n::{Locale, Value};
use crate::routes::html::render;
use crate::state::AppState;
use crate::store::payment_list::{self, Filter, is_payment_id};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Request, Response, handler};
use std::borrow::Cow;
use time::macros::format_description;

/// Payments a page.
const PAGE_SIZE: usize = 50;

struct Row {
    id: String,
    created: When,
    reference: String,
    amount: String,
    /// The protocol's code.
    status: &'static str,
    card: String,
    mode: Cow<'static, str>,
}

#[derive(Template)]
#[template(path = "dashboard/payments.html")]
struct ListPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    /// Each status the filter offers: its code and its label.
    statuses: Vec<(&'static str, Cow<'static, str>)>,
    status: String,
    reference: String,
    from: String,
    to: String,
    error: Option<Cow<'static, str>>,
    /// "Newest first, N on this page …".
    hint: String,
    rows: Vec<Row>,
    older: Option<String>,
    newest: Option<String>,
}

/// Why a filter cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unreadable {
    Status,
    From,
    To,
}

impl Unreadable {
    fn text(self, t: &Locale) -> Cow<'static, str> {
        match self {
            Unreadable::Status => t.msg("dash-payments-bad-status"),
            Unreadable::From => t.msg("dash-payments-bad-from"),
            Unreadable::To => t.msg("dash-payments-bad-to"),
        }
    }
}

/// A UTC day (`2026-12-01`) as milliseconds at its start.
fn day_start(text: &str, field: Unreadable) -> Result<Option<i64>, Unreadable> {
    if text.is_empty() {
        return Ok(None);
    }
    let day =
        time::Date::parse(text, format_description!("[year]-[month]-[day]")).map_err(|_| field)?;
    Ok(Some(day.midnight().assume_utc().unix_timestamp() * 1000))
}

/// The filter the query asks for, or why it cannot be read.
fn filter_of(q: &Fields) -> Result<Filter, Unreadable> {
    let status = match text(q, "status") {
        "" => None,
        s => Some(Status::parse(s).ok_or(Unreadable::Status)?),
    };
    let reference = Some(text(q, "reference").trim())
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    let from = day_start(text(q, "from"), Unreadable::From)?;
    let until = day_start(text(q, "to"), Unreadable::To)?.map(|start| start + 24 * 3600 * 1000);
    Ok(Filter {
        status,
        reference,
        from,
        until,
        ..Filter::default()
    })
}

#[handler]
pub async fn list(req: &Request, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let session = try_page!(session(req, state).await);
    let raw = req.uri().query().unwrap_or("");
    let q = match Fields::parse(raw.as_bytes(), Limits::default()) {
        Ok(q) => q,
        Err(e) => return error(t, e.into()),
    };
    let after = Some(text(&q, "after")).filter(|a| !a.is_empty());
    if after.is_some_and(|a| !is_payment_id(a)) {
        return error(
            t,
            AppError::Malformed {
                detail: "after must be a payment id".into(),
                field: Some("after".into()),
            },
        );
    }
    let (filter, problem) = match filter_of(&q) {
        Ok(f) => (Some(f), None),
        Err(why) => (None, Some(why)),
    };
    let page = match &filter {
        Some(f) => {
            let account = &session.user.account_id;
            match payment_list::list(&state.db, account, f, after, PAGE_SIZE).await {
                Ok(p) => Some(p),
                Err(e) => return error(t, AppError::Unexpected(e)),
            }
        }
        None => None,
    };
    // The same filter on the other pages.
    let href = |after: Option<&str>| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for name in ["status", "reference", "from", "to"] {
            if !text(&q, name).is_empty() {
                query.append_pair(name, text(&q, name));
            }
        }
        if let Some(a) = after {
            query.append_pair("after", a);
        }
        format!("/dashboard/payments?{}", query.finish())
    };
    let (rows, next) = page.map_or((vec![], None), |p| (p.rows, p.next));
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        status,
        &ListPage {
            t,
            nav: Nav::of(&session, "payments"),
            statuses: Status::ALL
                .into_iter()
                .map(|s| (s.as_str(), words::status(t, s)))
                .collect(),
            status: text(&q, "status").to_string(),
            reference: text(&q, "reference").to_string(),
            from: text(&q, "from").to_string(),
            to: text(&q, "to").to_string(),
            error: problem.map(|why| why.text(t)),
            hint: t.fmt("dash-payments-hint", &[("count", Value::from(rows.len()))]),
            older: next.as_deref().map(|n| href(Some(n))),
            newest: after.map(|_| href(None)),
            rows: rows
                .into_iter()
                .map(|r| Row {
                    created: When::of(t, r.created_at),
                    reference: r.reference,
                    amount: t.money(&r.amount),
                    status: r.status.as_str(),
                    card: words::card(t, r.card_brand.as_deref(), r.card_last4.as_deref()),
                    mode: words::mode(t, r.test),
                    id: r.id,
                })
                .collect(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_reads_days_as_utc_and_the_to_day_whole() {
        let q = Fields::parse(
            b"status=captured&reference=+r-1+&from=2026-12-01&to=2026-12-01",
            Limits::default(),
        )
        .unwrap();
        let f = filter_of(&q).unwrap();
        assert_eq!(f.status, Some(Status::Captured));
        assert_eq!(f.reference.as_deref(), Some("r-1"));
        assert_eq!(f.from, Some(1_796_083_200_000));
        assert_eq!(f.until, Some(1_796_083_200_000 + 86_400_000));
        for bad in ["status=paid", "from=yesterday", "to=2026-13-01"] {
            let q = Fields::parse(bad.as_bytes(), Limits::default()).unwrap();
            assert!(filter_of(&q).is_err(), "{bad}");
        }
    }
}
