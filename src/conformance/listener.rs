//! The kit's storefront endpoints on `--callback-listen`: `/callback` (answers 200 to every
//! POST, as the checks judge what arrived, not the listener), `/complete` and `/cancel` (where
//! the shopper's browser comes back). Every request is recorded, raw, for the checks to wait on.

use poem::http::StatusCode;
use poem::listener::TcpAcceptor;
use poem::web::Data;
use poem::{Body, EndpointExt, Request, Response, Route, Server, handler};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use url::Url;

/// One request that reached the listener.
#[derive(Debug, Clone)]
pub struct Hit {
    pub method: String,
    pub path: String,
    /// The raw query string, undecoded.
    pub query: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Hit {
    /// Whether the hit is on the listener's `callback`, `complete` or `cancel`.
    pub fn is(&self, path: &str) -> bool {
        leaf(&self.path) == path
    }

    /// Whether a decoded `name` field (query, then form body) is `value`, read leniently: this
    /// only picks out which payment a hit belongs to.
    pub fn names(&self, name: &str, value: &str) -> bool {
        let query = url::form_urlencoded::parse(self.query.as_bytes());
        let body = url::form_urlencoded::parse(&self.body);
        query.chain(body).any(|(n, v)| n == name && v == value)
    }
}

type Hits = Arc<Mutex<Vec<Hit>>>;

/// The last segment of a path: behind `--public-url` (a tunnel, a proxy) the listener may see
/// `/callback` or `/prefix/callback`.
fn leaf(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

pub struct Listener {
    /// Where the gateway under test reaches the listener: `http://ADDR` or `--public-url`.
    pub base: Url,
    hits: Hits,
    server: tokio::task::JoinHandle<()>,
}

#[handler]
async fn record(req: &Request, body: Body, Data(hits): Data<&Hits>) -> Response {
    let body = body.into_vec().await.unwrap_or_default();
    let path = req.uri().path().to_string();
    hits.lock().expect("hits lock").push(Hit {
        method: req.method().to_string(),
        path: path.clone(),
        query: req.uri().query().unwrap_or("").to_string(),
        content_type: req.header("content-type").map(str::to_string),
        body,
        at: Instant::now(),
    });
    let text = match leaf(&path) {
        "callback" => "ok",
        "complete" => "Back at the storefront of the conformance kit. You can close this tab.",
        "cancel" => "Cancelled: back at the storefront of the conformance kit.",
        _ => {
            return Response::builder()
                .status(StatusCode::NOT_FOUND)
                .body("not found");
        }
    };
    Response::builder()
        .status(StatusCode::OK)
        .content_type("text/plain; charset=utf-8")
        .body(text)
}

impl Listener {
    /// Listens on `addr`; the gateway is told `public` (if given) instead of `http://ADDR`.
    pub async fn start(addr: &str, public: Option<&Url>) -> anyhow::Result<Self> {
        use anyhow::Context;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("the callback listener cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        let base = match public {
            Some(url) => url.clone(),
            None => Url::parse(&format!("http://{local}"))?,
        };
        let hits = Hits::default();
        let app = Route::new().at("/*path", record).data(hits.clone());
        let acceptor = TcpAcceptor::from_tokio(listener)?;
        let server = tokio::spawn(async move {
            let _ = Server::new_with_acceptor(acceptor).run(app).await;
        });
        Ok(Self { base, hits, server })
    }

    /// The URL of one of the listener's paths (`callback`, `complete`, `cancel`).
    pub fn url(&self, path: &str) -> Url {
        let mut base = self.base.clone();
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        base.join(path).expect("a relative path joins")
    }

    /// Whether `url` is the listener's `path`, whatever its query.
    pub fn is(&self, url: &Url, path: &str) -> bool {
        let own = self.url(path);
        url.origin() == own.origin() && url.path() == own.path()
    }

    /// The first hit that `matches`, waiting up to `timeout` for it.
    pub async fn wait_for(&self, timeout: Duration, matches: impl Fn(&Hit) -> bool) -> Option<Hit> {
        let deadline = Instant::now() + timeout;
        loop {
            let found = self
                .hits
                .lock()
                .expect("hits lock")
                .iter()
                .find(|h| matches(h))
                .cloned();
            if found.is_some() || Instant::now() >= deadline {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn stop(self) {
        self.server.abort();
        let _ = self.server.await;
    }
}
