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

/// The highest delegation level the owner's readiness supports
/// (Situational Leadership: the less ready, the closer the manager stays):
/// 4 while a gap is not covered; 5 when every gap is covered by the mentor,
/// or there is no gap but the owner is below 3 in a needed skill; 6 when
/// they are at 3 or more in every needed skill; 7 at 4 in every needed
/// skill, or when the mission needs none. `owner_levels` are the owner's
/// levels in the needed skills.
pub fn suggested_delegation(gaps: &[SkillGap], owner_levels: &[u8]) -> u8 {
    suggested_from(
        gaps.iter().any(|g| !g.is_covered()),
        !gaps.is_empty(),
        owner_levels.iter().copied().min(),
    )
}

/// [`suggested_delegation`] from what it reads: whether a gap is
/// uncovered, whether there is any gap, and the owner's lowest level in a
/// needed skill (`None` when the mission needs none).
pub fn suggested_from(uncovered: bool, any_gap: bool, lowest: Option<u8>) -> u8 {
    let lowest = lowest.unwrap_or(crate::model::MAX_SKILL);
    if uncovered {
        HANDS_OFF_FROM - 1
    } else if any_gap || lowest < 3 {
        HANDS_OFF_FROM
    } else if lowest >= crate::model::MAX_SKILL {
        Delegation::MAX
    } else {
        HANDS_OFF_FROM + 1
    }
}

/// How good a verdict is, best first: ready, stretch, at risk, blocked
/// (what an option improves; unassigned and done rank last).
pub fn rank(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Ready => 0,
        Verdict::Stretch => 1,
        Verdict::AtRisk => 2,
        Verdict::Blocked => 3,
        Verdict::Unassigned => 4,
        Verdict::Done => 5,
    }
}

/// A delegation above the suggested level while a skill gap is not
/// covered: the owner is left alone with it. (With the suggestion at 4
/// whenever a gap is uncovered, this is delegation ≥ 5 (Advise).)
pub fn abandonment_risk(delegation: Option<u8>, gaps: &[SkillGap], suggested: u8) -> bool {
    delegation.is_some_and(|d| d > suggested) && gaps.iter().any(|g| !g.is_covered())
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
