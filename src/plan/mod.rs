//! The plan (SPEC §3): owners for every unassigned active mission, then
//! mentors for every uncovered gap. Owners are placed optimally — as many
//! missions as capacity allows, at the lowest total cost — by a min-cost
//! flow; mentors are then handed out in file order.

pub mod flow;
pub mod owners;
mod walk;

use crate::analysis::suggest::spare;
use crate::analysis::{Analysis, MissionId, PersonId, SkillId, gaps};
use crate::model::Team;

/// A proposed owner for an unassigned mission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerProposal {
    pub mission: MissionId,
    pub person: PersonId,
    /// Σ gap² + 2 × tool gaps.
    pub cost: u32,
    /// They want to grow in one of the mission's skills.
    pub wants: bool,
}

/// A proposed mentor for a mission whose owner has uncovered gaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentorProposal {
    pub mission: MissionId,
    pub person: PersonId,
    pub covers: Vec<SkillId>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// In file order of the missions.
    pub owners: Vec<OwnerProposal>,
    /// In file order of the missions.
    pub mentors: Vec<MentorProposal>,
    /// Unassigned active missions the team has no capacity left for.
    pub unplaced: Vec<MissionId>,
    pub total_cost: u32,
    /// Free places (spare capacity) across the team before the plan.
    pub spare_places: u32,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.owners.is_empty() && self.mentors.is_empty()
    }

    /// The whole plan as one change to the team.
    pub fn change(&self, team: &Team) -> crate::edit::Change {
        let owners: Vec<(usize, usize)> =
            self.owners.iter().map(|o| (o.mission, o.person)).collect();
        let mentors: Vec<(usize, usize)> =
            self.mentors.iter().map(|m| (m.mission, m.person)).collect();
        crate::edit::assign(
            team,
            &owners,
            &mentors,
            format!(
                "accepted the plan: {} owner{}, {} mentor{}",
                owners.len(),
                crate::text::plural(owners.len()),
                mentors.len(),
                crate::text::plural(mentors.len())
            ),
        )
    }

    /// The team and its analysis once the whole plan is in place.
    pub fn after(&self, team: &Team) -> (Team, Analysis) {
        let mut after = team.clone();
        self.change(team).apply(&mut after);
        let analysis = crate::analysis::analyse(&after);
        (after, analysis)
    }
}

/// The plan for a team, from its analysis.
pub fn plan(team: &Team, a: &Analysis) -> Plan {
    let index = &a.index;
    let open: Vec<MissionId> = (0..team.missions.len())
        .filter(|&m| team.missions[m].is_active() && index.owner[m].is_none())
        .collect();
    let spare_places = (0..team.people.len()).map(|p| spare(team, index, p)).sum();
    let owners = place_owners(team, a, &open);
    let placed: Vec<MissionId> = owners.iter().map(|o| o.mission).collect();
    let unplaced = open
        .iter()
        .copied()
        .filter(|m| !placed.contains(m))
        .collect();
    let mentors = allot_mentors(team, a, &owners);
    Plan {
        total_cost: owners.iter().map(|o| o.cost).sum(),
        owners,
        mentors,
        unplaced,
        spare_places,
    }
}

/// The optimal owners (SPEC §3): as many missions placed as capacity
/// allows, at the lowest cost, then growing people, then spreading the work.
pub fn place_owners(team: &Team, a: &Analysis, open: &[MissionId]) -> Vec<OwnerProposal> {
    owners::place(team, a, open)
}

/// Then, in file order, each active mission without a mentor whose owner
/// (planned or existing) has pairable gaps gets the top-ranked mentor,
/// counting the mentoring the plan has already handed out.
pub fn allot_mentors(team: &Team, a: &Analysis, owners: &[OwnerProposal]) -> Vec<MentorProposal> {
    let index = &a.index;
    let mut mentoring = index.mentoring.clone();
    let mut planned: Vec<Option<PersonId>> = index.owner.clone();
    for o in owners {
        planned[o.mission] = Some(o.person);
    }
    let mut proposals = Vec::new();
    for (m, owner) in planned.into_iter().enumerate() {
        if !team.missions[m].is_active() || index.mentor[m].is_some() {
            continue;
        }
        let Some(owner) = owner else { continue };
        // Pairable gaps only: a mentor cannot close a wide one.
        let uncovered: Vec<(SkillId, u8)> = gaps::skill_gaps(index, m, owner, None)
            .iter()
            .filter(|g| !g.is_wide())
            .map(|g| (g.skill, g.need))
            .collect();
        if uncovered.is_empty() {
            continue;
        }
        let lists = a.lists(team);
        if let Some(top) = crate::analysis::top::mentors_counting(
            team, index, lists, &mentoring, owner, &uncovered, 1,
        )
        .into_iter()
        .next()
        {
            mentoring[top.person] += 1;
            proposals.push(MentorProposal {
                mission: m,
                person: top.person,
                covers: top.covers,
            });
        }
    }
    proposals
}

#[cfg(test)]
mod tests;
