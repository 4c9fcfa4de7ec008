//! The plan against exhaustive search, `kuhn_munkres_min` and the rules of
//! SPEC §3, on thousands of random small teams.

use proptest::prelude::*;

use super::*;
use crate::analysis::analyse;
use crate::model::{Mission, Person, Status};

const SKILLS: [&str; 4] = ["go", "sql", "ux", "k8s"];
const TOOLS: [&str; 2] = ["vault", "figma"];

fn person() -> impl Strategy<Value = (Vec<u8>, Vec<bool>, u32, u32, Vec<bool>)> {
    (
        proptest::collection::vec(0u8..=4, SKILLS.len()),
        proptest::collection::vec(any::<bool>(), TOOLS.len()),
        0u32..=3,
        0u32..=2,
        proptest::collection::vec(proptest::bool::weighted(0.3), SKILLS.len()),
    )
}

fn mission() -> impl Strategy<Value = (Vec<u8>, Vec<bool>, Option<usize>, Option<usize>, bool)> {
    (
        proptest::collection::vec(0u8..=4, SKILLS.len()),
        proptest::collection::vec(any::<bool>(), TOOLS.len()),
        proptest::option::weighted(0.3, 0usize..6),
        proptest::option::weighted(0.3, 0usize..6),
        proptest::bool::weighted(0.1),
    )
}

/// The names whose flag is set.
fn picked(names: &[&str], flags: &[bool]) -> Vec<String> {
    names
        .iter()
        .zip(flags)
        .filter(|(_, set)| **set)
        .map(|(name, _)| name.to_string())
        .collect()
}

/// Person `i` with these levels (at most `top`), tools and wants.
fn person_of(i: usize, levels: &[u8], tools: &[bool], wants: &[bool], top: u8) -> Person {
    let mut p = Person::named(format!("P{i}"));
    for (s, &level) in SKILLS.iter().zip(levels) {
        if level > 0 {
            p.skills.insert(s.to_string(), level.min(top));
        }
    }
    p.tools = picked(&TOOLS, tools);
    p.wants = picked(&SKILLS, wants);
    p
}

/// Mission `i` needing these levels (each `need` instead, if given) and tools.
fn mission_of(i: usize, needs: &[u8], tools: &[bool], need: Option<u8>) -> Mission {
    let mut m = Mission::titled(format!("M{i}"));
    m.goal = "g".into();
    for (s, &level) in SKILLS.iter().zip(needs) {
        if level > 0 {
            m.skills.insert(s.to_string(), need.unwrap_or(level));
        }
    }
    m.tools = picked(&TOOLS, tools);
    m
}

/// A random small team: up to 5 people and 6 missions, some owned already.
fn team() -> impl Strategy<Value = Team> {
    (
        proptest::collection::vec(person(), 1..=5),
        proptest::collection::vec(mission(), 1..=6),
    )
        .prop_map(|(people, missions)| {
            let mut team = Team::default();
            for (i, (levels, tools, capacity, mentor_capacity, wants)) in people.iter().enumerate()
            {
                let mut p = person_of(i, levels, tools, wants, 4);
                p.capacity = *capacity;
                p.mentor_capacity = *mentor_capacity;
                team.people.push(p);
            }
            let n = team.people.len();
            for (i, (needs, tools, owner, mentor, done)) in missions.iter().enumerate() {
                let mut m = mission_of(i, needs, tools, None);
                m.owner = owner.map(|o| format!("P{}", o % n));
                m.mentor = mentor
                    .map(|o| format!("P{}", o % n))
                    .filter(|x| Some(x) != m.owner.as_ref());
                if *done {
                    m.status = Status::Done;
                }
                team.missions.push(m);
            }
            team
        })
}

/// Whether someone wants one of a mission's skills.
fn wants(a: &Analysis, m: usize, p: usize) -> bool {
    a.index.mission_skills[m]
        .iter()
        .any(|(s, _)| a.index.person_wants[p].contains(s))
}

/// The best (placed, cost, growth picks, spread) by trying every
/// assignment: most placed, then least cost, then most missions given to
/// someone who wants one of their skills, then the least spread (the k-th
/// new mission of a person costs their load plus k).
fn exhaustive(team: &Team, a: &Analysis) -> (usize, u32, usize, u64) {
    let index = &a.index;
    let open: Vec<usize> = (0..team.missions.len())
        .filter(|&m| team.missions[m].is_active() && index.owner[m].is_none())
        .collect();
    let spare: Vec<u32> = (0..team.people.len())
        .map(|p| spare(team, index, p))
        .collect();
    // Compared as (placed, −cost, growth, −spread): larger is better.
    type Score = (usize, i64, usize, i64);
    struct Search<'a> {
        open: &'a [usize],
        a: &'a Analysis,
        spare: &'a [u32],
        taken: Vec<u32>,
        best: Score,
    }
    fn go(s: &mut Search, i: usize, now: Score) {
        if i == s.open.len() {
            s.best = s.best.max(now);
            return;
        }
        let m = s.open[i];
        go(s, i + 1, now);
        for p in 0..s.spare.len() {
            if s.taken[p] < s.spare[p] && s.a.index.mentor[m] != Some(p) {
                s.taken[p] += 1;
                // Their load once this one is theirs.
                let load = s.a.index.load[p] + s.taken[p];
                let next = (
                    now.0 + 1,
                    now.1 - i64::from(gaps::cost(&s.a.index, m, p)),
                    now.2 + usize::from(wants(s.a, m, p)),
                    now.3 - i64::from(load),
                );
                go(s, i + 1, next);
                s.taken[p] -= 1;
            }
        }
    }
    let mut search = Search {
        open: &open,
        a,
        spare: &spare,
        taken: vec![0; spare.len()],
        best: (0, 0, 0, 0),
    };
    go(&mut search, 0, (0, 0, 0, 0));
    let best = search.best;
    (best.0, (-best.1) as u32, best.2, (-best.3) as u64)
}

/// A plan's spread: each person's k-th new mission costs their load plus k.
fn spread(a: &Analysis, owners: &[OwnerProposal]) -> u64 {
    let mut taken = vec![0u32; a.index.load.len()];
    owners
        .iter()
        .map(|o| {
            taken[o.person] += 1;
            u64::from(a.index.load[o.person] + taken[o.person])
        })
        .sum()
}

/// Owners against exhaustive search: placed, cost, growth picks, spread.
fn check_against_exhaustive(
    team: &Team,
    a: &Analysis,
    owners: &[OwnerProposal],
) -> Result<(), TestCaseError> {
    let (placed, cost, growth, spread_best) = exhaustive(team, a);
    prop_assert_eq!(owners.len(), placed, "placed");
    prop_assert_eq!(
        owners.iter().map(|o| o.cost).sum::<u32>(),
        cost,
        "total cost"
    );
    let picks = owners.iter().filter(|o| o.wants).count();
    prop_assert_eq!(picks, growth, "growth picks");
    prop_assert_eq!(spread(a, owners), spread_best, "spread");
    for o in owners {
        prop_assert_eq!(o.wants, wants(a, o.mission, o.person));
        prop_assert_eq!(o.cost, gaps::cost(&a.index, o.mission, o.person));
        prop_assert!(
            a.index.mentor[o.mission] != Some(o.person),
            "a mentor never owns"
        );
    }
    Ok(())
}

/// The open missions of a team, in file order.
fn open_missions(team: &Team, a: &Analysis) -> Vec<usize> {
    (0..team.missions.len())
        .filter(|&m| team.missions[m].is_active() && a.index.owner[m].is_none())
        .collect()
}

/// Teams built to be hard on a sparse graph: many people of equal cost
/// (copies of two or three profiles, loads apart), places short of the
/// missions, and missions nobody can do well (needs of 4 nobody reaches).
fn adversarial_team() -> impl Strategy<Value = Team> {
    (
        proptest::collection::vec(person(), 1..=3),
        proptest::collection::vec((0usize..3, 0u32..=2, 0u32..=2), 2..=5),
        proptest::collection::vec(mission(), 1..=5),
        any::<bool>(),
    )
        .prop_map(|(profiles, people, missions, hopeless)| {
            let mut team = Team::default();
            for (i, &(profile, capacity, load)) in people.iter().enumerate() {
                let (levels, tools, _, mentor_capacity, wants) =
                    &profiles[profile % profiles.len()];
                // Nobody is above 3, so a need of 4 is never met.
                let mut p = person_of(i, levels, tools, wants, 3);
                // Existing load from missions they own already.
                p.capacity = capacity + load;
                p.mentor_capacity = *mentor_capacity;
                team.people.push(p);
                for k in 0..load {
                    let mut m = Mission::titled(format!("Owned {i}.{k}"));
                    m.goal = "g".into();
                    m.owner = Some(format!("P{i}"));
                    team.missions.push(m);
                }
            }
            let n = team.people.len();
            for (i, (needs, tools, _, mentor, _)) in missions.iter().enumerate() {
                let mut m = mission_of(i, needs, tools, hopeless.then_some(4));
                m.mentor = mentor.map(|o| format!("P{}", o % n));
                team.missions.push(m);
            }
            team
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_plan_equals_exhaustive_search(team in team()) {
        let a = analyse(&team);
        let plan = plan(&team, &a);
        check_against_exhaustive(&team, &a, &plan.owners)?;
        prop_assert_eq!(plan.total_cost, plan.owners.iter().map(|o| o.cost).sum::<u32>());
    }

    #[test]
    fn the_plan_from_no_edges_or_one_equals_exhaustive_search(team in team(), first in 0usize..=1) {
        // Pricing alone has to find every edge the plan needs.
        let a = analyse(&team);
        let (owners, _) = owners::place_with(&team, &a, &open_missions(&team, &a), first);
        check_against_exhaustive(&team, &a, &owners)?;
    }

    #[test]
    fn the_plan_equals_exhaustive_search_on_adversarial_teams(team in adversarial_team(), first in 0usize..=4) {
        let a = analyse(&team);
        let (owners, _) = owners::place_with(&team, &a, &open_missions(&team, &a), first);
        check_against_exhaustive(&team, &a, &owners)?;
    }

    #[test]
    fn the_plan_respects_every_capacity_and_rule(team in team()) {
        let a = analyse(&team);
        let plan = plan(&team, &a);
        let mut load = a.index.load.clone();
        for o in &plan.owners {
            prop_assert!(a.index.owner[o.mission].is_none(), "only unassigned missions");
            prop_assert!(team.missions[o.mission].is_active());
            prop_assert!(a.index.mentor[o.mission] != Some(o.person), "a mentor never owns");
            prop_assert_eq!(o.cost, gaps::cost(&a.index, o.mission, o.person));
            load[o.person] += 1;
        }
        for (p, person) in team.people.iter().enumerate() {
            prop_assert!(load[p] <= person.capacity.max(a.index.load[p]), "{} over capacity", person.name);
        }
        let mut mentoring = a.index.mentoring.clone();
        let planned_owner = |m: usize| a.index.owner[m].or(plan.owners.iter().find(|o| o.mission == m).map(|o| o.person));
        for mp in &plan.mentors {
            prop_assert!(a.index.mentor[mp.mission].is_none());
            prop_assert!(Some(mp.person) != planned_owner(mp.mission));
            prop_assert!(mentoring[mp.person] < team.people[mp.person].mentor_capacity);
            prop_assert!(!mp.covers.is_empty());
            mentoring[mp.person] += 1;
        }
        prop_assert!(plan.mentors.windows(2).all(|w| w[0].mission < w[1].mission), "file order");
        let unplaced_expected = plan.owners.len() + plan.unplaced.len();
        let open = (0..team.missions.len()).filter(|&m| team.missions[m].is_active() && a.index.owner[m].is_none()).count();
        prop_assert_eq!(unplaced_expected, open);
    }

    #[test]
    fn the_plan_is_deterministic(team in team()) {
        let a = analyse(&team);
        prop_assert_eq!(plan(&team, &a), plan(&team, &analyse(&team.clone())));
    }

    #[test]
    fn the_plan_equals_kuhn_munkres_where_it_applies(mut team in team()) {
        // Kuhn–Munkres assigns every row to a distinct column: give each
        // person one column per free place. It applies when there are at
        // least as many places as missions and no mentor rules anyone out,
        // so make it so.
        for m in &mut team.missions {
            m.mentor = None;
        }
        let missions = team.missions.len() as u32;
        team.people[0].capacity += missions;
        let a = analyse(&team);
        let open: Vec<usize> = (0..team.missions.len())
            .filter(|&m| team.missions[m].is_active() && a.index.owner[m].is_none())
            .collect();
        let places: Vec<usize> = (0..team.people.len())
            .flat_map(|p| std::iter::repeat_n(p, spare(&team, &a.index, p) as usize))
            .collect();
        prop_assume!(!open.is_empty());
        prop_assert!(places.len() >= open.len());
        let weights = pathfinding::matrix::Matrix::from_fn(open.len(), places.len(), |(i, j)| {
            i64::from(gaps::cost(&a.index, open[i], places[j]))
        });
        let (expected, _) = pathfinding::kuhn_munkres::kuhn_munkres_min(&weights);
        let plan = plan(&team, &a);
        prop_assert_eq!(plan.owners.len(), open.len());
        prop_assert_eq!(i64::from(plan.total_cost), expected);
    }
}

fn sample_without_owners() -> Team {
    let mut team = crate::sample::team();
    for m in &mut team.missions {
        m.owner = None;
        m.mentor = None;
    }
    team
}

#[test]
fn the_sample_without_owners_is_planned_sensibly() {
    let team = sample_without_owners();
    let a = analyse(&team);
    let plan = plan(&team, &a);
    let name = |p: usize| team.people[p].name.as_str();
    let title = |m: usize| team.missions[m].title.as_str();
    let owners: Vec<(&str, &str, u32)> = plan
        .owners
        .iter()
        .map(|o| (title(o.mission), name(o.person), o.cost))
        .collect();
    assert!(
        owners.contains(&("Migrate billing to Postgres 16", "Amina Diallo", 0)),
        "{owners:#?}"
    );
    assert!(
        owners.contains(&(
            "Upgrade the staging cluster to Kubernetes 1.31",
            "Chen Wei",
            0
        )),
        "{owners:#?}"
    );
    assert_eq!(plan.owners.len(), 11, "every active mission is placed");
    assert!(plan.unplaced.is_empty());
    let load = |p: &str| plan.owners.iter().filter(|o| name(o.person) == p).count() as u32;
    for person in &team.people {
        assert!(load(&person.name) <= person.capacity);
    }
}

#[test]
fn missions_beyond_the_teams_capacity_are_unplaced() {
    let mut team = sample_without_owners();
    for p in &mut team.people {
        p.capacity = 1;
    }
    let a = analyse(&team);
    let plan = plan(&team, &a);
    assert_eq!(plan.owners.len(), 8);
    assert_eq!(plan.unplaced.len(), 3);
    assert_eq!(plan.spare_places, 8);
}

#[test]
fn mentors_are_handed_out_in_file_order_counting_the_plan() {
    // Two missions need go; one expert who can mentor only one of them.
    let team: Team = ron::from_str(
        r#"(people: [(name: "A"), (name: "B"), (name: "Exp", skills: {"go": 4}, capacity: 0, mentor_capacity: 1),
                     (name: "Ok", skills: {"go": 3}, capacity: 0)],
            missions: [(title: "One", goal: "g", skills: {"go": 2}, owner: Some("A")),
                       (title: "Two", goal: "g", skills: {"go": 2}, owner: Some("B"))])"#,
    )
    .unwrap();
    let a = analyse(&team);
    let plan = plan(&team, &a);
    let picks: Vec<(usize, &str)> = plan
        .mentors
        .iter()
        .map(|m| (m.mission, team.people[m.person].name.as_str()))
        .collect();
    // Exp ranks first by name order? No: both cover one gap, neither is turned
    // to, both mentor nothing; "Exp" < "Ok" by name. Exp is then full.
    assert_eq!(picks, [(0, "Exp"), (1, "Ok")]);
}
