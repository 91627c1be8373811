//! The SSRF guard (T7): callbacks never connect to loopback, private, link-local, CGNAT,
//! multicast, reserved, documentation, IPv4-mapped or unspecified addresses. The check is made
//! on the addresses the HTTP client will actually connect to (a resolver that refuses a name if
//! any of its addresses is disallowed, so DNS rebinding gets no window) and, since IP literals
//! never reach a resolver, on the URL's host before any connection.
//!
//! The guard has its own allow list and nothing else turns it off: `GATEWAY_ALLOW_PRIVATE_TARGETS`
//! only widens which URLs a storefront may give (`domain::target`), so a private URL accepted in
//! development still reaches nothing the guard does not allow. What it allows: the networks of
//! `GATEWAY_CALLBACK_ALLOW_NETS` (a local receiver's `127.0.0.1/32`, say), and exact sockets (the
//! `demo` command's storefront), let through only as an IP literal with its exact port.

use crate::domain::target::is_public_ip;
use ipnet::IpNet;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use url::{Host, Url};

/// Which addresses callbacks and webhooks may reach: public ones, and those allowed here.
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    /// `GATEWAY_CALLBACK_ALLOW_NETS`: networks let through although not public (development and
    /// tests); empty in production.
    pub allow_nets: Vec<IpNet>,
    /// Exact sockets let through when a URL names one by IP literal and port (names are
    /// resolved without a port, so a name that resolves to one is still refused).
    pub allow_sockets: Vec<SocketAddr>,
}

impl AddressPolicy {
    pub fn allows(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.allow_nets.iter().any(|n| n.contains(&ip)) || is_public_ip(ip)
    }

    /// The URL's host, if it is an IP literal this policy refuses.
    pub fn blocked_literal(&self, url: &Url) -> Option<IpAddr> {
        let ip = match url.host()? {
            Host::Ipv4(v4) => IpAddr::V4(v4),
            Host::Ipv6(v6) => IpAddr::V6(v6),
            Host::Domain(_) => return None,
        };
        let port = url.port_or_known_default();
        if port.is_some_and(|p| self.allow_sockets.contains(&SocketAddr::new(ip, p))) {
            return None;
        }
        (!self.allows(ip)).then_some(ip)
    }
}

/// The error a refused address becomes; found again in the client's error chain.
#[derive(Debug, thiserror::Error)]
#[error("refused to connect to {0}: not a public address")]
pub struct BlockedAddress(pub IpAddr);

/// Resolves with the system resolver.
#[derive(Debug, Default, Clone)]
pub struct SystemResolver;

impl Resolve for SystemResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// Wraps a resolver and refuses a name if any address it resolves to is disallowed.
pub struct GuardedResolver {
    inner: Arc<dyn Resolve>,
    policy: AddressPolicy,
}

impl GuardedResolver {
    pub fn new(inner: Arc<dyn Resolve>, policy: AddressPolicy) -> Self {
        Self { inner, policy }
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let inner = self.inner.resolve(name);
        let policy = self.policy.clone();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = inner.await?.collect();
            if let Some(bad) = addrs.iter().find(|a| !policy.allows(a.ip())) {
                return Err(Box::new(BlockedAddress(bad.ip())) as _);
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_policy_refuses_every_special_range_and_the_allow_list_is_empty() {
        let p = AddressPolicy::default();
        assert!(p.allow_nets.is_empty() && p.allow_sockets.is_empty());
        for ip in [
            "127.0.0.1",
            "10.0.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "::1",
            "::ffff:127.0.0.1",
            "fe80::1",
            "0.0.0.0",
        ] {
            assert!(!p.allows(ip.parse().unwrap()), "{ip}");
        }
        assert!(p.allows("93.184.216.34".parse().unwrap()));
    }

    #[test]
    fn literals_in_any_spelling_are_caught_before_connecting() {
        let p = AddressPolicy::default();
        for url in [
            "http://127.0.0.1/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://017700000001/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::1]:8080/",
        ] {
            assert!(
                p.blocked_literal(&Url::parse(url).unwrap()).is_some(),
                "{url}"
            );
        }
        assert!(
            p.blocked_literal(&Url::parse("http://example.com/").unwrap())
                .is_none()
        );
    }

    #[test]
    fn an_allow_list_lets_only_its_networks_through() {
        let p = AddressPolicy {
            allow_nets: vec!["127.0.0.2/32".parse().unwrap()],
            ..AddressPolicy::default()
        };
        assert!(p.allows("127.0.0.2".parse().unwrap()));
        assert!(!p.allows("127.0.0.1".parse().unwrap()));
    }

    #[test]
    fn an_allowed_socket_lets_through_that_ip_and_port_only() {
        let p = AddressPolicy {
            allow_sockets: vec!["127.0.0.1:8081".parse().unwrap()],
            ..AddressPolicy::default()
        };
        let blocked = |url: &str| p.blocked_literal(&Url::parse(url).unwrap()).is_some();
        assert!(!blocked("http://127.0.0.1:8081/callback"));
        for url in [
            "http://127.0.0.1:8082/callback",
            "http://127.0.0.1:5432/",
            "http://127.0.0.1/callback",
            "http://10.0.0.1:8081/callback",
            "http://[::1]:8081/callback",
            "http://[::ffff:127.0.0.1]:8081/callback",
        ] {
            assert!(blocked(url), "{url} must stay blocked");
        }
        // Resolved names carry no port: the socket's address stays refused for them.
        assert!(!p.allows("127.0.0.1".parse().unwrap()));
    }
}
