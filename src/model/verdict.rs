//! The verdicts of SPEC §3, as data: the analysis gives them, and a mission
//! keeps the one it had when it was handed over (`handed_over_as`).

use serde::{Deserialize, Serialize};

/// The readiness of one mission, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Blocked,
    AtRisk,
    Unassigned,
    Stretch,
    Ready,
    Done,
}

impl Verdict {
    /// Worst first: the order `check` groups them in.
    pub const ALL: [Verdict; 6] = [
        Verdict::Blocked,
        Verdict::AtRisk,
        Verdict::Unassigned,
        Verdict::Stretch,
        Verdict::Ready,
        Verdict::Done,
    ];

    /// The name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Blocked => "blocked",
            Verdict::AtRisk => "at_risk",
            Verdict::Unassigned => "unassigned",
            Verdict::Stretch => "stretch",
            Verdict::Ready => "ready",
            Verdict::Done => "done",
        }
    }

    /// The name for people.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::AtRisk => "at risk",
            other => other.as_str(),
        }
    }

    /// Whether an active mission with this verdict needs the manager
    /// (`check` exits 1).
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            Verdict::Blocked | Verdict::AtRisk | Verdict::Unassigned
        )
    }
}
