//! What the owner lacks for a mission: a goal, tools, skills — and whether
//! the mentor covers each skill gap. (SPEC §3)

use super::index::{Index, MissionId, PersonId, SkillId, ToolId};
use crate::model::Mission;

/// A needed skill the owner has below the needed level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillGap {
    pub skill: SkillId,
    pub need: u8,
    pub have: u8,
    /// The mentor, when they are at `max(need, 3)` or above in the skill
    /// and the gap is not wide: a wide gap is never covered.
    pub covered_by: Option<PersonId>,
}

/// A gap wider than this is too far for pairing.
pub const MAX_PAIRABLE_GAP: u8 = 2;

impl SkillGap {
    pub fn size(&self) -> u8 {
        self.need - self.have
    }

    /// `need − have > 2`: too far to close by pairing.
    pub fn is_wide(&self) -> bool {
        self.size() > MAX_PAIRABLE_GAP
    }

    pub fn is_covered(&self) -> bool {
        self.covered_by.is_some()
    }

    /// Neither wide nor covered: a mentor could close it.
    pub fn is_pairable(&self) -> bool {
        !self.is_wide() && !self.is_covered()
    }
}

/// The goal is empty or only spaces.
pub fn goal_missing(mission: &Mission) -> bool {
    mission.goal.trim().is_empty()
}

/// Needed tools the person lacks, in the mission's order.
pub fn tool_gaps(index: &Index, mission: MissionId, person: PersonId) -> Vec<ToolId> {
    index.mission_tools[mission]
        .iter()
        .copied()
        .filter(|&tool| !index.has_tool(person, tool))
        .collect()
}

/// The level a mentor needs in a skill to cover a gap: at least the need,
/// and never below autonomous.
pub fn cover_level(need: u8) -> u8 {
    need.max(3)
}

/// Whether `mentor` covers a gap in `skill` needed at `need`.
pub fn covers(index: &Index, mentor: PersonId, skill: SkillId, need: u8) -> bool {
    index.level(mentor, skill) >= cover_level(need)
}

/// Each needed skill where the person is below the need, with whether
/// `mentor` covers it (never when the gap is wide).
pub fn skill_gaps(
    index: &Index,
    mission: MissionId,
    person: PersonId,
    mentor: Option<PersonId>,
) -> Vec<SkillGap> {
    index.mission_skills[mission]
        .iter()
        .filter_map(|&(skill, need)| {
            let have = index.level(person, skill);
            (have < need).then(|| SkillGap {
                skill,
                need,
                have,
                covered_by: mentor
                    .filter(|&m| need - have <= MAX_PAIRABLE_GAP && covers(index, m, skill, need)),
            })
        })
        .collect()
}

/// Whether nobody in the team could cover a gap in `skill` needed at
/// `need`: nobody is at `max(need, 3)`. (The owner, below the need, never is.)
pub fn uncoverable(index: &Index, skill: SkillId, need: u8) -> bool {
    index.holders_at(skill, cover_level(need)).is_empty()
}

/// Σ gap² + 2 × tool gaps: what handing this mission to this person costs
/// in learning and arranging. The plan minimises it.
pub fn cost(index: &Index, mission: MissionId, person: PersonId) -> u32 {
    let skills: u32 = index.mission_skills[mission]
        .iter()
        .map(|&(skill, need)| u32::from(need.saturating_sub(index.level(person, skill))).pow(2))
        .sum();
    let tools = index.mission_tools[mission]
        .iter()
        .filter(|&&tool| !index.has_tool(person, tool))
        .count() as u32;
    skills + 2 * tools
}

/// The cost for someone who has none of the skills or tools.
pub fn max_cost(index: &Index, mission: MissionId) -> u32 {
    let skills: u32 = index.mission_skills[mission]
        .iter()
        .map(|&(_, need)| u32::from(need).pow(2))
        .sum();
    skills + 2 * index.mission_tools[mission].len() as u32
}
