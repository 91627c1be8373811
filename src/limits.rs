//! Rate limits on the serving paths: GCRA limiters (governor's) keyed by client address (the
//! checkout form, the card form) or by merchant (order management), each with its quota from
//! the settings; how long a refused client must wait; and the trim that forgets keys which
//! have been quiet long enough to be back at a full burst.

use crate::config::Limits;
use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;

/// One limit: `n` requests a minute per key, in bursts of up to `n`; off when `n` is 0.
pub struct Keyed<K: Hash + Eq + Clone> {
    /// The limit's name in logs and metrics.
    pub name: &'static str,
    limiter: Option<RateLimiter<K, HashMapStateStore<K>, DefaultClock>>,
}

impl<K: Hash + Eq + Clone> Keyed<K> {
    pub fn per_minute(name: &'static str, n: u32) -> Self {
        Self {
            name,
            limiter: NonZeroU32::new(n).map(|n| RateLimiter::hashmap(Quota::per_minute(n))),
        }
    }

    /// `n` requests a second per key, in bursts of up to `n`; off when `n` is 0.
    pub fn per_second(name: &'static str, n: u32) -> Self {
        Self {
            name,
            limiter: NonZeroU32::new(n).map(|n| RateLimiter::hashmap(Quota::per_second(n))),
        }
    }

    /// `Ok` if `key` may make a request now (and counts it), else `Err` with the whole seconds
    /// to wait before it may (at least 1), for `Retry-After`.
    pub fn check(&self, key: &K) -> Result<(), u64> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
        })
    }

    /// Forgets the keys whose state is back at a full burst, so memory follows the clients of
    /// the last minute, not every client ever seen.
    pub fn trim(&self) {
        if let Some(limiter) = &self.limiter {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// Keys currently remembered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.limiter.as_ref().map_or(0, |l| l.len())
    }
}

/// The limits of one gateway process (each process counts its own).
pub struct RateLimits {
    /// `/checkout` per client address.
    pub checkout: Keyed<IpAddr>,
    /// Card and 3-D Secure submissions per client address.
    pub pay: Keyed<IpAddr>,
    /// Signed capture, refund and void requests per merchant account.
    pub orders: Keyed<String>,
}

impl RateLimits {
    pub fn new(limits: &Limits) -> Self {
        Self {
            checkout: Keyed::per_minute("checkout", limits.checkout_per_minute),
            pay: Keyed::per_minute("pay", limits.pay_per_minute),
            orders: Keyed::per_minute("orders", limits.orders_per_minute),
        }
    }

    pub fn trim(&self) {
        self.checkout.trim();
        self.pay.trim();
        self.orders.trim();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_each_key_waits_on_its_own() {
        let limit = Keyed::per_minute("t", 3);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        for _ in 0..3 {
            assert_eq!(limit.check(&a), Ok(()));
        }
        // 3 a minute: the next one is 20 s away.
        let wait = limit.check(&a).unwrap_err();
        assert!((19..=20).contains(&wait), "{wait}");
        assert_eq!(limit.check(&b), Ok(()), "another client is not held back");
        assert_eq!(limit.len(), 2);
    }

    #[test]
    fn zero_turns_a_limit_off() {
        let limit = Keyed::per_minute("t", 0);
        for _ in 0..1000 {
            assert_eq!(limit.check(&"m".to_string()), Ok(()));
        }
        assert_eq!(limit.len(), 0);
    }
}
