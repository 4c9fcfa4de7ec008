//! The plan (SPEC §3): owners for every unassigned active mission, then
//! mentors for every uncovered gap. Owners are placed optimally — as many
//! missions as capacity allows, at the lowest total cost — by a min-cost
//! flow; mentors are then handed out in file order.

pub mod flow;

use crate::analysis::suggest::{rank_mentors, spare};
use crate::analysis::{Analysis, MissionId, PersonId, SkillId, gaps};
use crate::model::Team;
use flow::Network;

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

/// The optimal owners: a min-cost max-flow from the missions to the people
/// with spare capacity. People who hold none of a mission's skills or tools
/// all cost the same for it, so they are reached through one shared node
/// instead of an edge each; the graph stays as small as the skills held.
pub fn place_owners(team: &Team, a: &Analysis, open: &[MissionId]) -> Vec<OwnerProposal> {
    let index = &a.index;
    // People in a fixed order (most spare first, then by name), so equal
    // plans are always broken the same way.
    let people = crate::analysis::suggest::by_spare_capacity(team, index);
    if open.is_empty() || people.is_empty() {
        return Vec::new();
    }
    let (s, t, hub) = (0, 1, 2);
    let mission_node = |i: usize| 3 + i;
    let person_node = |j: usize| 3 + open.len() + j;
    let mut slot = vec![usize::MAX; team.people.len()];
    for (j, &p) in people.iter().enumerate() {
        slot[p] = j;
    }
    // Among plans of equal cost, grow people: a mission given to someone
    // who does not want one of its skills costs `scale` more. Then spread
    // the work: the k-th mission a person takes costs a little more than the
    // one before (their load after it). Each is scaled so that no amount of
    // spreading outweighs one growth pick, and no amount of growth one point
    // of the real cost.
    let most_places = people
        .iter()
        .map(|&p| spare(team, index, p).min(open.len() as u32))
        .max()
        .unwrap_or(0);
    let most_load = people.iter().map(|&p| index.load[p]).max().unwrap_or(0);
    let scale = i64::from(most_places + most_load + 1) * open.len() as i64 + 1;
    let growth = scale;
    let scale = growth * (open.len() as i64 + 1);
    let wants = |m: MissionId, p: PersonId| {
        index.mission_skills[m]
            .iter()
            .any(|(skill, _)| index.person_wants[p].contains(skill))
    };
    let mut wanters: Vec<Vec<PersonId>> = vec![Vec::new(); index.skills.len()];
    for &p in &people {
        for &skill in &index.person_wants[p] {
            wanters[skill].push(p);
        }
    }
    let mut net = Network::new(3 + open.len() + people.len());
    let mut hub_to_person = Vec::with_capacity(people.len());
    for (j, &p) in people.iter().enumerate() {
        let free = spare(team, index, p).min(open.len() as u32);
        hub_to_person.push(net.add_edge(hub, person_node(j), i64::from(free), 0));
        for k in 1..=free {
            net.add_edge(person_node(j), t, 1, i64::from(index.load[p] + k));
        }
    }
    let mut edges: Vec<(usize, usize, usize)> = Vec::new(); // (edge, mission, person)
    let mut hub_edges: Vec<(usize, usize)> = Vec::new(); // (edge, mission)
    for (i, &m) in open.iter().enumerate() {
        net.add_edge(s, mission_node(i), 1, 0);
        let mentor = index.mentor[m];
        let mut holders: Vec<PersonId> = index.mission_skills[m]
            .iter()
            .flat_map(|&(skill, _)| index.holders[skill].iter().map(|&(p, _)| p))
            .chain(
                index.mission_tools[m]
                    .iter()
                    .flat_map(|&tool| index.tool_holders[tool].iter().copied()),
            )
            // Those who want a needed skill are growth picks: not the same
            // as everyone else reached through the shared node.
            .chain(
                index.mission_skills[m]
                    .iter()
                    .flat_map(|&(skill, _)| wanters[skill].iter().copied()),
            )
            .filter(|&p| slot[p] != usize::MAX && Some(p) != mentor)
            .collect();
        holders.sort_unstable_by_key(|&p| slot[p]);
        holders.dedup();
        if mentor.is_some_and(|p| slot[p] != usize::MAX) {
            // The mission's mentor cannot own it, so no shared node here:
            // everyone else gets an edge of their own.
            holders = people
                .iter()
                .copied()
                .filter(|&p| Some(p) != mentor)
                .collect();
        } else {
            let e = net.add_edge(
                mission_node(i),
                hub,
                1,
                scale * i64::from(gaps::max_cost(index, m)) + growth,
            );
            hub_edges.push((e, i));
        }
        for p in holders {
            let cost =
                scale * i64::from(gaps::cost(index, m, p)) + if wants(m, p) { 0 } else { growth };
            let e = net.add_edge(mission_node(i), person_node(slot[p]), 1, cost);
            edges.push((e, i, p));
        }
    }
    net.min_cost_max_flow(s, t);
    // Read the assignment back: direct edges name the person; a mission that
    // went through the shared node takes one of the people it flowed to.
    // (In an optimal flow none of those holds anything the mission needs
    // or wants one of its skills, or the direct edge would have been
    // cheaper, so each costs the same.)
    let mut owner: Vec<Option<PersonId>> = vec![None; open.len()];
    for &(e, i, p) in &edges {
        if net.flow(e) > 0 {
            owner[i] = Some(p);
        }
    }
    let mut from_hub: Vec<PersonId> = Vec::new();
    for (j, &p) in people.iter().enumerate() {
        for _ in 0..net.flow(hub_to_person[j]) {
            from_hub.push(p);
        }
    }
    let mut from_hub = from_hub.into_iter();
    for &(e, i) in &hub_edges {
        if net.flow(e) > 0 {
            owner[i] = from_hub.next();
        }
    }
    open.iter()
        .zip(owner)
        .filter_map(|(&m, p)| {
            p.map(|person| OwnerProposal {
                mission: m,
                person,
                cost: gaps::cost(index, m, person),
                wants: wants(m, person),
            })
        })
        .collect()
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
        if let Some(top) = rank_mentors(team, index, &mentoring, owner, &uncovered)
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
