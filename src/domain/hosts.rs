//! A merchant's settings as values: the hosts its return and callback URLs may use (exact
//! names, or `*.example.com` for any subdomain), and the origins that may frame the hosted page
//! (stored now; embedded mode uses them). Parsed strictly, stored one per line.

use std::fmt;

/// Why a settings value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("{0:?} is not a host name (letters, digits, hyphens and dots, or *.example.com)")]
    BadHost(String),
    #[error("{0:?} is not an origin like https://shop.example.com (https, no path)")]
    BadOrigin(String),
    #[error("at most {MAX_ENTRIES} entries")]
    TooMany,
}

/// The most hosts or origins a merchant may list.
pub const MAX_ENTRIES: usize = 50;

/// Entries from text: one a line or comma-separated, blanks ignored, duplicates dropped.
fn entries(text: &str) -> Result<Vec<String>, SettingsError> {
    let mut out: Vec<String> = Vec::new();
    for e in text
        .split(['\n', ','])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let e = e.to_ascii_lowercase();
        if !out.contains(&e) {
            out.push(e);
        }
    }
    if out.len() > MAX_ENTRIES {
        return Err(SettingsError::TooMany);
    }
    Ok(out)
}

fn is_dns_name(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').count() >= 1
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// Allowed hosts; empty allows any host (the URL rules of protocol section 2 still apply).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostList(Vec<String>);

impl HostList {
    pub fn parse(text: &str) -> Result<Self, SettingsError> {
        let list = entries(text)?;
        for host in &list {
            let name = host.strip_prefix("*.").unwrap_or(host);
            if !is_dns_name(name) || (host.starts_with("*.") && !name.contains('.')) {
                return Err(SettingsError::BadHost(host.clone()));
            }
        }
        Ok(Self(list))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn entries(&self) -> &[String] {
        &self.0
    }

    /// Whether `host` (from a parsed URL) is allowed: equal to an entry, or a subdomain of a
    /// `*.` entry (`*.shop.example.com` does not allow `shop.example.com` itself).
    pub fn allows(&self, host: &str) -> bool {
        if self.0.is_empty() {
            return true;
        }
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.0.iter().any(|entry| match entry.strip_prefix("*.") {
            Some(domain) => host
                .strip_suffix(domain)
                .is_some_and(|sub| sub.len() > 1 && sub.ends_with('.')),
            None => *entry == host,
        })
    }

    /// One entry a line, as stored and as the settings form shows it.
    pub fn to_text(&self) -> String {
        self.0.join("\n")
    }
}

impl fmt::Display for HostList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(", "))
    }
}

/// Origins allowed to frame the hosted page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameOrigins(Vec<String>);

impl FrameOrigins {
    pub fn parse(text: &str) -> Result<Self, SettingsError> {
        let mut list = Vec::new();
        for entry in entries(text)? {
            let bad = || SettingsError::BadOrigin(entry.clone());
            let url = url::Url::parse(&entry).map_err(|_| bad())?;
            let host = url.host_str().ok_or_else(bad)?;
            let local = host == "localhost" || host == "127.0.0.1";
            if (url.scheme() != "https" && !(url.scheme() == "http" && local))
                || url.path() != "/"
                || url.query().is_some()
                || url.fragment().is_some()
                || !url.username().is_empty()
                || entry.trim_end_matches('/').len() != url.origin().ascii_serialization().len()
            {
                return Err(bad());
            }
            list.push(url.origin().ascii_serialization());
        }
        Ok(Self(list))
    }

    pub fn entries(&self) -> &[String] {
        &self.0
    }

    pub fn to_text(&self) -> String {
        self.0.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_wildcard_hosts() {
        let list =
            HostList::parse("shop.example.com, *.shop.example.com\n\nShop.Example.com").unwrap();
        assert_eq!(list.entries(), ["shop.example.com", "*.shop.example.com"]);
        assert!(list.allows("shop.example.com"));
        assert!(list.allows("SHOP.example.com."));
        assert!(list.allows("eu.shop.example.com"));
        assert!(list.allows("a.b.shop.example.com"));
        assert!(!list.allows("evilshop.example.com"));
        assert!(!list.allows("shop.example.com.evil.test"));
        assert!(!list.allows("example.com"));
        let only_wild = HostList::parse("*.shop.example.com").unwrap();
        assert!(!only_wild.allows("shop.example.com"));
        assert!(HostList::parse("").unwrap().allows("anything.test"));
    }

    #[test]
    fn bad_hosts_are_refused() {
        for bad in [
            "https://shop.example.com",
            "shop.example.com/path",
            "*.com",
            "*",
            "sh op.example.com",
            "-shop.example.com",
            "shop..example.com",
            "shop.example.com:443",
            "*.*.example.com",
        ] {
            assert!(HostList::parse(bad).is_err(), "{bad}");
        }
        let many = (0..=MAX_ENTRIES)
            .map(|i| format!("h{i}.test"))
            .collect::<Vec<_>>();
        assert_eq!(
            HostList::parse(&many.join("\n")),
            Err(SettingsError::TooMany)
        );
    }

    #[test]
    fn origins() {
        let o = FrameOrigins::parse(
            "https://shop.example.com\nhttps://shop.example.com:8443/\nhttp://localhost:3000",
        )
        .unwrap();
        assert_eq!(
            o.entries(),
            [
                "https://shop.example.com",
                "https://shop.example.com:8443",
                "http://localhost:3000"
            ]
        );
        for bad in [
            "shop.example.com",
            "http://shop.example.com",
            "https://shop.example.com/checkout",
            "https://shop.example.com?x=1",
            "https://user@shop.example.com",
            "javascript:alert(1)",
        ] {
            assert!(FrameOrigins::parse(bad).is_err(), "{bad}");
        }
    }
}
