//! A kit run's result: the checks in the order they ran, each with a stable id, a status and a
//! one-line reason; printed as a table for people or as JSON for scripts.

use std::fmt;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail,
    /// Not run, because something it needs (an earlier check's result) is missing.
    Skip,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Skip => "SKIP",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub id: &'static str,
    pub status: Status,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    pub fn record(&mut self, id: &'static str, status: Status, reason: impl Into<String>) {
        self.checks.push(Check {
            id,
            status,
            reason: one_line(&reason.into()),
        });
    }

    pub fn pass(&mut self, id: &'static str, reason: impl Into<String>) {
        self.record(id, Status::Pass, reason);
    }

    pub fn fail(&mut self, id: &'static str, reason: impl Into<String>) {
        self.record(id, Status::Fail, reason);
    }

    pub fn skip(&mut self, id: &'static str, reason: impl Into<String>) {
        self.record(id, Status::Skip, reason);
    }

    /// Records `Ok(reason)` as a pass and `Err(reason)` as a failure.
    pub fn judge(&mut self, id: &'static str, verdict: Result<String, String>) {
        match verdict {
            Ok(why) => self.pass(id, why),
            Err(why) => self.fail(id, why),
        }
    }

    /// The check with this id, if it ran.
    pub fn get(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    pub fn status_of(&self, id: &str) -> Option<Status> {
        self.get(id).map(|c| c.status)
    }

    fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }

    pub fn passed(&self) -> usize {
        self.count(Status::Pass)
    }

    pub fn failed(&self) -> usize {
        self.count(Status::Fail)
    }

    pub fn skipped(&self) -> usize {
        self.count(Status::Skip)
    }

    /// Whether nothing failed (the process exit status: 0, else 1).
    pub fn ok(&self) -> bool {
        self.failed() == 0
    }

    /// One line per check (`PASS  request.signed_accepted  303 to /pay/…`), then a summary.
    pub fn to_text(&self) -> String {
        let width = self.checks.iter().map(|c| c.id.len()).max().unwrap_or(0);
        let mut out = String::new();
        for c in &self.checks {
            out.push_str(&format!("{}  {:<width$}  {}\n", c.status, c.id, c.reason));
        }
        out.push_str(&format!(
            "{} passed, {} failed, {} skipped\n",
            self.passed(),
            self.failed(),
            self.skipped()
        ));
        out
    }

    /// `{"checks": [{"id", "status", "reason"}], "passed", "failed", "skipped"}`.
    pub fn to_json(&self) -> serde_json::Value {
        let checks: Vec<_> = self
            .checks
            .iter()
            .map(|c| serde_json::json!({"id": c.id, "status": c.status.as_str(), "reason": c.reason}))
            .collect();
        serde_json::json!({
            "checks": checks,
            "passed": self.passed(),
            "failed": self.failed(),
            "skipped": self.skipped(),
        })
    }
}

/// Reasons quote what a server sent; one line each keeps the table a table.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_an_aligned_table_and_json_with_the_counts() {
        let mut r = Report::default();
        r.pass("request.signed_accepted", "303 to /pay/1");
        r.fail("om.void_signed", "200 but\nunsigned");
        r.skip("page.elements", "no page");
        assert_eq!(
            r.to_text(),
            "PASS  request.signed_accepted  303 to /pay/1\n\
             FAIL  om.void_signed           200 but unsigned\n\
             SKIP  page.elements            no page\n\
             1 passed, 1 failed, 1 skipped\n"
        );
        let json = r.to_json();
        assert_eq!(json["checks"][1]["status"], "FAIL");
        assert_eq!(json["checks"][1]["id"], "om.void_signed");
        assert_eq!(
            (json["passed"].as_u64(), json["failed"].as_u64()),
            (Some(1), Some(1))
        );
        assert!(!r.ok());
    }
}
