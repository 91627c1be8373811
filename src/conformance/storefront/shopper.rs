//! The shopper's side (protocol.md sections 3, 6 and 7): the hosted page's stable elements, the
//! card form submitted as a browser without JavaScript would (or, with `--manual`, a person
//! paying), the signed return to `x_url_complete` with the exact echo, and the signed callback
//! that must reach the kit's listener.

use super::values::{echo, response_fields, signature};
use super::{Kit, Opened, Paid, Prompt, requests};
use crate::conformance::html::{CARD_FIELDS, PaymentForm, payment_form};
use crate::conformance::http::{FORM, short_url};
use crate::conformance::listener::Hit;
use crate::conformance::report::{Report, Status};
use crate::conformance::signer::{Values, encode, get};
use crate::domain::form::{Fields, Limits};
use std::time::{Duration, Instant};
use url::Url;

const PAGE_CHECKS: [&str; 8] = [
    "page.elements",
    "page.pay",
    "return.signature",
    "return.echo",
    "return.fields",
    "callback.received",
    "callback.signature",
    "callback.echo",
];

/// Pays authorization A and checks its page, return and callback; returns A as paid, if it
/// came back with values, or why it did not.
pub(super) async fn check(
    kit: &Kit<'_>,
    report: &mut Report,
    opened: Option<Opened>,
) -> Result<Paid, String> {
    let Some(opened) = opened else {
        for id in PAGE_CHECKS {
            report.skip(id, "no payment to pay: request.signed_accepted failed");
        }
        return Err("no payment: request.signed_accepted failed".into());
    };
    let since = Instant::now();
    let returned = if kit.options.manual {
        report.skip(
            "page.elements",
            "--manual: a person's browser reads the page, not the kit",
        );
        pay_manually(kit, &opened.page, 1).await
    } else {
        match read_page(kit, &opened).await {
            (Some(form), verdict) => {
                report.judge("page.elements", verdict);
                pay_on_page(kit, &form).await
            }
            (None, verdict) => {
                report.judge("page.elements", verdict);
                Err("the page has no card form to submit (page.elements)".into())
            }
        }
    };
    let paid = match returned {
        Ok((hit, how)) => {
            report.pass("page.pay", how);
            return_checks(report, kit.options, &opened.request, &hit)
        }
        Err(why) => {
            report.fail("page.pay", why);
            for id in &PAGE_CHECKS[2..5] {
                report.skip(id, "no return to judge: page.pay failed");
            }
            None
        }
    };
    if report.status_of("page.pay") == Some(Status::Pass) {
        callback_checks(kit, report, &opened.request, paid.as_ref(), since).await;
    } else {
        for id in &PAGE_CHECKS[5..] {
            report.skip(
                id,
                "nothing was paid, so no callback is due: page.pay failed",
            );
        }
    }
    match paid {
        Some(returned) => Ok(Paid {
            request: opened.request,
            returned,
        }),
        None if report.status_of("page.pay") == Some(Status::Pass) => {
            Err("the return does not parse: return.signature failed".into())
        }
        None => Err("no paid authorization: page.pay failed".into()),
    }
}

/// Authorization B, opened and paid, for the void; why not, if it could not be.
pub(super) async fn second_authorization(kit: &Kit<'_>) -> Result<Paid, String> {
    let request = kit.request("b", "5.00", "USD", "authorization");
    let (opened, _) = requests::open(kit, request).await?;
    let (hit, _) = if kit.options.manual {
        pay_manually(kit, &opened.page, 2).await?
    } else {
        match read_page(kit, &opened).await {
            (Some(form), _) => pay_on_page(kit, &form).await?,
            (None, Err(why)) => return Err(why),
            (None, Ok(_)) => return Err("no card form".into()),
        }
    };
    let returned = Fields::parse(hit.query.as_bytes(), Limits::default())
        .map_err(|e| format!("its return does not parse: {e}"))?
        .into_pairs();
    Ok(Paid {
        request: opened.request,
        returned,
    })
}

/// The page's card form, if any, and the verdict on its section 7 elements.
async fn read_page(
    kit: &Kit<'_>,
    opened: &Opened,
) -> (Option<PaymentForm>, Result<String, String>) {
    let html = match &opened.html {
        Some(html) => html.clone(),
        None => match kit.http.get(&opened.page).await {
            Ok(a) if a.status == 200 => a.body,
            Ok(a) => return (None, Err(format!("GET the page: {}", a.summary()))),
            Err(no_answer) => return (None, Err(no_answer)),
        },
    };
    let Some(form) = payment_form(&html, &opened.page) else {
        return (
            None,
            Err("no <form id=\"payment-form\"> on the page".into()),
        );
    };
    let mut missing: Vec<String> = CARD_FIELDS
        .iter()
        .filter(|f| !form.has(f))
        .map(|f| format!("no input {f}"))
        .collect();
    if form.method != "post" {
        missing.push(format!("the form's method is {}, not post", form.method));
    }
    if form.cancel_link.is_none() {
        missing.push("no <a id=\"cancel-link\">".into());
    }
    let verdict = if missing.is_empty() {
        let hidden = form.hidden_names();
        Ok(format!(
            "form#payment-form (post) with {}{}; a#cancel-link",
            CARD_FIELDS.join(", "),
            if hidden.is_empty() {
                String::new()
            } else {
                format!(", hidden {}", hidden.join(", "))
            }
        ))
    } else {
        Err(missing.join("; "))
    };
    (Some(form), verdict)
}

/// A card expiry three years ahead, `MM/YY`.
fn expiry() -> String {
    let year = time::OffsetDateTime::now_utc().year() + 3;
    format!("12/{:02}", year % 100)
}

/// Submits the card form and follows the gateway's redirects (at most 5) until one points at
/// the listener's `/complete`, which the kit then opens as the browser would.
async fn pay_on_page(kit: &Kit<'_>, form: &PaymentForm) -> Result<(Hit, String), String> {
    let card = kit.options.card.as_str();
    let digits: String = card.chars().filter(char::is_ascii_digit).collect();
    let ending = format!(
        "the card ending {}",
        &digits[digits.len().saturating_sub(4)..]
    );
    let filled = [
        ("cardholder_name", "Ada Lovelace"),
        ("card_number", card),
        ("card_expiry", &expiry()),
        ("card_cvc", "123"),
    ];
    let body = encode(&form.submission(&filled));
    let mut answer = kit.http.post_form(&form.action, body, None).await?;
    for _ in 0..5 {
        let to = match (&answer.location, answer.is_redirect()) {
            (Some(to), true) => to.clone(),
            _ if answer.status == 200 => {
                return Err(format!(
                    "200: after the card form the gateway showed a page, not a redirect to \
                     x_url_complete (a decline, an inline error, or a step the kit cannot take: \
                     try --manual); paid with {ending}"
                ));
            }
            _ => return Err(format!("the card form got {}", answer.summary())),
        };
        if kit.listener.is(&to, "cancel") {
            return Err("the card form ended at x_url_cancel, not x_url_complete".into());
        }
        if kit.listener.is(&to, "complete") {
            let query = to.query().unwrap_or("").to_string();
            kit.http.get(&to).await?;
            let hit = kit
                .listener
                .wait_for(kit.options.http_timeout, |h| {
                    h.is("complete") && h.query == query
                })
                .await
                .ok_or("the return did not reach the listener")?;
            return Ok((
                hit,
                format!("{} to x_url_complete, paid with {ending}", answer.status),
            ));
        }
        answer = kit.http.get(&to).await?;
    }
    Err("5 redirects after the card form without reaching x_url_complete".into())
}

/// `--manual`: asks for the page at `page` to be paid, and waits for the browser's return.
async fn pay_manually(kit: &Kit<'_>, page: &Url, n: usize) -> Result<(Hit, String), String> {
    let since = Instant::now();
    let timeout = kit.options.manual_timeout;
    (kit.prompt)(&Prompt {
        url: page.clone(),
        n,
        of: 2,
        timeout,
    });
    let hit = kit
        .listener
        .wait_for(timeout, |h| {
            h.at >= since && (h.is("complete") || h.is("cancel"))
        })
        .await
        .ok_or_else(|| {
            format!(
                "nobody came back from {} within {} s",
                short_url(page),
                timeout.as_secs()
            )
        })?;
    if hit.is("cancel") {
        return Err("the shopper came back through x_url_cancel, not x_url_complete".into());
    }
    let waited = hit.at.duration_since(since).as_secs();
    Ok((
        hit,
        format!("the shopper's browser came back to x_url_complete after {waited} s"),
    ))
}

/// Parses the return strictly (a duplicated field fails it) and judges it.
fn return_checks(
    report: &mut Report,
    options: &super::Options,
    request: &Values,
    hit: &Hit,
) -> Option<Values> {
    let (secret, card) = (options.secret.as_str(), options.card.as_str());
    let values = match Fields::parse(hit.query.as_bytes(), Limits::default()) {
        Ok(fields) => fields.into_pairs(),
        Err(e) => {
            report.fail(
                "return.signature",
                format!("the return's query does not parse: {e}"),
            );
            report.skip("return.echo", "the return's query does not parse");
            report.skip("return.fields", "the return's query does not parse");
            return None;
        }
    };
    report.judge("return.signature", signature(&values, secret));
    report.judge("return.echo", echo(request, &values));
    report.judge("return.fields", response_fields(&values, request, card));
    Some(values)
}

/// Waits for A's callback on the listener and judges it.
async fn callback_checks(
    kit: &Kit<'_>,
    report: &mut Report,
    request: &Values,
    returned: Option<&Values>,
    since: Instant,
) {
    let reference = get(request, "x_reference").unwrap_or_default();
    let timeout = kit.options.callback_timeout;
    let found = kit
        .listener
        .wait_for(timeout, |h| {
            h.is("callback") && h.method == "POST" && h.names("x_reference", reference)
        })
        .await;
    let Some(hit) = found else {
        let stray = kit
            .listener
            .wait_for(Duration::ZERO, |h| h.is("callback"))
            .await;
        report.fail(
            "callback.received",
            match stray {
                Some(h) => format!(
                    "a {} /callback arrived, but none naming x_reference={reference} within {} s",
                    h.method,
                    timeout.as_secs()
                ),
                None => format!(
                    "no callback reached x_url_callback within {} s",
                    timeout.as_secs()
                ),
            },
        );
        report.skip(
            "callback.signature",
            "no callback: callback.received failed",
        );
        report.skip("callback.echo", "no callback: callback.received failed");
        return;
    };
    let mime = hit
        .content_type
        .as_deref()
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let after = hit.at.saturating_duration_since(since).as_secs_f64();
    report.judge(
        "callback.received",
        if mime == FORM {
            Ok(format!(
                "POST {} {after:.2} s after paying, {mime}",
                hit.path
            ))
        } else {
            Err(format!(
                "a callback arrived as {mime:?}; the protocol sends {FORM}"
            ))
        },
    );
    let values = match Fields::parse(&hit.body, Limits::default()) {
        Ok(fields) => fields.into_pairs(),
        Err(e) => {
            report.fail(
                "callback.signature",
                format!("the callback's body does not parse: {e}"),
            );
            report.skip("callback.echo", "the callback's body does not parse");
            return;
        }
    };
    report.judge(
        "callback.signature",
        signature(&values, &kit.options.secret),
    );
    let mut verdict = echo(request, &values);
    if let (Ok(_), Some(returned)) = (&verdict, returned) {
        for name in ["x_gateway_reference", "x_result", "x_transaction_type"] {
            if get(&values, name) != get(returned, name) {
                verdict = Err(format!(
                    "{name} is {:?} in the callback but {:?} on the return: they are the same \
                     response",
                    get(&values, name),
                    get(returned, name)
                ));
                break;
            }
        }
    }
    report.judge(
        "callback.echo",
        verdict.map(|ok| format!("{ok}; the same response as the return")),
    );
}
