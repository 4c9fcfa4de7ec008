//! The analysis of SPEC §3: pure functions of a team. Every command and
//! every view reads these results, so they never disagree.

pub mod explain;
pub mod gaps;
pub mod index;
pub mod signals;
pub mod suggest;
pub mod verdict;

pub use gaps::SkillGap;
pub use index::{Index, MissionId, PersonId, SkillId, ToolId};
pub use signals::{PersonReport, SkillReport};
pub use suggest::{MentorSuggestion, OwnerSuggestion};
pub use verdict::Verdict;

use crate::model::Team;

/// What handover concludes about one mission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissionReport {
    pub verdict: Verdict,
    pub goal_missing: bool,
    pub tool_gaps: Vec<ToolId>,
    pub skill_gaps: Vec<SkillGap>,
    pub overloaded: bool,
    pub abandonment_risk: bool,
    /// A warning, not a verdict.
    pub micromanagement: bool,
    pub suggested_mentors: Vec<MentorSuggestion>,
    pub suggested_owners: Vec<OwnerSuggestion>,
}

impl MissionReport {
    fn done() -> Self {
        MissionReport {
            verdict: Verdict::Done,
            goal_missing: false,
            tool_gaps: Vec::new(),
            skill_gaps: Vec::new(),
            overloaded: false,
            abandonment_risk: false,
            micromanagement: false,
            suggested_mentors: Vec::new(),
            suggested_owners: Vec::new(),
        }
    }

    /// Skill gaps the mentor does not cover.
    pub fn uncovered(&self) -> impl Iterator<Item = &SkillGap> {
        self.skill_gaps.iter().filter(|g| !g.is_covered())
    }
}

/// The whole team analysed; reports are parallel to the team's vectors.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub index: Index,
    pub missions: Vec<MissionReport>,
    pub people: Vec<PersonReport>,
    pub skills: Vec<SkillReport>,
}

impl Analysis {
    pub fn skill_name(&self, skill: SkillId) -> &str {
        self.index.skills.name(skill)
    }

    pub fn tool_name(&self, tool: ToolId) -> &str {
        self.index.tools.name(tool)
    }

    /// How many missions have each verdict, in [`Verdict::ALL`] order.
    pub fn verdict_counts(&self) -> [usize; 6] {
        let mut counts = [0; 6];
        for report in &self.missions {
            counts[report.verdict as usize] += 1;
        }
        counts
    }

    /// Whether any active mission is blocked, at risk or unassigned.
    pub fn needs_attention(&self) -> bool {
        self.missions.iter().any(|m| m.verdict.needs_attention())
    }
}

/// Analyses every mission, person and skill of a team.
pub fn analyse(team: &Team) -> Analysis {
    let index = Index::new(team);
    let by_spare = suggest::by_spare_capacity(team, &index);
    let missions = (0..team.missions.len())
        .map(|m| mission_report(team, &index, &by_spare, m))
        .collect();
    Analysis {
        people: signals::people(team, &index),
        skills: signals::skills(team, &index),
        missions,
        index,
    }
}

/// The report on one mission. `by_spare` is
/// [`suggest::by_spare_capacity`], shared by all missions.
pub fn mission_report(
    team: &Team,
    index: &Index,
    by_spare: &[PersonId],
    mission: MissionId,
) -> MissionReport {
    let m = &team.missions[mission];
    if !m.is_active() {
        return MissionReport::done();
    }
    let goal_missing = gaps::goal_missing(m);
    let Some(owner) = index.owner[mission] else {
        return MissionReport {
            verdict: Verdict::Unassigned,
            goal_missing,
            suggested_owners: suggest::suggest_owners(team, index, by_spare, mission),
            ..MissionReport::done()
        };
    };
    let tool_gaps = gaps::tool_gaps(index, mission, owner);
    let skill_gaps = gaps::skill_gaps(index, mission, owner, index.mentor[mission]);
    let overloaded = verdict::overloaded(index.load[owner], team.people[owner].capacity);
    let abandonment_risk = verdict::abandonment_risk(m.delegation, &skill_gaps);
    let owner_levels: Vec<u8> = index.mission_skills[mission]
        .iter()
        .map(|&(skill, _)| index.level(owner, skill))
        .collect();
    let micromanagement = verdict::micromanagement(m.delegation, &skill_gaps, &owner_levels);
    let verdict = verdict::verdict(&verdict::Findings {
        goal_missing,
        tool_gaps: tool_gaps.len(),
        skill_gaps: &skill_gaps,
        overloaded,
        abandonment_risk,
    });
    MissionReport {
        verdict,
        goal_missing,
        suggested_mentors: suggest::suggest_mentors(team, index, owner, &skill_gaps),
        tool_gaps,
        skill_gaps,
        overloaded,
        abandonment_risk,
        micromanagement,
        suggested_owners: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
