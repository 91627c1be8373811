//! When to try again: the retry schedule as a pure function. Defaults follow the protocol's
//! advice (five retries, at least 60 s apart): 60 s, 2 min, 5 min, 10 min, 20 min. Jitter only
//! ever lengthens an interval, so the minimum spacing holds.

use anyhow::Context;
use std::time::Duration;

/// Parses `10s`, `500ms`, `2m` or a plain number of seconds: the schedule's intervals, and every
/// other duration setting.
pub fn parse_duration(text: &str) -> anyhow::Result<Duration> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    humantime::parse_duration(text).with_context(|| format!("{text:?} is not a duration"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule {
    intervals: Vec<Duration>,
}

impl Default for RetrySchedule {
    fn default() -> Self {
        Self {
            intervals: [60, 120, 300, 600, 1200]
                .into_iter()
                .map(Duration::from_secs)
                .collect(),
        }
    }
}

impl RetrySchedule {
    /// Webhooks' schedule (protocol.md section 12): at once, then 5 s, 5 min, 30 min, 2 h,
    /// 5 h, 10 h and 10 h.
    pub fn webhooks() -> Self {
        Self {
            intervals: [5, 300, 1800, 7200, 18000, 36000, 36000]
                .into_iter()
                .map(Duration::from_secs)
                .collect(),
        }
    }

    pub fn new(intervals: Vec<Duration>) -> Self {
        Self { intervals }
    }

    /// Parses `1s,1s,2s,2s,3s` (`GATEWAY_CALLBACK_RETRY_SCHEDULE`).
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let intervals = text
            .split(',')
            .map(|part| parse_duration(part.trim()))
            .collect::<anyhow::Result<Vec<_>>>()?;
        if intervals.is_empty() || intervals.len() > 20 {
            anyhow::bail!("a retry schedule has 1 to 20 intervals");
        }
        Ok(Self { intervals })
    }

    /// Retries after the first attempt.
    pub fn retries(&self) -> usize {
        self.intervals.len()
    }

    pub fn intervals(&self) -> &[Duration] {
        &self.intervals
    }

    /// The wait before the next attempt after `attempts_made` failed ones, with `jitter` in
    /// [0, 1) adding up to 10 %; `None` once every retry is spent.
    pub fn next_after(&self, attempts_made: u32, jitter: f64) -> Option<Duration> {
        let index = usize::try_from(attempts_made).ok()?.checked_sub(1)?;
        let base = *self.intervals.get(index)?;
        Some(base + base.mul_f64(0.1 * jitter.clamp(0.0, 1.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schedule_is_five_retries_at_least_a_minute_apart() {
        let s = RetrySchedule::default();
        assert_eq!(s.retries(), 5);
        let waits: Vec<u64> = (1..=5)
            .map(|n| s.next_after(n, 0.0).unwrap().as_secs())
            .collect();
        assert_eq!(waits, [60, 120, 300, 600, 1200]);
        assert_eq!(s.next_after(6, 0.0), None, "gave up after the fifth retry");
        assert_eq!(s.next_after(0, 0.0), None);
    }

    #[test]
    fn jitter_only_lengthens_and_by_at_most_a_tenth() {
        let s = RetrySchedule::default();
        for j in [0.0, 0.3, 0.999, 5.0, -1.0] {
            let wait = s.next_after(1, j).unwrap();
            assert!(
                wait >= Duration::from_secs(60) && wait <= Duration::from_secs(66),
                "{wait:?}"
            );
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_duration("1s").unwrap(), Duration::from_secs(1));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert!(parse_duration("soon").is_err());
    }

    #[test]
    fn parses_a_test_schedule() {
        let s = RetrySchedule::parse("1s, 1s,2s,250ms").unwrap();
        assert_eq!(s.retries(), 4);
        assert_eq!(s.next_after(4, 0.0), Some(Duration::from_millis(250)));
        assert!(RetrySchedule::parse("soon").is_err());
        assert!(RetrySchedule::parse("").is_err());
    }
}
