//! `offsite-gateway demo` (protocol.md section 16): the gateway, run as `serve` runs it, and a
//! demo storefront in the same process that sells one product, signs its checkout as a
//! test-only merchant, and shows each return and callback with its signature checked. The
//! storefront's socket is the one private target the gateway accepts in URLs and its SSRF guard
//! lets callbacks reach ([`Settings::allow_sockets`]); `GATEWAY_ALLOW_PRIVATE_TARGETS` and
//! `GATEWAY_CALLBACK_ALLOW_NETS` are left as configured.
//!
//! This module owns starting and stopping the pair and choosing the merchant; [`storefront`]
//! serves the pages, [`book`] remembers the orders, [`signature`] is the storefront's own
//! reading of the protocol's signature, and [`pages`] holds what the pages show.

pub mod book;
pub mod pages;
pub mod signature;
pub mod storefront;

use crate::config::Settings;
use crate::crypto::MasterKey;
use crate::startup::{self, Application};
use crate::store::{Db, merchants};
use anyhow::{Context, bail};
use secrecy::ExposeSecret;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use storefront::Shop;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Where the storefront listens unless told otherwise.
pub const DEFAULT_STOREFRONT_LISTEN: &str = "127.0.0.1:8081";
/// The name of the merchant the demo creates when the database has no test-only one.
pub const DEMO_MERCHANT_NAME: &str = "Demo storefront";

/// The running gateway and demo storefront.
pub struct Demo {
    gateway: Application,
    storefront: Storefront,
    gateway_url: String,
    storefront_url: String,
    merchant: merchants::Merchant,
    database: String,
    pending_after: Duration,
    notes: Vec<String>,
}

/// The storefront's server task.
struct Storefront {
    address: SocketAddr,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<std::io::Result<()>>,
}

impl Storefront {
    async fn stop(self) -> anyhow::Result<()> {
        let _ = self.shutdown.send(true);
        self.server.await??;
        Ok(())
    }
}

/// The address to give out for a listener: an unspecified address is reached on loopback.
fn reachable(address: SocketAddr) -> SocketAddr {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), address.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv6Addr::LOCALHOST.into(), address.port())
        }
        _ => address,
    }
}

/// The first test-only merchant, or a new one named [`DEMO_MERCHANT_NAME`]; whether it was made.
async fn storefront_merchant(
    db: &Db,
    key: &MasterKey,
) -> anyhow::Result<(merchants::Merchant, bool)> {
    if let Some(m) = merchants::list(db).await?.into_iter().find(|m| m.test_only) {
        return Ok((m, false));
    }
    // The secret stays sealed in the database: the storefront reads it there when it signs.
    let created = merchants::create(db, key, DEMO_MERCHANT_NAME, true).await?;
    let merchant = merchants::find(db, &created.account_id)
        .await?
        .context("the demo merchant just created is missing")?;
    Ok((merchant, true))
}

impl Demo {
    /// Opens the database named by `settings` (as `serve` does, creating the sandbox merchant
    /// on an empty one), binds the storefront on `storefront_listen` and the gateway on
    /// `settings.listen` (port 0 picks a free port for either), and starts both.
    pub async fn start(mut settings: Settings, storefront_listen: &str) -> anyhow::Result<Demo> {
        let (db, key, source) = startup::open(&settings).await?;
        let mut notes = Vec::new();
        startup::warn_if_new_key_file(&source);
        if let Some(sandbox) = startup::ensure_sandbox_merchant(&db, &key).await? {
            notes.push(format!(
                "Created the sandbox merchant {0} (test mode only); its secret stays in the\n  \
                 database (`offsite-gateway merchant rotate-secret {0}` shows a new one).",
                sandbox.account_id
            ));
        }
        let (merchant, created) = storefront_merchant(&db, &key).await?;
        if created {
            notes.push(format!(
                "Created the test-only merchant \"{}\" ({}) for the demo.",
                merchant.name, merchant.account_id
            ));
        }
        let listener = tokio::net::TcpListener::bind(storefront_listen)
            .await
            .with_context(|| format!("listening on {storefront_listen} for the demo storefront"))?;
        let storefront_address = reachable(listener.local_addr()?);
        let storefront_url = format!("http://{storefront_address}");
        let host = url::Url::parse(&storefront_url)?
            .host_str()
            .unwrap_or_default()
            .to_string();
        if !merchant.return_hosts.allows(&host) {
            bail!(
                "merchant {}'s allowed hosts do not include {host}: the gateway would refuse the \
                 demo storefront's URLs (change them in the dashboard's settings)",
                merchant.account_id
            );
        }
        settings.allow_sockets.push(storefront_address);
        let derived_url = settings.public_url == format!("http://{}", settings.listen);
        let public_url = settings.public_url.clone();
        let database = settings.database_for_log();
        let pending_after = settings.pending_settle_after;
        let shop_key = MasterKey::from_base64(key.to_base64().expose_secret())?;
        let gateway = Application::build_with(settings, db.clone(), key).await?;
        let gateway_url = if derived_url {
            format!("http://{}", reachable(gateway.address()))
        } else {
            public_url
        };
        let shop = Arc::new(Shop {
            book: Mutex::new(book::Book::default()),
            db,
            key: shop_key,
            account_id: merchant.account_id.clone(),
            me: storefront_url.clone(),
            gateway: gateway_url.clone(),
            pending_after,
        });
        let (shutdown, stop) = watch::channel(false);
        let app = storefront::router(shop);
        let limits = crate::config::Limits::default();
        let server = startup::spawn_server(listener, app, &limits, stop, Duration::from_secs(5));
        Ok(Demo {
            gateway,
            storefront: Storefront {
                address: storefront_address,
                shutdown,
                server,
            },
            gateway_url,
            storefront_url,
            merchant,
            database,
            pending_after,
            notes,
        })
    }

    pub fn gateway_address(&self) -> SocketAddr {
        self.gateway.address()
    }

    pub fn storefront_address(&self) -> SocketAddr {
        self.storefront.address
    }

    /// Where a browser reaches the gateway.
    pub fn gateway_url(&self) -> &str {
        &self.gateway_url
    }

    /// Where a browser reaches the storefront.
    pub fn storefront_url(&self) -> &str {
        &self.storefront_url
    }

    /// The test-only merchant the storefront signs as.
    pub fn account_id(&self) -> &str {
        &self.merchant.account_id
    }

    /// What the command prints once both are up: where to go, and the test cards.
    pub fn welcome(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Offsite Gateway demo: test payments only, no money moves."
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "  Open {} to shop.", self.storefront_url);
        let _ = writeln!(
            out,
            "  The gateway runs at {} on {}.",
            self.gateway_url, self.database
        );
        let _ = writeln!(
            out,
            "  The storefront signs as the test-only merchant \"{}\" ({}).",
            self.merchant.name, self.merchant.account_id
        );
        for note in &self.notes {
            let _ = writeln!(out, "  {note}");
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Test cards (any name, any future expiry such as 12/30, any 3-digit CVC):"
        );
        for card in pages::test_cards(self.pending_after) {
            let _ = writeln!(out, "  {}  {}", card.number, card.outcome);
        }
        let _ = writeln!(out, "  any other valid card number: approved");
        let _ = writeln!(out);
        let _ = write!(out, "Press Ctrl-C to stop.");
        out
    }

    /// Stops the gateway (its callback attempts finish, the storefront still answering
    /// them), then the storefront.
    pub async fn stop(self) -> anyhow::Result<()> {
        let gateway = self.gateway.stop().await;
        self.storefront.stop().await?;
        gateway
    }

    /// Serves until `signal` completes or either server fails; then stops both.
    pub async fn run_until(
        self,
        signal: impl std::future::Future<Output = ()>,
    ) -> anyhow::Result<()> {
        let Demo {
            gateway,
            mut storefront,
            ..
        } = self;
        let mut failed = None;
        let served = gateway
            .run_until(async {
                tokio::select! {
                    _ = signal => {}
                    result = &mut storefront.server => failed = Some(result),
                }
            })
            .await;
        match failed {
            Some(result) => {
                served?;
                result??;
                bail!("the demo storefront stopped unexpectedly")
            }
            None => {
                let stopped = storefront.stop().await;
                served.and(stopped)
            }
        }
    }
}
