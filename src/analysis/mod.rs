//! The analysis of SPEC §3: pure functions of a team. Every command and
//! every view reads these results, so they never disagree.

pub mod dates;
pub mod explain;
pub mod finding;
pub mod gaps;
pub mod growth;
mod incremental;
pub mod index;
pub mod options;
pub mod person_signal;
pub mod signals;
pub mod suggest;
pub mod top;
pub mod verdict;

pub use finding::Finding;
pub use gaps::SkillGap;
pub use index::{Index, MissionId, PersonId, SkillId, ToolId};
pub use options::{Change, MissionOption};
pub use person_signal::PersonSignal;
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
    /// The highest delegation level the owner's readiness supports; `None`
    /// without an owner or for a done mission.
    pub suggested_delegation: Option<u8>,
}

/// Who could help with a mission: mentors for an owner's uncovered gaps,
/// owners for an unassigned mission. Worked out when asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    pub mentors: Vec<MentorSuggestion>,
    pub owners: Vec<OwnerSuggestion>,
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
            suggested_delegation: None,
        }
    }

    /// Skill gaps the mentor does not cover (wide ones included).
    pub fn uncovered(&self) -> impl Iterator<Item = &SkillGap> {
        self.skill_gaps.iter().filter(|g| !g.is_covered())
    }

    /// Gaps neither wide nor covered: the ones a mentor could close.
    pub fn pairable(&self) -> impl Iterator<Item = &SkillGap> {
        self.skill_gaps.iter().filter(|g| g.is_pairable())
    }
}

/// The whole team analysed; reports are parallel to the team's vectors.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub index: Index,
    pub missions: Vec<MissionReport>,
    pub people: Vec<PersonReport>,
    pub skills: Vec<SkillReport>,
    /// The sorted candidate lists suggestions walk, built on first use.
    lists: std::sync::OnceLock<top::Lists>,
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

    /// The candidate lists sorted best-first (built on first use): the plan
    /// walks them as suggestions do.
    pub fn lists(&self, team: &Team) -> &top::Lists {
        self.lists
            .get_or_init(|| top::Lists::new(team, &self.index))
    }

    /// Forgets the candidate lists: the team changed.
    fn reset_suggestions(&mut self) {
        self.lists = std::sync::OnceLock::new();
    }

    /// Someone as a possible owner of a mission: their gaps, whether it would
    /// be a stretch (and with which mentor), which needed skills they want.
    pub fn as_owner(&self, team: &Team, mission: MissionId, person: PersonId) -> OwnerSuggestion {
        let lists = self
            .lists
            .get_or_init(|| top::Lists::new(team, &self.index));
        let cost = gaps::cost(&self.index, mission, person);
        top::describe_owner(team, &self.index, lists, mission, person, cost)
    }

    /// Who could mentor on a mission or take it (SPEC §3 suggestions).
    pub fn suggestions(&self, team: &Team, mission: MissionId) -> Suggestions {
        let report = &self.missions[mission];
        if report.verdict == Verdict::Done {
            return Suggestions::default();
        }
        let lists = self
            .lists
            .get_or_init(|| top::Lists::new(team, &self.index));
        match self.index.owner[mission] {
            None => Suggestions {
                mentors: Vec::new(),
                owners: top::owners(team, &self.index, lists, mission),
            },
            Some(owner) => {
                // Never for a wide gap: pairing cannot close it.
                let uncovered: Vec<(SkillId, u8)> =
                    report.pairable().map(|g| (g.skill, g.need)).collect();
                let mentors = if uncovered.is_empty() {
                    Vec::new()
                } else {
                    top::mentors(team, &self.index, lists, owner, &uncovered, suggest::TOP)
                };
                Suggestions {
                    mentors,
                    owners: Vec::new(),
                }
            }
        }
    }

    /// What it takes (SPEC §3 *options*): up to five ways to make a blocked
    /// or at-risk mission better, best first. Worked out when asked for.
    pub fn options(&self, team: &Team, mission: MissionId) -> Vec<MissionOption> {
        let verdict = self.missions[mission].verdict;
        if !matches!(verdict, Verdict::Blocked | Verdict::AtRisk) {
            return Vec::new();
        }
        let lists = self
            .lists
            .get_or_init(|| top::Lists::new(team, &self.index));
        options::options(team, &self.index, lists, verdict, mission)
    }

    /// The skills of a mission's pairable gaps that nobody in the team could
    /// cover (nobody is at `max(need, 3)`), in the mission's order. Read
    /// from the index when asked, so it follows every edit.
    pub fn uncoverable(&self, mission: MissionId) -> Vec<SkillId> {
        self.missions[mission]
            .pairable()
            .filter(|g| gaps::uncoverable(&self.index, g.skill, g.need))
            .map(|g| g.skill)
            .collect()
    }

    /// Whether any active mission is blocked, at risk or unassigned.
    pub fn needs_attention(&self) -> bool {
        self.missions.iter().any(|m| m.verdict.needs_attention())
    }
}

/// Analyses every mission, person and skill of a team.
pub fn analyse(team: &Team) -> Analysis {
    let index = Index::new(team);
    let missions = (0..team.missions.len())
        .map(|m| mission_report(team, &index, m))
        .collect();
    Analysis {
        people: signals::people(team, &index),
        skills: signals::skills(team, &index),
        missions,
        index,
        lists: std::sync::OnceLock::new(),
    }
}

/// The report on one mission.
pub fn mission_report(team: &Team, index: &Index, mission: MissionId) -> MissionReport {
    let m = &team.missions[mission];
    if !m.is_active() {
        return MissionReport::done();
    }
    let goal_missing = gaps::goal_missing(m);
    let Some(owner) = index.owner[mission] else {
        return MissionReport {
            verdict: Verdict::Unassigned,
            goal_missing,
            ..MissionReport::done()
        };
    };
    let tool_gaps = gaps::tool_gaps(index, mission, owner);
    let skill_gaps = gaps::skill_gaps(index, mission, owner, index.mentor[mission]);
    let overloaded = verdict::overloaded(index.load[owner], team.people[owner].capacity);
    let owner_levels: Vec<u8> = index.mission_skills[mission]
        .iter()
        .map(|&(skill, _)| index.level(owner, skill))
        .collect();
    let suggested = verdict::suggested_delegation(&skill_gaps, &owner_levels);
    let abandonment_risk = verdict::abandonment_risk(m.delegation, &skill_gaps, suggested);
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
        tool_gaps,
        skill_gaps,
        overloaded,
        abandonment_risk,
        micromanagement,
        suggested_delegation: Some(suggested),
    }
}

#[cfg(test)]
mod tests;
