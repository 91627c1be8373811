//! Building the running gateway: open the database and the master key, bind the listener (port 0
//! in tests), start the HTTP server and the background settler, and stop them gracefully.

use crate::callbacks::{Deliverer, Worker};
use crate::config::{Limits, Settings};
use crate::crypto::MasterKey;
use crate::limits::RateLimits;
use crate::metrics::Metrics;
use crate::processor::{Processor, TestProcessor};
use crate::state::AppState;
use crate::store::{self, Db, merchants};
use crate::{flows, routes, server};
use anyhow::{Context, bail};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

/// How the master key was found.
pub enum KeySource {
    Environment,
    File {
        path: std::path::PathBuf,
        created: bool,
    },
}

/// Finds the master key: `GATEWAY_MASTER_KEY`, else a key file beside the SQLite file
/// (created on first start). PostgreSQL deployments must set the variable.
pub fn master_key(settings: &Settings) -> anyhow::Result<(MasterKey, KeySource)> {
    use secrecy::ExposeSecret;
    if let Some(k) = &settings.master_key {
        let key = MasterKey::from_base64(k.expose_secret()).context("GATEWAY_MASTER_KEY")?;
        return Ok((key, KeySource::Environment));
    }
    if settings.is_postgres() {
        bail!(
            "GATEWAY_MASTER_KEY is not set. A PostgreSQL deployment needs the same master key on \
             every gateway process: generate one with `openssl rand -base64 32` and set it."
        );
    }
    let Some(db_path) = settings.sqlite_path() else {
        bail!("GATEWAY_MASTER_KEY is not set and the database is not a file to keep a key beside");
    };
    let path = db_path.with_extension("key");
    let (key, created) = MasterKey::load_or_create(&path)?;
    Ok((key, KeySource::File { path, created }))
}

/// Serves `app` on `listener` under `limits` until `stop` turns true, then lets requests in
/// flight finish for up to `grace`.
pub fn spawn_server<E>(
    listener: tokio::net::TcpListener,
    app: E,
    limits: &Limits,
    stop: watch::Receiver<bool>,
    grace: Duration,
) -> JoinHandle<std::io::Result<()>>
where
    E: poem::Endpoint + 'static,
{
    let limits = limits.clone();
    tokio::spawn(async move { server::serve(listener, app, &limits, stop, grace).await })
}

/// Warns, on the log, when the master key file was just created.
pub fn warn_if_new_key_file(source: &KeySource) {
    if let KeySource::File {
        path,
        created: true,
    } = source
    {
        tracing::warn!(
            path = %path.display(),
            "created a new master key file; keep it safe: without it merchant secrets cannot be read"
        );
    }
}

/// Opens the database and checks that the master key is the one the stored secrets need.
pub async fn open(settings: &Settings) -> anyhow::Result<(Db, MasterKey, KeySource)> {
    let (key, source) = master_key(settings)?;
    let db = store::connect(&settings.store_options()).await?;
    for id in merchants::master_key_ids(&db).await? {
        if id != key.id() {
            bail!(
                "merchant secrets in this database were encrypted under master key {id}, but the \
                 configured master key is {}: start with the key they were created with",
                key.id()
            );
        }
    }
    Ok((db, key, source))
}

/// On an empty database, a test-only merchant so a newcomer can try the gateway at once.
pub async fn ensure_sandbox_merchant(
    db: &Db,
    key: &MasterKey,
) -> anyhow::Result<Option<merchants::Created>> {
    if !merchants::list(db).await?.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        merchants::create(db, key, "Sandbox shop", true).await?,
    ))
}

/// The processor payments go through: today always the built-in test processor, which moves no
/// real money (so live payments are refused; see `domain::request::live_refusal`).
pub fn processor(db: &Db) -> Arc<dyn Processor> {
    Arc::new(TestProcessor::new(db.clone()))
}

/// The running gateway.
pub struct Application {
    address: SocketAddr,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<std::io::Result<()>>,
    settler: JoinHandle<()>,
    callback_worker: JoinHandle<()>,
    trimmer: JoinHandle<()>,
}

/// Trims the rate limiters once a minute until `stop` turns true.
async fn trim_limits(limits: Arc<RateLimits>, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => limits.trim(),
            _ = stop.wait_for(|s| *s) => return,
        }
    }
}

impl Application {
    /// Opens everything named by `settings` and starts serving.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let (db, key, _) = open(&settings).await?;
        Self::build_with(settings, db, key).await
    }

    /// Starts serving on an already opened database.
    pub async fn build_with(settings: Settings, db: Db, key: MasterKey) -> anyhow::Result<Self> {
        crate::i18n::ready()?;
        let listener = tokio::net::TcpListener::bind(&settings.listen)
            .await
            .with_context(|| format!("listening on {}", settings.listen))?;
        let address = listener.local_addr()?;
        let deliverer = Deliverer::new(settings.address_policy(), settings.callback_timeouts())?;
        let metrics = Arc::new(Metrics::new());
        let state = AppState {
            processor: processor(&db),
            merchants: Arc::new(merchants::Cache::new(
                settings.merchant_cache_ttl,
                settings.limits.unknown_account_ttl,
                metrics.clone(),
            )),
            limits: Arc::new(RateLimits::new(&settings.limits)),
            metrics: metrics.clone(),
            db,
            key: Arc::new(key),
            callback_wake: Arc::new(Notify::new()),
            settings: Arc::new(settings),
            worker_beat: Arc::new(std::sync::atomic::AtomicI64::new(0)),
        };
        let (shutdown, rx) = watch::channel(false);
        let settler = tokio::spawn(flows::settle::run(state.clone(), rx.clone()));
        let worker = Worker::new(
            state.db.clone(),
            deliverer,
            state.settings.callback_retry_schedule.clone(),
            state.settings.callback_lease(),
            state.callback_wake.clone(),
        )
        .with_webhooks(
            state.key.clone(),
            state.settings.webhook_retry_schedule.clone(),
        )
        .with_heartbeat(state.worker_beat.clone())
        .with_metrics(metrics);
        let callback_worker = tokio::spawn(worker.run(rx.clone()));
        let trimmer = tokio::spawn(trim_limits(state.limits.clone(), rx.clone()));
        let app = routes::router(state.clone());
        let limits = state.settings.limits.clone();
        let server = spawn_server(listener, app, &limits, rx, Duration::from_secs(10));
        Ok(Self {
            address,
            shutdown,
            server,
            settler,
            callback_worker,
            trimmer,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// Stops accepting, lets in-flight requests and callback attempts finish (bounded), and
    /// stops the workers.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.shutdown.send(true);
        self.server.await??;
        self.settler.await?;
        self.callback_worker.await?;
        self.trimmer.await?;
        Ok(())
    }

    /// Serves until `signal` completes or the server fails.
    pub async fn run_until(
        mut self,
        signal: impl std::future::Future<Output = ()>,
    ) -> anyhow::Result<()> {
        tokio::select! {
            result = &mut self.server => {
                result??;
                bail!("the server stopped unexpectedly");
            }
            _ = signal => {
                tracing::info!("shutting down");
                self.stop().await
            }
        }
    }
}
