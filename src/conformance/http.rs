//! The kit's HTTP client: every call time-bounded, redirects never followed (each 3xx is part of
//! what is judged), and every answer reduced to what the checks read. A call that gets no answer
//! is an `Err` with the reason, never a status.

use super::signer::abbreviate;
use std::time::Duration;
use url::Url;

pub const FORM: &str = "application/x-www-form-urlencoded";

/// What a server answered.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The URL the request went to.
    pub url: Url,
    pub status: u16,
    /// The `Location` header resolved against the request URL, for 3xx answers.
    pub location: Option<Url>,
    pub body: String,
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    pub fn is_redirect(&self) -> bool {
        (300..400).contains(&self.status)
    }

    pub fn is_client_error(&self) -> bool {
        (400..500).contains(&self.status)
    }

    /// The status and where it points or what it says, short: `303 to /pay/…`, `422: {…}`.
    pub fn summary(&self) -> String {
        let said = text_of(&self.body);
        match (&self.location, self.is_redirect()) {
            (Some(to), true) if to.origin() == self.url.origin() => {
                let mut path = to.clone();
                path.set_query(None);
                let query = if to.query().is_some() { "?…" } else { "" };
                format!(
                    "{} to {}{query}",
                    self.status,
                    &path[url::Position::BeforePath..]
                )
            }
            (Some(to), true) => format!("{} to {}", self.status, short_url(to)),
            _ if said.is_empty() => self.status.to_string(),
            _ => format!("{}: {}", self.status, abbreviate(&said, 100)),
        }
    }
}

/// What a body says: an HTML page's text without its tags, head and styles.
fn text_of(body: &str) -> String {
    let trimmed = body.trim_start();
    if !trimmed.starts_with('<') {
        return trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let visible = match trimmed.find("<body") {
        Some(i) => &trimmed[i..],
        None => trimmed,
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in visible.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL without its query (which may carry signed values), for reasons.
pub fn short_url(url: &Url) -> String {
    let mut shown = url.clone();
    shown.set_query(None);
    if url.query().is_some() {
        format!("{shown}?…")
    } else {
        shown.to_string()
    }
}

#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    timeout: Duration,
}

impl Http {
    pub fn new(timeout: Duration) -> anyhow::Result<Self> {
        crate::callbacks::deliver::install_crypto_provider();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .user_agent(concat!(
                "offsite-gateway-conformance/",
                env!("CARGO_PKG_VERSION")
            ))
            .build()?;
        Ok(Self { client, timeout })
    }

    pub async fn get(&self, url: &Url) -> Result<Answer, String> {
        self.send(self.client.get(url.clone()), url).await
    }

    /// POSTs `body` as a form; `accept` sets the `Accept` header.
    pub async fn post_form(
        &self,
        url: &Url,
        body: String,
        accept: Option<&str>,
    ) -> Result<Answer, String> {
        let mut req = self
            .client
            .post(url.clone())
            .header("content-type", FORM)
            .body(body);
        if let Some(accept) = accept {
            req = req.header("accept", accept);
        }
        self.send(req, url).await
    }

    async fn send(&self, req: reqwest::RequestBuilder, url: &Url) -> Result<Answer, String> {
        let resp = req.send().await.map_err(|e| self.no_answer(url, &e))?;
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header("location").and_then(|l| url.join(&l).ok());
        let body = resp.text().await.map_err(|e| self.no_answer(url, &e))?;
        Ok(Answer {
            url: url.clone(),
            status,
            location,
            body,
        })
    }

    fn no_answer(&self, url: &Url, e: &reqwest::Error) -> String {
        let what = if e.is_timeout() {
            format!("timed out after {} s", self.timeout.as_secs())
        } else if e.is_connect() {
            "could not connect".to_string()
        } else {
            use std::error::Error;
            let mut text = e.to_string();
            let mut source = e.source();
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        };
        format!("no answer from {}: {what}", short_url(url))
    }
}
