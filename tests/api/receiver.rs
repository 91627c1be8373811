//! A storefront's callback endpoint on loopback, scripted per test: answer with given statuses
//! (then a default), delay, or redirect; every request is recorded with its form fields.
//!
//! Receivers listen on [`RECEIVER_IP`], a loopback address of their own, and the gateways under
//! test run with the SSRF guard on, letting through [`RECEIVER_NET`] only: a callback reaches a
//! receiver, and one to any other private address (127.0.0.1, where the gateway itself and
//! PostgreSQL listen) is refused as it would be in production.

use poem::http::StatusCode;
use poem::listener::TcpAcceptor;
use poem::web::Data;
use poem::{Body, EndpointExt, Request, Response, Route, Server, handler};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where receivers listen: the one loopback address the gateways under test may call back.
pub const RECEIVER_IP: &str = "127.0.0.2";
/// The SSRF guard's allow list in the tests (`GATEWAY_CALLBACK_ALLOW_NETS`): the receivers only.
pub const RECEIVER_NET: &str = "127.0.0.2/32";

/// A port of [`RECEIVER_IP`] nobody listens on (for now): a receiver that is down.
pub fn unused_receiver_port() -> u16 {
    let l = std::net::TcpListener::bind((RECEIVER_IP, 0)).unwrap();
    l.local_addr().unwrap().port()
}

#[derive(Clone, Debug)]
pub enum Reply {
    Status(u16),
    /// Wait, then answer with the status.
    Slow(Duration, u16),
    /// Answer with this 3xx status and a Location.
    Redirect(u16, &'static str),
    /// Answer with the status and this body.
    Body(u16, &'static [u8]),
}

#[derive(Clone, Debug)]
pub struct Hit {
    pub path: String,
    pub fields: Vec<(String, String)>,
    pub content_type: Option<String>,
    pub at: Instant,
    /// The body as sent (a webhook's JSON is verified over these bytes).
    pub body: Vec<u8>,
    /// Every header, names lower-case.
    pub headers: Vec<(String, String)>,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON (a webhook's).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

#[derive(Default)]
struct Script {
    replies: Mutex<VecDeque<Reply>>,
    default: Mutex<Option<Reply>>,
    hits: Mutex<Vec<Hit>>,
}

pub struct Receiver {
    pub base: String,
    script: Arc<Script>,
    server: tokio::task::JoinHandle<()>,
}

#[handler]
async fn receive(req: &Request, body: Body, Data(script): Data<&Arc<Script>>) -> Response {
    let bytes = body.into_vec().await.unwrap_or_default();
    let fields = url::form_urlencoded::parse(&bytes)
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect();
    script.hits.lock().unwrap().push(Hit {
        path: req.uri().path().to_string(),
        fields,
        content_type: req.header("content-type").map(str::to_string),
        at: Instant::now(),
        headers: req
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect(),
        body: bytes,
    });
    let reply = script
        .replies
        .lock()
        .unwrap()
        .pop_front()
        .or_else(|| script.default.lock().unwrap().clone())
        .unwrap_or(Reply::Status(200));
    let status = |s: u16| StatusCode::from_u16(s).unwrap();
    match reply {
        Reply::Status(s) => Response::builder().status(status(s)).body("ok"),
        Reply::Body(s, body) => Response::builder().status(status(s)).body(body),
        Reply::Slow(wait, s) => {
            tokio::time::sleep(wait).await;
            Response::builder().status(status(s)).body("late")
        }
        Reply::Redirect(s, to) => Response::builder()
            .status(status(s))
            .header("location", to)
            .finish(),
    }
}

impl Receiver {
    /// Starts on `addr` (`127.0.0.1:0` for any port).
    pub async fn start_on(addr: &str) -> Receiver {
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let script = Arc::new(Script::default());
        let app = Route::new()
            .at("/*path", poem::post(receive))
            .data(script.clone());
        let acceptor = TcpAcceptor::from_tokio(listener).unwrap();
        let server = tokio::spawn(async move {
            let _ = Server::new_with_acceptor(acceptor).run(app).await;
        });
        Receiver {
            base,
            script,
            server,
        }
    }

    /// Starts on a free port of [`RECEIVER_IP`].
    pub async fn start() -> Receiver {
        Self::start_on(&format!("{RECEIVER_IP}:0")).await
    }

    /// Stops listening; the port is free again.
    pub async fn stop(self) {
        self.server.abort();
        let _ = self.server.await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Answers these first, in order.
    pub fn then(&self, replies: &[Reply]) -> &Self {
        self.script
            .replies
            .lock()
            .unwrap()
            .extend(replies.iter().cloned());
        self
    }

    /// Answers this once the scripted replies are used up.
    pub fn otherwise(&self, reply: Reply) -> &Self {
        *self.script.default.lock().unwrap() = Some(reply);
        self
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.script.hits.lock().unwrap().clone()
    }

    /// Waits up to `seconds` for at least `n` requests.
    pub async fn wait_for(&self, n: usize, seconds: u64) -> Vec<Hit> {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        while Instant::now() < deadline && self.hits().len() < n {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.hits()
    }
}

/// A TCP listener that only counts connections: for proving that none were made.
pub struct CountingListener {
    pub port: u16,
    count: Arc<std::sync::atomic::AtomicUsize>,
    _task: tokio::task::JoinHandle<()>,
}

impl CountingListener {
    pub async fn start(ip: &str) -> CountingListener {
        let listener = tokio::net::TcpListener::bind((ip, 0)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let seen = count.clone();
        let task = tokio::spawn(async move {
            while let Ok((_stream, _)) = listener.accept().await {
                seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        });
        CountingListener {
            port,
            count,
            _task: task,
        }
    }

    pub fn connections(&self) -> usize {
        self.count.load(std::sync::atomic::Ordering::SeqCst)
    }
}
