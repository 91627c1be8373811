//! Just enough HTML reading to find the section 7 elements of a payment page and submit its card
//! form as a browser without JavaScript would: start tags and their attributes (quoted or not,
//! entities decoded), comments skipped. Not a general parser; pages that need one (or
//! JavaScript, or cookies) are what `--manual` is for.

use url::Url;

/// A start or end tag: `name` is lower case, `/form` for an end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'/') {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let n_start = i;
            while i < bytes.len() && !b" \t\r\n=>/".contains(&bytes[i]) {
                i += 1;
            }
            let attr = html[n_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                let (v_start, v_end) = match bytes.get(i) {
                    Some(q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(char::from(*q))
                            .map_or(html.len(), |e| i + 1 + e);
                        (i + 1, end)
                    }
                    _ => {
                        let end = html[i..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(html.len(), |e| i + e);
                        (i, end)
                    }
                };
                value = decode_entities(&html[v_start..v_end]);
                i = if v_end < html.len() && matches!(bytes[v_end], b'"' | b'\'') {
                    v_end + 1
                } else {
                    v_end
                };
            }
            if !attr.is_empty() {
                attrs.push((attr, value));
            }
        }
        if !name.is_empty() {
            out.push(Tag { name, attrs });
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&e| e <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The card inputs of section 7.
pub const CARD_FIELDS: [&str; 4] = ["cardholder_name", "card_number", "card_expiry", "card_cvc"];

/// The payment page's card form as found.
#[derive(Debug, Clone)]
pub struct PaymentForm {
    pub method: String,
    /// Where it submits: its `action` resolved against the page, or the page itself.
    pub action: Url,
    /// Every named input and submit button in the form, with its value, in order.
    pub fields: Vec<(String, String, String)>,
    /// The `href` of `a#cancel-link`, if the page has one.
    pub cancel_link: Option<String>,
}

impl PaymentForm {
    pub fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|(n, _, _)| n == name)
    }

    pub fn hidden_names(&self) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(_, kind, _)| kind == "hidden")
            .map(|(n, _, _)| n.as_str())
            .collect()
    }

    /// What a browser submits: every field with its value, the card fields filled in.
    pub fn submission(&self, card: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .fields
            .iter()
            .filter(|(n, _, _)| !card.iter().any(|(c, _)| c == n))
            .map(|(n, _, v)| (n.clone(), v.clone()))
            .collect();
        out.extend(card.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        out
    }
}

/// Finds `form#payment-form` on the page at `page`.
pub fn payment_form(html: &str, page: &Url) -> Option<PaymentForm> {
    let tags = tags(html);
    let cancel_link = tags
        .iter()
        .find(|t| t.name == "a" && t.attr("id") == Some("cancel-link"))
        .map(|t| t.attr("href").unwrap_or("").to_string());
    let start = tags
        .iter()
        .position(|t| t.name == "form" && t.attr("id") == Some("payment-form"))?;
    let form = &tags[start];
    let action = match form.attr("action").filter(|a| !a.trim().is_empty()) {
        Some(a) => page.join(a.trim()).ok()?,
        None => page.clone(),
    };
    let mut fields = Vec::new();
    for tag in tags[start + 1..].iter().take_while(|t| t.name != "/form") {
        let kind = tag.attr("type").unwrap_or("").to_ascii_lowercase();
        let named = tag.attr("name").filter(|n| !n.is_empty());
        let submits = kind == "submit" || (tag.name == "button" && kind.is_empty());
        let field = match tag.name.as_str() {
            "input" if !matches!(kind.as_str(), "submit" | "button" | "reset" | "image") => true,
            "input" | "button" => submits,
            "textarea" | "select" => true,
            _ => false,
        };
        if let (true, Some(name)) = (field, named) {
            // Only the first named submit button is "clicked".
            if submits
                && fields
                    .iter()
                    .any(|(_, k, _): &(String, String, String)| k == "submit")
            {
                continue;
            }
            let kind = if submits { "submit".into() } else { kind };
            let value = tag.attr("value").unwrap_or("").to_string();
            fields.push((name.to_string(), kind, value));
        }
    }
    Some(PaymentForm {
        method: form.attr("method").unwrap_or("get").to_ascii_lowercase(),
        action,
        fields,
        cancel_link,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><body>
<!-- <form id="payment-form" action="/decoy"> -->
<form id="payment-form" method="POST" action="/pay/abc?x=1&amp;y=2" novalidate>
<input type="hidden" name="csrf_token" value="t&quot;ok">
<input type=hidden name=attempt value=0>
<label for="cardholder_name">Name</label>
<input id="cardholder_name" name="cardholder_name" type="text" value="">
<input name='card_number' type='text'>
<input name="card_expiry"><input name="card_cvc" required>
<button type="submit" id="pay-button">Pay</button>
</form>
<input name="outside" value="no">
<p><a id="cancel-link" href="/pay/abc/cancel?token=1&amp;b=2">Back</a></p>
</body></html>"#;

    #[test]
    fn finds_the_form_its_fields_and_the_cancel_link() {
        let page = Url::parse("http://gw.test/pay/abc").unwrap();
        let form = payment_form(PAGE, &page).unwrap();
        assert_eq!(form.method, "post");
        assert_eq!(form.action.as_str(), "http://gw.test/pay/abc?x=1&y=2");
        assert_eq!(form.hidden_names(), ["csrf_token", "attempt"]);
        assert!(CARD_FIELDS.iter().all(|f| form.has(f)));
        assert!(
            !form.has("outside"),
            "fields after </form> are not the form's"
        );
        assert_eq!(
            form.cancel_link.as_deref(),
            Some("/pay/abc/cancel?token=1&b=2")
        );
        let sent = form.submission(&[("card_number", "4242"), ("card_cvc", "123")]);
        assert_eq!(sent[0], ("csrf_token".into(), "t\"ok".into()));
        assert_eq!(sent[1], ("attempt".into(), "0".into()));
        assert!(sent.contains(&("card_number".into(), "4242".into())));
        assert_eq!(sent.iter().filter(|(n, _)| n == "card_number").count(), 1);
    }

    #[test]
    fn a_page_without_the_form_or_with_entities_is_read_as_it_is() {
        let page = Url::parse("http://gw.test/p").unwrap();
        assert!(payment_form("<form id=other><input name=card_number></form>", &page).is_none());
        let bare = payment_form("<form id=\"payment-form\"></form>", &page).unwrap();
        assert_eq!(bare.method, "get");
        assert_eq!(bare.action, page);
        assert_eq!(decode_entities("a&#39;b&#x41;&nope;&"), "a'bA&nope;&");
    }
}
