//! The warnings about a mission and its verdict, first rule that applies.
//! (SPEC §3)

use super::gaps::SkillGap;
use crate::model::Delegation;

pub use crate::model::Verdict;

/// Delegation from this level on leaves the owner to work alone.
pub const HANDS_OFF_FROM: u8 = 5;
/// Delegation up to this level keeps the decisions with the manager.
pub const HANDS_ON_UP_TO: u8 = 2;

/// The owner owns more active missions than their capacity.
pub fn overloaded(load: u32, capacity: u32) -> bool {
    load > capacity
}

/// Delegation ≥ 5 (Advise) while a skill gap is not covered.
pub fn abandonment_risk(delegation: Option<u8>, gaps: &[SkillGap]) -> bool {
    delegation.is_some_and(|d| d >= HANDS_OFF_FROM) && gaps.iter().any(|g| !g.is_covered())
}

/// Delegation ≤ 2 (Sell) while the owner has no gap and is autonomous
/// (level ≥ 3) in every needed skill.
pub fn micromanagement(delegation: Option<u8>, gaps: &[SkillGap], owner_levels: &[u8]) -> bool {
    delegation.is_some_and(|d| (Delegation::MIN..=HANDS_ON_UP_TO).contains(&d))
        && gaps.is_empty()
        && owner_levels.iter().all(|&level| level >= 3)
}

/// The facts a verdict is drawn from, for an active mission with an owner.
pub struct Findings<'a> {
    pub goal_missing: bool,
    pub tool_gaps: usize,
    pub skill_gaps: &'a [SkillGap],
    pub overloaded: bool,
    pub abandonment_risk: bool,
}

/// Blocked, then at risk, then stretch, then ready.
pub fn verdict(f: &Findings) -> Verdict {
    if f.goal_missing || f.tool_gaps > 0 {
        Verdict::Blocked
    } else if f.skill_gaps.iter().any(|g| !g.is_covered() || g.is_wide())
        || f.overloaded
        || f.abandonment_risk
    {
        Verdict::AtRisk
    } else if !f.skill_gaps.is_empty() {
        Verdict::Stretch
    } else {
        Verdict::Ready
    }
}
