//! Where we are willing to send a shopper or a callback: absolute `https` URLs on public hosts
//! (T6, T7). `http`, non-default ports and private, loopback or otherwise non-public hosts are
//! allowed only when the server runs with `GATEWAY_ALLOW_PRIVATE_TARGETS=true` (development and
//! tests), or, for one exact socket (an IP literal and its port), when the server names it in
//! [`TargetRules::allow_sockets`] (the `demo` command's storefront). IP literals are checked in
//! every spelling because the WHATWG parser normalises decimal, hex and short forms
//! (`http://2130706433/`, `http://0x7f.1/`) to an address first.
//!
//! This is the URL policy, applied when a URL is accepted. It does not decide where a callback
//! may connect: the SSRF guard (`callbacks::guard`) checks every address connected to against
//! its own allow list, whatever these rules accepted.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use url::{Host, Url};

/// What a target may be besides an https URL on a public host at the default port.
#[derive(Debug, Clone, Copy, Default)]
pub struct TargetRules<'a> {
    /// `GATEWAY_ALLOW_PRIVATE_TARGETS`: http, any host, any port.
    pub allow_private: bool,
    /// These sockets exactly, named by an IP literal and port, over http or https; a host name
    /// that resolves to one of them is still refused.
    pub allow_sockets: &'a [SocketAddr],
}

impl From<bool> for TargetRules<'static> {
    fn from(allow_private: bool) -> Self {
        TargetRules {
            allow_private,
            allow_sockets: &[],
        }
    }
}

/// Whether `url` names one of `sockets` by IP literal and port (the scheme's default included).
fn names_socket(url: &Url, sockets: &[SocketAddr]) -> bool {
    let ip = match url.host() {
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
        _ => return false,
    };
    url.port_or_known_default()
        .is_some_and(|port| sockets.contains(&SocketAddr::new(ip, port)))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("must be an absolute https URL")]
    NotAbsoluteHttps,
    #[error("must not contain spaces, backslashes or control characters")]
    BadCharacters,
    #[error("must not contain a user name or password")]
    Userinfo,
    #[error("must name a public host")]
    PrivateHost,
    #[error("must use the default port")]
    Port,
    #[error("has a host name that is not a valid DNS name")]
    BadHost,
}

/// Parses and checks a target URL under `rules` (a `bool` is `GATEWAY_ALLOW_PRIVATE_TARGETS`).
pub fn parse_target<'a>(text: &str, rules: impl Into<TargetRules<'a>>) -> Result<Url, TargetError> {
    let rules = rules.into();
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(TargetError::BadCharacters);
    }
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let may_be_http = rules.allow_private || !rules.allow_sockets.is_empty();
    let scheme_ok = lower.starts_with("https://") || (may_be_http && lower.starts_with("http://"));
    if !scheme_ok {
        return Err(TargetError::NotAbsoluteHttps);
    }
    let url = Url::parse(text).map_err(|_| TargetError::NotAbsoluteHttps)?;
    // An allowed socket is private-allowed for this URL only: its scheme, host and port.
    let allow_private = rules.allow_private || names_socket(&url, rules.allow_sockets);
    if !(url.scheme() == "https" || (allow_private && url.scheme() == "http")) {
        return Err(TargetError::NotAbsoluteHttps);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(TargetError::Userinfo);
    }
    let public = match url.host() {
        None => return Err(TargetError::NotAbsoluteHttps),
        Some(Host::Ipv4(ip)) => is_public_ip(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => is_public_ip(IpAddr::V6(ip)),
        Some(Host::Domain(name)) => {
            if !is_dns_name(name) {
                return Err(TargetError::BadHost);
            }
            // A fully qualified name's one trailing dot changes nothing: `localhost.` is
            // loopback and `intranet.` a single label.
            let name = name.strip_suffix('.').unwrap_or(name);
            !(name == "localhost" || name.ends_with(".localhost") || !name.contains('.'))
        }
    };
    if !public && !allow_private {
        return Err(TargetError::PrivateHost);
    }
    if url.port().is_some() && !allow_private {
        return Err(TargetError::Port);
    }
    Ok(url)
}

/// Letters, digits and hyphens in dot-separated labels (after IDNA), so a host can be put in a
/// header such as a CSP source list without quoting; one trailing dot (a fully qualified name)
/// at most.
fn is_dns_name(name: &str) -> bool {
    let labels = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty()
        && name.len() <= 253
        && labels.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Whether an address is globally routable unicast: not loopback, private, link-local, CGNAT,
/// multicast, broadcast, reserved, documentation, benchmarking, unspecified, IPv4-mapped or any
/// other special-purpose range.
pub fn is_public_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    };
    u32::from(ip) & mask == u32::from(Ipv4Addr::from(net)) & mask
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    const BLOCKED: &[([u8; 4], u32)] = &[
        ([0, 0, 0, 0], 8),       // "this" network, unspecified
        ([10, 0, 0, 0], 8),      // private
        ([100, 64, 0, 0], 10),   // CGNAT
        ([127, 0, 0, 0], 8),     // loopback
        ([169, 254, 0, 0], 16),  // link-local (cloud metadata)
        ([172, 16, 0, 0], 12),   // private
        ([192, 0, 0, 0], 24),    // IETF protocol assignments
        ([192, 0, 2, 0], 24),    // documentation
        ([192, 88, 99, 0], 24),  // 6to4 relay anycast
        ([192, 168, 0, 0], 16),  // private
        ([198, 18, 0, 0], 15),   // benchmarking
        ([198, 51, 100, 0], 24), // documentation
        ([203, 0, 113, 0], 24),  // documentation
        ([224, 0, 0, 0], 4),     // multicast
        ([240, 0, 0, 0], 4),     // reserved and broadcast
    ];
    !BLOCKED.iter().any(|(net, p)| in_v4(ip, *net, *p))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let in_v6 = |net: [u16; 2], prefix: u32| {
        let a = (u32::from(s[0]) << 16) | u32::from(s[1]);
        let b = (u32::from(net[0]) << 16) | u32::from(net[1]);
        let mask = u32::MAX << (32 - prefix);
        a & mask == b & mask
    };
    // Only global unicast (2000::/3) can be public; that excludes ::, ::1, IPv4-mapped and
    // -compatible addresses, ULA fc00::/7, link-local fe80::/10 and multicast ff00::/8.
    if s[0] & 0xe000 != 0x2000 {
        return false;
    }
    let special = in_v6([0x2001, 0x0000], 23) // IETF protocol assignments, incl. Teredo
        || in_v6([0x2001, 0x0db8], 32)        // documentation
        || in_v6([0x2002, 0x0000], 16)        // 6to4 embeds an IPv4 address
        || in_v6([0x3fff, 0x0000], 20); // documentation (RFC 9637)
    !special
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_public_https_urls_and_keeps_their_query() {
        let url = parse_target("https://shop.example.com/done?order=1", false).unwrap();
        assert_eq!(url.query(), Some("order=1"));
        assert!(parse_target("https://93.184.216.34/x", false).is_ok());
        assert!(parse_target("https://[2606:2800:220:1::1]/", false).is_ok());
        assert!(parse_target("https://shop.example.com./", false).is_ok());
    }

    #[test]
    fn rejects_redirect_and_ssrf_tricks() {
        let cases = [
            "javascript:alert(1)",
            "data:text/html,hi",
            "//phish.example",
            "https://shop.myshopify.com@phish.example/",
            "https:\\\\phish.example",
            "https:phish.example",
            "http://shop.myshopify.com/",
            "ftp://shop.example.com/",
            "https://localhost/",
            "https://intranet/",
            "https://127.0.0.1/",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://127.1/",
            "https://017700000001/",
            "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1/",
            "https://100.64.0.1/",
            "https://192.168.1.1/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[fe80::1]/",
            "https://[fd00::1]/",
            "https://0.0.0.0/",
            "https://shop.example.com:8443/",
            // A trailing dot changes nothing; two are no DNS name.
            "https://localhost./",
            "https://shop.localhost./",
            "https://intranet./",
            "https://0../",
            "https://shop.example.com../",
            " https://shop.example.com/",
            "https://shop.example.com/a b",
            "https://a;b.example.com/",
            "relative/path",
        ];
        for case in cases {
            assert!(
                parse_target(case, false).is_err(),
                "{case} must be rejected"
            );
        }
    }

    #[test]
    fn private_targets_are_allowed_only_by_configuration() {
        assert!(parse_target("http://127.0.0.1:8081/cb", true).is_ok());
        assert!(parse_target("http://localhost:3000/", true).is_ok());
        assert!(parse_target("javascript:alert(1)", true).is_err());
        assert!(parse_target("http://user:pw@127.0.0.1/", true).is_err());
    }

    #[test]
    fn an_allowed_socket_is_the_only_private_target() {
        let sockets = ["127.0.0.1:8081".parse().unwrap()];
        let rules = TargetRules {
            allow_private: false,
            allow_sockets: &sockets,
        };
        for ok in [
            "http://127.0.0.1:8081/orders/demo-1",
            "http://127.0.0.1:8081/cancel?order=demo-1",
            "https://127.0.0.1:8081/callback",
            "http://2130706433:8081/callback",
            "https://shop.example.com/still-fine",
        ] {
            assert!(parse_target(ok, rules).is_ok(), "{ok} is allowed");
        }
        for refused in [
            "http://127.0.0.1:8082/callback",
            "http://127.0.0.1:5432/",
            "http://127.0.0.1/callback",
            "http://10.0.0.1:8081/callback",
            "http://127.0.0.2:8081/callback",
            "http://[::1]:8081/callback",
            "http://localhost:8081/callback",
            "http://shop.example.com/",
            "http://user:pw@127.0.0.1:8081/",
        ] {
            assert!(
                parse_target(refused, rules).is_err(),
                "{refused} is refused"
            );
        }
    }

    #[test]
    fn address_classes() {
        let blocked = [
            "0.0.0.0",
            "10.1.2.3",
            "100.64.0.1",
            "100.127.255.254",
            "127.0.0.1",
            "169.254.1.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.1",
            "192.0.2.1",
            "192.168.0.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.1",
            "203.0.113.1",
            "224.0.0.1",
            "239.255.255.255",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:8.8.8.8",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "2001::1",
            "2002::1",
            "64:ff9b::7f00:1",
            "3fff::1",
        ];
        for ip in blocked {
            assert!(!is_public_ip(ip.parse().unwrap()), "{ip} must be blocked");
        }
        let public = [
            "8.8.8.8",
            "93.184.216.34",
            "100.128.0.1",
            "172.32.0.1",
            "2606:4700::1",
        ];
        for ip in public {
            assert!(is_public_ip(ip.parse().unwrap()), "{ip} is public");
        }
    }
}
