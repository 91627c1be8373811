//! The life of one callback in the outbox: waiting to be sent (again), delivered, given up after
//! the last retry, or superseded by a newer state of its payment before it was delivered.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    Pending,
    Delivered,
    GaveUp,
    Superseded,
}

impl CallbackStatus {
    pub const ALL: [CallbackStatus; 4] = [
        CallbackStatus::Pending,
        CallbackStatus::Delivered,
        CallbackStatus::GaveUp,
        CallbackStatus::Superseded,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            CallbackStatus::Pending => "pending",
            CallbackStatus::Delivered => "delivered",
            CallbackStatus::GaveUp => "gave_up",
            CallbackStatus::Superseded => "superseded",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl std::fmt::Display for CallbackStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_as_stored_and_as_json() {
        for s in CallbackStatus::ALL {
            assert_eq!(CallbackStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(CallbackStatus::parse("lost"), None);
    }
}
