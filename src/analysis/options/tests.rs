//! Options against the analysis itself: on thousands of random small
//! teams, each option's verdict is what `analyse` says once its changes are
//! made; leaving out any one change makes it worse; and no single owner,
//! found by trying everyone with every mentor, beats the first option.

use proptest::prelude::*;

use super::*;
use crate::analysis::{Analysis, analyse, suggest::spare};
use crate::model::{Mission, Person, Status};

const SKILLS: [&str; 3] = ["go", "sql", "ux"];
const TOOLS: [&str; 2] = ["vault", "figma"];

type PersonSpec = (Vec<u8>, Vec<bool>, u32, u32, Vec<bool>);
type MissionSpec = (
    Vec<u8>,
    Vec<bool>,
    Option<usize>,
    Option<usize>,
    bool,
    Option<u8>,
    bool,
);

fn person() -> impl Strategy<Value = PersonSpec> {
    (
        proptest::collection::vec(0u8..=4, SKILLS.len()),
        proptest::collection::vec(proptest::bool::weighted(0.4), TOOLS.len()),
        0u32..=3,
        0u32..=2,
        proptest::collection::vec(proptest::bool::weighted(0.2), SKILLS.len()),
    )
}

fn mission() -> impl Strategy<Value = MissionSpec> {
    (
        proptest::collection::vec(0u8..=4, SKILLS.len()),
        proptest::collection::vec(proptest::bool::weighted(0.3), TOOLS.len()),
        proptest::option::weighted(0.8, 0usize..6),
        proptest::option::weighted(0.4, 0usize..6),
        proptest::bool::weighted(0.25),
        proptest::option::of(1u8..=7),
        proptest::bool::weighted(0.1),
    )
}

/// A random small team: up to 6 people and 5 missions, most of them owned.
fn team() -> impl Strategy<Value = Team> {
    (
        proptest::collection::vec(person(), 1..=6),
        proptest::collection::vec(mission(), 1..=5),
    )
        .prop_map(|(people, missions)| {
            let mut team = Team::default();
            for (i, (levels, tools, capacity, mentor_capacity, wants)) in people.iter().enumerate()
            {
                let mut p = Person::named(format!("P{i}"));
                for (s, &level) in SKILLS.iter().zip(levels) {
                    if level > 0 {
                        p.skills.insert(s.to_string(), level);
                    }
                }
                p.tools = pick(&TOOLS, tools);
                p.wants = pick(&SKILLS, wants);
                p.capacity = *capacity;
                p.mentor_capacity = *mentor_capacity;
                team.people.push(p);
            }
            let n = team.people.len();
            for (i, (needs, tools, owner, mentor, no_goal, delegation, done)) in
                missions.iter().enumerate()
            {
                let mut m = Mission::titled(format!("M{i}"));
                m.goal = if *no_goal { " ".into() } else { "g".into() };
                for (s, &need) in SKILLS.iter().zip(needs) {
                    if need > 0 {
                        m.skills.insert(s.to_string(), need);
                    }
                }
                m.tools = pick(&TOOLS, tools);
                m.owner = owner.map(|o| format!("P{}", o % n));
                m.mentor = mentor
                    .map(|o| format!("P{}", o % n))
                    .filter(|x| Some(x) != m.owner.as_ref());
                m.delegation = *delegation;
                if *done {
                    m.status = Status::Done;
                }
                team.missions.push(m);
            }
            team
        })
}

fn pick(names: &[&str], chosen: &[bool]) -> Vec<String> {
    names
        .iter()
        .zip(chosen)
        .filter(|(_, c)| **c)
        .map(|(n, _)| n.to_string())
        .collect()
}

/// The mission's verdict once `changes` are made, by analysing the team.
fn verdict_after(team: &Team, mission: usize, changes: &[Change]) -> (Verdict, bool) {
    let a = analyse(team);
    let option = MissionOption {
        verdict_after: Verdict::Done,
        changes: changes.to_vec(),
        delegation_above_suggestion: false,
        suggested_delegation: 0,
    };
    let mut after = team.clone();
    option.apply(&mut after, mission, &a.index, "what done looks like");
    let report = &analyse(&after).missions[mission];
    let above = team.missions[mission]
        .delegation
        .zip(report.suggested_delegation)
        .is_some_and(|(d, s)| d > s);
    (report.verdict, above)
}

/// The best verdict any single owner can reach — the owner kept, or anyone
/// with spare capacity other than the mentor — with the goal written, the
/// owner given every tool, and any mentor with room (or the current one).
fn best_by_brute_force(team: &Team, a: &Analysis, mission: usize) -> Verdict {
    let index = &a.index;
    let owner = index.owner[mission].unwrap();
    let mentor = index.mentor[mission];
    let mut best = a.missions[mission].verdict;
    for y in 0..team.people.len() {
        if y != owner && (Some(y) == mentor || spare(team, index, y) == 0) {
            continue;
        }
        let mentors = std::iter::once(mentor).chain(
            (0..team.people.len())
                .filter(|&x| x != y && index.mentoring[x] < team.people[x].mentor_capacity)
                .map(Some),
        );
        for x in mentors {
            let mut changes = vec![Change::Goal];
            if y != owner {
                changes.push(Change::Owner { person: y });
            }
            if x != mentor
                && let Some(x) = x
            {
                changes.push(Change::Mentor { person: x });
            }
            changes.extend(
                gaps::tool_gaps(index, mission, y)
                    .into_iter()
                    .map(|tool| Change::Tool { tool, to: y }),
            );
            let (v, _) = verdict_after(team, mission, &changes);
            if rank(v) < rank(best) {
                best = v;
            }
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn the_local_verdict_is_the_analysis(team in team()) {
        let a = analyse(&team);
        for m in 0..team.missions.len() {
            let (Some(owner), true) = (a.index.owner[m], team.missions[m].is_active()) else { continue };
            let (v, suggested) = verdict_if(&team, &a.index, m, owner, a.index.mentor[m], false, false);
            prop_assert_eq!(v, a.missions[m].verdict, "mission {}", m);
            prop_assert_eq!(Some(suggested), a.missions[m].suggested_delegation);
        }
    }

    #[test]
    fn every_option_says_what_its_changes_lead_to_and_needs_them_all(team in team()) {
        let a = analyse(&team);
        for m in 0..team.missions.len() {
            let options = a.options(&team, m);
            prop_assert!(options.len() <= MAX_OPTIONS);
            for option in &options {
                let (verdict, above) = verdict_after(&team, m, &option.changes);
                prop_assert_eq!(verdict, option.verdict_after, "mission {}: {:?}", m, option);
                prop_assert_eq!(above, option.delegation_above_suggestion, "{:?}", option);
                prop_assert!(rank(verdict) < rank(a.missions[m].verdict), "better than now");
                for leave_out in 0..option.changes.len() {
                    let mut fewer = option.changes.clone();
                    fewer.remove(leave_out);
                    let (without, _) = verdict_after(&team, m, &fewer);
                    prop_assert!(
                        rank(without) > rank(verdict),
                        "mission {}: {:?} without {:?} is still {:?}", m, option, option.changes[leave_out], without
                    );
                }
            }
            let keys: Vec<(u8, usize, usize)> = options
                .iter()
                .map(|o| (rank(o.verdict_after), o.changes.len(), o.people_changed()))
                .collect();
            prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]), "best first: {:?}", keys);
        }
    }

    #[test]
    fn no_single_owner_beats_the_first_option(team in team()) {
        let a = analyse(&team);
        for m in 0..team.missions.len() {
            let (Some(_), true) = (a.index.owner[m], team.missions[m].is_active()) else { continue };
            if !matches!(a.missions[m].verdict, Verdict::Blocked | Verdict::AtRisk) {
                prop_assert!(a.options(&team, m).is_empty());
                continue;
            }
            let best = best_by_brute_force(&team, &a, m);
            let options = a.options(&team, m);
            match options.first() {
                Some(first) => prop_assert_eq!(first.verdict_after, best, "mission {}", m),
                None => prop_assert_eq!(best, a.missions[m].verdict, "mission {}: nothing helps", m),
            }
        }
    }
}
