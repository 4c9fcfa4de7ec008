//! What if someone leaves (SPEC §3): the team without one person — their
//! missions lose their owner, the missions they mentor lose their mentor,
//! they leave everyone's `turns_to` — analysed again. Pure: the caller's
//! team is not changed, so `handover whatif` and the app's `W` share it.

use crate::analysis::{Analysis, MissionId, PersonId, Verdict, analyse};
use crate::model::Team;
use crate::plan::{self, Plan};

/// The team without one person, and what that changes.
#[derive(Clone, Debug)]
pub struct WhatIf {
    /// The person who leaves, as named in the team before.
    pub without: String,
    /// The team after they left; missions keep their places.
    pub team: Team,
    pub analysis: Analysis,
    /// Every mission whose verdict changes: (mission, before, after).
    pub changed: Vec<(MissionId, Verdict, Verdict)>,
    /// Skills that become single points of knowledge, or lose their last
    /// holder at level 3+, by name, in the analysis's (name) order.
    pub single_points: Vec<String>,
    /// Active missions left without an owner.
    pub orphaned: Vec<MissionId>,
    /// The plan for the missions they leave: owners for the orphaned ones,
    /// mentors for those and for the ones that lost their mentor. People
    /// are those of [`WhatIf::team`].
    pub plan: Plan,
}

/// The team without `person`, analysed again. `before` is `team`'s analysis.
pub fn without(team: &Team, before: &Analysis, person: PersonId) -> WhatIf {
    let mut after = team.clone();
    let left = after.people.remove(person);
    let mut orphaned = Vec::new();
    let mut unmentored = Vec::new();
    for (m, mission) in after.missions.iter_mut().enumerate() {
        if before.index.owner[m] == Some(person) {
            mission.owner = None;
            if mission.is_active() {
                orphaned.push(m);
            }
        }
        if before.index.mentor[m] == Some(person) {
            mission.mentor = None;
            unmentored.push(m);
        }
    }
    for p in &mut after.people {
        p.turns_to
            .retain(|name| before.index.person(name) != Some(person));
    }
    let analysis = analyse(&after);
    let changed = (0..team.missions.len())
        .filter_map(|m| {
            let (b, a) = (before.missions[m].verdict, analysis.missions[m].verdict);
            (b != a).then_some((m, b, a))
        })
        .collect();
    let single_points = analysis
        .skills
        .iter()
        .filter(|report| {
            let name = analysis.skill_name(report.skill);
            let was = before
                .index
                .skills
                .get(name)
                .and_then(|s| before.skills.iter().find(|r| r.skill == s));
            let was_single = was.is_some_and(|r| r.single_point);
            let had_holders = was.is_some_and(|r| !r.holders.is_empty());
            (report.single_point && !was_single) || (had_holders && report.holders.is_empty())
        })
        .map(|report| analysis.skill_name(report.skill).to_string())
        .collect();
    let owners = plan::place_owners(&after, &analysis, &orphaned);
    let placed: Vec<MissionId> = owners.iter().map(|o| o.mission).collect();
    let mentors = plan::allot_mentors(&after, &analysis, &owners)
        .into_iter()
        .filter(|mp| orphaned.contains(&mp.mission) || unmentored.contains(&mp.mission))
        .collect();
    let unplaced = orphaned
        .iter()
        .copied()
        .filter(|m| !placed.contains(m))
        .collect();
    let spare_places = (0..after.people.len())
        .map(|p| crate::analysis::suggest::spare(&after, &analysis.index, p))
        .sum();
    let plan = Plan {
        total_cost: owners.iter().map(|o| o.cost).sum(),
        owners,
        mentors,
        unplaced,
        spare_places,
    };
    WhatIf {
        without: left.name,
        team: after,
        analysis,
        changed,
        single_points,
        orphaned,
        plan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(text: &str) -> Team {
        ron::from_str(text).unwrap()
    }

    #[test]
    fn their_missions_lose_owner_and_mentor_and_they_leave_turns_to() {
        let t = team(
            r#"(people: [
                (name: "Lea", skills: {"go": 4}, turns_to: ["Max"]),
                (name: "Max", skills: {"go": 2}, turns_to: ["Lea"]),
                (name: "Ola", skills: {"go": 3}, capacity: 2)],
               missions: [
                (title: "Owned", goal: "g", skills: {"go": 3}, owner: Some("Lea")),
                (title: "Paired", goal: "g", skills: {"go": 3}, owner: Some("Max"), mentor: Some("Lea")),
                (title: "Other", goal: "g", skills: {"go": 3}, owner: Some("Ola"))])"#,
        );
        let before = analyse(&t);
        let w = without(&t, &before, 0);
        assert_eq!(w.without, "Lea");
        assert_eq!(w.team.people.len(), 2);
        assert!(
            w.team.people[0].turns_to.is_empty(),
            "Max no longer turns to Lea"
        );
        assert_eq!(w.orphaned, [0]);
        assert_eq!(
            w.changed,
            [
                (0, Verdict::Ready, Verdict::Unassigned),
                (1, Verdict::Stretch, Verdict::AtRisk)
            ]
        );
        // go: Lea and Ola at 3+ before, only Ola after.
        assert_eq!(w.single_points, ["go"]);
        // The plan gives "Owned" to Ola (cost 0) and pairs Max with Ola.
        let name = |p: usize| w.team.people[p].name.as_str();
        let owners: Vec<(usize, &str)> = w
            .plan
            .owners
            .iter()
            .map(|o| (o.mission, name(o.person)))
            .collect();
        assert_eq!(owners, [(0, "Ola")]);
        let mentors: Vec<(usize, &str)> = w
            .plan
            .mentors
            .iter()
            .map(|m| (m.mission, name(m.person)))
            .collect();
        assert_eq!(mentors, [(1, "Ola")]);
        // Nothing else moved: the team passed in is as it was.
        assert_eq!(t.people.len(), 3);
    }

    #[test]
    fn a_skill_losing_its_last_holder_is_named_even_when_it_was_a_single_point() {
        let t = team(
            r#"(people: [(name: "Chen", skills: {"terraform": 4}), (name: "Ann")],
               missions: [(title: "Infra", goal: "g", skills: {"terraform": 2}, owner: Some("Ann"))])"#,
        );
        let before = analyse(&t);
        assert!(before.skills[0].single_point);
        let w = without(&t, &before, 0);
        assert_eq!(w.single_points, ["terraform"]);
        // Ann keeps her mission: its verdict does not change.
        assert!(w.changed.is_empty());
        assert!(w.plan.owners.is_empty() && w.plan.unplaced.is_empty());
    }
}
