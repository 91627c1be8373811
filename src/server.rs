//! The HTTP server under the routes: accepts connections up to a bound, serves each with hyper
//! under a header-read deadline (a slow-loris client is cut off) and an idle keep-alive
//! deadline, hands every request to the poem endpoint, and stops gracefully. poem's own server
//! starts hyper without a timer, so hyper's header deadline would never fire there.

use crate::config::Limits;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use poem::web::{LocalAddr, RemoteAddr};
use poem::{Addr, Endpoint, EndpointExt, Response};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

/// Serves `ep` on `listener` under `limits` until `stop` turns true; then stops accepting,
/// lets the connections finish what they are answering, and returns after at most `grace`.
pub async fn serve<E>(
    listener: TcpListener,
    ep: E,
    limits: &Limits,
    mut stop: watch::Receiver<bool>,
    grace: Duration,
) -> std::io::Result<()>
where
    E: Endpoint + 'static,
{
    let ep = Arc::new(ep.map_to_response());
    let local = listener.local_addr()?;
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => p.expect("the semaphore is never closed"),
            _ = stopped(&mut stop) => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was taken: wait
                    // a moment rather than spin, and go on.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stopped(&mut stop) => break,
        };
        let conn = Connection {
            local,
            remote,
            header_read_timeout: limits.header_read_timeout,
            idle_timeout: limits.idle_timeout,
            _slot: permit,
        };
        tokio::spawn(conn.serve(stream, ep.clone(), stop.clone()));
    }
    drop(listener);
    // Every connection holds a slot until it ends: all slots back means all connections ended.
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(grace, slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!("connections still open after the grace period; closing them");
    }
    Ok(())
}

/// Returns once `stop` turns true (or its sender is gone).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// One accepted connection and what it may use.
struct Connection {
    local: SocketAddr,
    remote: SocketAddr,
    header_read_timeout: Duration,
    idle_timeout: Duration,
    /// Its place under `GATEWAY_MAX_CONNECTIONS`, given back when the connection ends.
    _slot: OwnedSemaphorePermit,
}

/// Whether a connection is answering a request, and since when it has not.
struct Activity {
    started: Instant,
    in_flight: AtomicUsize,
    /// Milliseconds after `started` when the last request ended.
    last_done: AtomicU64,
}

impl Activity {
    fn idle_for(&self) -> Option<Duration> {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return None;
        }
        let done = Duration::from_millis(self.last_done.load(Ordering::Acquire));
        Some(self.started.elapsed().saturating_sub(done))
    }
}

/// Counts a request in flight on its connection until dropped (an answer sent, or the client
/// gone).
struct Busy(Arc<Activity>);

impl Busy {
    fn new(activity: &Arc<Activity>) -> Self {
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        Self(activity.clone())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let at = u64::try_from(self.0.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.0.last_done.store(at, Ordering::Release);
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Connection {
    async fn serve<E>(self, stream: TcpStream, ep: Arc<E>, mut stop: watch::Receiver<bool>)
    where
        E: Endpoint<Output = Response> + 'static,
    {
        let _ = stream.set_nodelay(true);
        let activity = Arc::new(Activity {
            started: Instant::now(),
            in_flight: AtomicUsize::new(0),
            last_done: AtomicU64::new(0),
        });
        let (local, remote) = (self.local, self.remote);
        let service = hyper::service::service_fn({
            let activity = activity.clone();
            move |req: hyper::Request<hyper::body::Incoming>| {
                let ep = ep.clone();
                let busy = Busy::new(&activity);
                async move {
                    let req = poem::Request::from((
                        req,
                        LocalAddr(Addr::SocketAddr(local)),
                        RemoteAddr(Addr::SocketAddr(remote)),
                        poem::http::uri::Scheme::HTTP,
                    ));
                    let resp = ep.get_response(req).await;
                    drop(busy);
                    Ok::<_, Infallible>(hyper::Response::from(resp))
                }
            }
        });
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(self.header_read_timeout)
            .keep_alive(true);
        builder.http2().timer(TokioTimer::new());
        let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
        tokio::pin!(conn);
        let idle = self.idle_timeout;
        let mut closing = false;
        loop {
            let wait = activity
                .idle_for()
                .map_or(idle, |for_| idle.saturating_sub(for_));
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stopped(&mut stop), if !closing => {
                    conn.as_mut().graceful_shutdown();
                    closing = true;
                }
                _ = tokio::time::sleep(wait), if !closing => {
                    if activity.idle_for().is_some_and(|for_| for_ >= idle) {
                        tracing::debug!(remote = %remote, "closing an idle connection");
                        conn.as_mut().graceful_shutdown();
                        closing = true;
                    }
                }
            }
        }
    }
}
