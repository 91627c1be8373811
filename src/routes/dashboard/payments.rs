//! The merchant's payments (protocol.md section 9): the list, newest first, filtered by status,
//! reference and dates (UTC days) and paged by cursor, each row linking to the payment's page
//! ([`super::payment`]). Every query takes the session's merchant: a user sees only their own.

use super::{Nav, error, session, text};
use crate::domain::form::{Fields, Limits};
use crate::domain::payment::Status;
use crate::error::AppError;
use crate::routes::html::render;
use crate::state::AppState;
use crate::store::format_millis;
use crate::store::payment_list::{self, Filter, is_payment_id};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Request, Response, handler};
use time::macros::format_description;

/// Payments a page.
const PAGE_SIZE: usize = 50;

struct Row {
    id: String,
    created: String,
    reference: String,
    amount: String,
    status: &'static str,
    card: String,
    mode: &'static str,
}

#[derive(Template)]
#[template(path = "dashboard/payments.html")]
struct ListPage {
    nav: Option<Nav>,
    statuses: Vec<&'static str>,
    status: String,
    reference: String,
    from: String,
    to: String,
    error: Option<String>,
    rows: Vec<Row>,
    older: Option<String>,
    newest: Option<String>,
}

/// A UTC day (`2026-12-01`) as milliseconds at its start.
fn day_start(text: &str, field: &str) -> Result<Option<i64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let day = time::Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map_err(|_| format!("{field} must be a day like 2026-12-01"))?;
    Ok(Some(day.midnight().assume_utc().unix_timestamp() * 1000))
}

/// The filter the query asks for, or why it cannot be read.
fn filter_of(q: &Fields) -> Result<Filter, String> {
    let status = match text(q, "status") {
        "" => None,
        s => Some(Status::parse(s).ok_or("Unknown status.")?),
    };
    let reference = Some(text(q, "reference").trim())
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    let from = day_start(text(q, "from"), "From")?;
    let until = day_start(text(q, "to"), "To")?.map(|start| start + 24 * 3600 * 1000);
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
    let session = try_page!(session(req, state).await);
    let raw = req.uri().query().unwrap_or("");
    let q = match Fields::parse(raw.as_bytes(), Limits::default()) {
        Ok(q) => q,
        Err(e) => return error(e.into()),
    };
    let after = Some(text(&q, "after")).filter(|a| !a.is_empty());
    if after.is_some_and(|a| !is_payment_id(a)) {
        return error(AppError::Malformed {
            detail: "after must be a payment id".into(),
            field: Some("after".into()),
        });
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
                Err(e) => return error(AppError::Unexpected(e)),
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
            nav: Nav::of(&session, "payments"),
            statuses: Status::ALL.iter().map(Status::as_str).collect(),
            status: text(&q, "status").to_string(),
            reference: text(&q, "reference").to_string(),
            from: text(&q, "from").to_string(),
            to: text(&q, "to").to_string(),
            error: problem.map(|why| format!("Nothing was listed: {why}")),
            older: next.as_deref().map(|n| href(Some(n))),
            newest: after.map(|_| href(None)),
            rows: rows
                .into_iter()
                .map(|r| Row {
                    created: format_millis(r.created_at),
                    reference: r.reference,
                    amount: r.amount.display(),
                    status: r.status.as_str(),
                    card: card_text(r.card_brand.as_deref(), r.card_last4.as_deref()),
                    mode: if r.test { "test" } else { "live" },
                    id: r.id,
                })
                .collect(),
        },
    )
}

pub(super) fn card_text(brand: Option<&str>, last4: Option<&str>) -> String {
    match (brand, last4) {
        (Some(b), Some(l)) => format!("{b} ···· {l}"),
        _ => "–".into(),
    }
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
