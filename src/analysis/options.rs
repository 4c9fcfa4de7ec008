//! What it takes (SPEC §3 *options*): for an assigned active mission that
//! is blocked or at risk, up to five sets of changes that make it better,
//! each with the verdict it leads to.
//!
//! Worked out on demand for one mission. A mission's verdict depends only on
//! the mission, its owner's and mentor's levels and tools, and the owner's
//! load against their capacity, so each candidate is judged by
//! [`verdict_if`] — the rules of `mission_report` for a hypothetical owner
//! and mentor — never by analysing the team again. The property tests in
//! `options/tests.rs` check it against `analyse` of the team changed.

use super::gaps::{self, cover_level};
use super::index::{Index, MissionId, PersonId, SkillId, ToolId};
use super::top::{self, Lists};
use super::verdict::{self, Verdict, rank};
use crate::model::{Mission, Team};

/// How many options are shown at most.
pub const MAX_OPTIONS: usize = 5;

/// One change an option makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Write the goal down.
    Goal,
    /// Give `to` (the owner, or the option's new owner) a missing tool.
    Tool { tool: ToolId, to: PersonId },
    /// Make this person the mission's mentor.
    Mentor { person: PersonId },
    /// Hand the mission to this person (the mentor stays unless the option
    /// also changes it).
    Owner { person: PersonId },
}

/// A way to make a mission better: its changes and the verdict they lead to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissionOption {
    pub verdict_after: Verdict,
    pub changes: Vec<Change>,
    /// The mission's delegation is above what the owner's readiness would
    /// then support: advice to lower it, not a change of verdict.
    pub delegation_above_suggestion: bool,
    /// The level suggested once the changes are made.
    pub suggested_delegation: u8,
}

impl MissionOption {
    /// The people the option changes something of: a new owner, a new
    /// mentor, whoever is given a tool.
    pub fn people_changed(&self) -> usize {
        let mut people: Vec<PersonId> = self
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::Goal => None,
                Change::Tool { to, .. } => Some(*to),
                Change::Mentor { person } | Change::Owner { person } => Some(*person),
            })
            .collect();
        people.sort_unstable();
        people.dedup();
        people.len()
    }

    /// The new owner, if the option hands the mission over.
    pub fn new_owner(&self) -> Option<PersonId> {
        self.changes.iter().find_map(|c| match c {
            Change::Owner { person } => Some(*person),
            _ => None,
        })
    }

    /// The new mentor, if the option sets one.
    pub fn new_mentor(&self) -> Option<PersonId> {
        self.changes.iter().find_map(|c| match c {
            Change::Mentor { person } => Some(*person),
            _ => None,
        })
    }

    /// Makes the changes in `team` (names as the file spells them); `goal`
    /// is the goal written down when the option asks for one.
    pub fn apply(&self, team: &mut Team, mission: MissionId, index: &Index, goal: &str) {
        for change in &self.changes {
            match change {
                Change::Goal => team.missions[mission].goal = goal.to_string(),
                Change::Tool { tool, to } => {
                    let name = index.tools.name(*tool).to_string();
                    team.people[*to].tools.push(name);
                }
                Change::Mentor { person } => {
                    team.missions[mission].mentor = Some(team.people[*person].name.clone());
                }
                Change::Owner { person } => {
                    team.missions[mission].owner = Some(team.people[*person].name.clone());
                }
            }
        }
    }
}

/// What the analysis would say of an active mission with `owner` and
/// `mentor` — the goal written down when `goal`, the owner given every
/// missing tool when `tools` — counting the owner's load as it would then
/// be: the verdict and the suggested delegation. Equal to `mission_report`
/// on the team so changed (property-tested).
pub fn verdict_if(
    team: &Team,
    index: &Index,
    mission: MissionId,
    owner: PersonId,
    mentor: Option<PersonId>,
    goal: bool,
    tools: bool,
) -> (Verdict, u8) {
    let m = &team.missions[mission];
    let goal_missing = !goal && gaps::goal_missing(m);
    let tool_gap = !tools
        && index.mission_tools[mission]
            .iter()
            .any(|&t| !index.has_tool(owner, t));
    let (mut uncovered, mut any_gap, mut lowest) = (false, false, None::<u8>);
    for &(skill, need) in &index.mission_skills[mission] {
        let have = index.level(owner, skill);
        lowest = Some(lowest.map_or(have, |l| l.min(have)));
        if have < need {
            any_gap = true;
            let covered = need - have <= gaps::MAX_PAIRABLE_GAP
                && mentor.is_some_and(|x| x != owner && gaps::covers(index, x, skill, need));
            uncovered |= !covered;
        }
    }
    let load = index.load[owner] + u32::from(index.owner[mission] != Some(owner));
    let overloaded = verdict::overloaded(load, team.people[owner].capacity);
    let suggested = verdict::suggested_from(uncovered, any_gap, lowest);
    let abandonment = uncovered && m.delegation.is_some_and(|d| d > suggested);
    let verdict = if goal_missing || tool_gap {
        Verdict::Blocked
    } else if uncovered || overloaded || abandonment {
        Verdict::AtRisk
    } else if any_gap {
        Verdict::Stretch
    } else {
        Verdict::Ready
    };
    (verdict, suggested)
}

/// A candidate owner's standing: gaps all pairable (a mentor could make it
/// a stretch), the gaps as (skill, need), and whether they would be over
/// capacity.
struct Standing {
    gaps: Vec<(SkillId, u8)>,
    all_pairable: bool,
}

fn standing(index: &Index, mission: MissionId, person: PersonId) -> Standing {
    let mut gaps = Vec::new();
    let mut all_pairable = true;
    for &(skill, need) in &index.mission_skills[mission] {
        let have = index.level(person, skill);
        if have < need {
            gaps.push((skill, need));
            all_pairable &= need - have <= gaps::MAX_PAIRABLE_GAP;
        }
    }
    Standing { gaps, all_pairable }
}

/// The order of options: better verdict, fewer changes, fewer people
/// changed; then keeping the owner, the new owner's cost, their place among
/// owners (most spare capacity, then name), the mentor's place among
/// mentors (least busy, then name).
type Key = (u8, usize, usize, bool, u32, u32, u32);

/// Up to five options for `mission`, best first; none unless it is an
/// assigned active mission that is blocked or at risk, or when nothing
/// makes it better.
pub fn options(
    team: &Team,
    index: &Index,
    lists: &Lists,
    current: Verdict,
    mission: MissionId,
) -> Vec<MissionOption> {
    let Some(owner) = index.owner[mission] else {
        return Vec::new();
    };
    if !matches!(current, Verdict::Blocked | Verdict::AtRisk) {
        return Vec::new();
    }
    let m = &team.missions[mission];
    let mentor = index.mentor[mission];
    let goal = gaps::goal_missing(m);
    let now = rank(current);
    let mut found: Vec<(Key, MissionOption)> = Vec::new();

    // Keeping the owner: the goal and their missing tools, perhaps a mentor.
    let kept = standing(index, mission, owner);
    let kept_tools = gaps::tool_gaps(index, mission, owner);
    let (with_current, suggested) = verdict_if(team, index, mission, owner, mentor, true, true);
    let mut base: Vec<Change> = Vec::new();
    if goal {
        base.push(Change::Goal);
    }
    base.extend(
        kept_tools
            .iter()
            .map(|&tool| Change::Tool { tool, to: owner }),
    );
    if !base.is_empty() && rank(with_current) < now {
        let option = make(m, with_current, base.clone(), suggested);
        insert(&mut found, key_of(&option, 0), option);
    }
    if with_current == Verdict::AtRisk && kept.all_pairable && !kept.gaps.is_empty() {
        for x in top::mentors(team, index, lists, owner, &kept.gaps, suggestions_limit())
            .into_iter()
            .filter(|s| s.covers.len() == kept.gaps.len() && Some(s.person) != mentor)
        {
            let (v, suggested) =
                verdict_if(team, index, mission, owner, Some(x.person), true, true);
            if rank(v) < now && rank(v) < rank(with_current) {
                let mut changes = base.clone();
                changes.push(Change::Mentor { person: x.person });
                let option = make(m, v, changes, suggested);
                let mentor_rank = lists.mentor_rank[x.person];
                insert(&mut found, key_of(&option, mentor_rank), option);
            }
        }
    }
    // What the owner reaches with the goal written, the mentor as now and
    // none of a new owner's tools: handing the mission over must beat it.
    let kept_as_is = verdict_if(team, index, mission, owner, mentor, true, false).0;

    // Someone else: first everyone who could make it ready; then, unless
    // that already gives enough, everyone who could make it a stretch and
    // a few standing for those who hold none of the skills.
    let mut seen: Vec<PersonId> = Vec::new();
    // Mentors who cover each set of gaps (skill, need) met so far.
    let mut cover_cache: Vec<Covering> = Vec::new();
    for phase in [Phase::Ready, Phase::Rest] {
        if phase == Phase::Rest && found.len() == MAX_OPTIONS && found.iter().all(|(k, _)| k.0 == 0)
        {
            break;
        }
        let pool: Box<dyn Iterator<Item = PersonId>> = match phase {
            Phase::Ready => candidates(index, lists, mission, phase),
            Phase::Rest => {
                let mut pool: Vec<PersonId> = candidates(index, lists, mission, phase).collect();
                pool.sort_unstable();
                pool.dedup();
                pool.retain(|p| seen.binary_search(p).is_err());
                Box::new(pool.into_iter())
            }
        };
        for y in pool {
            if phase == Phase::Ready {
                // In rank order, and none with fewer changes than the best:
                // stop once nobody further on can enter the five.
                let best_from_here: Key =
                    (0, 1 + usize::from(goal), 1, true, 0, lists.owner_rank[y], 0);
                if !beats(&found, &best_from_here) {
                    break;
                }
                let at = seen.partition_point(|&p| p < y);
                seen.insert(at, y);
            }
            if y == owner || Some(y) == mentor {
                continue;
            }
            let (v, suggested) = verdict_if(team, index, mission, y, mentor, true, true);
            let tool_count = index.mission_tools[mission]
                .iter()
                .filter(|&&t| !index.has_tool(y, t))
                .count();
            let cost = gaps::cost(index, mission, y);
            let owner_rank = lists.owner_rank[y];
            let n = 1 + usize::from(goal) + tool_count;
            let plain: Key = (rank(v), n, 1, true, cost, owner_rank, 0);
            // With a new mentor too, at best a stretch with one more change.
            let paired = (v == Verdict::AtRisk && rank(Verdict::Stretch) < now).then_some((
                rank(Verdict::Stretch),
                n + 1,
                2,
                true,
                cost,
                owner_rank,
                0,
            ));
            let plain_counts = rank(v) < now && rank(kept_as_is) > rank(v) && beats(&found, &plain);
            let paired_counts = paired.is_some_and(|k| beats(&found, &k));
            if !plain_counts && !paired_counts {
                continue;
            }
            let mut changes = vec![Change::Owner { person: y }];
            if goal {
                changes.push(Change::Goal);
            }
            changes.extend(
                gaps::tool_gaps(index, mission, y)
                    .into_iter()
                    .map(|tool| Change::Tool { tool, to: y }),
            );
            if plain_counts {
                insert(&mut found, plain, make(m, v, changes.clone(), suggested));
            }
            if !paired_counts {
                continue;
            }
            let s = standing(index, mission, y);
            if s.gaps.is_empty() || !s.all_pairable {
                continue;
            }
            let covering = match cover_cache.iter().find(|(g, _)| *g == s.gaps) {
                Some((_, people)) => people.clone(),
                None => {
                    let people = mentors_covering(index, lists, &s.gaps);
                    cover_cache.push((s.gaps.clone(), people.clone()));
                    people
                }
            };
            let Some(x) = covering.into_iter().find(|&x| x != y && Some(x) != mentor) else {
                continue;
            };
            let (v, suggested) = verdict_if(team, index, mission, y, Some(x), true, true);
            let kept_with_x = verdict_if(team, index, mission, owner, Some(x), true, false).0;
            if v == Verdict::Stretch && rank(kept_with_x) > rank(v) {
                changes.push(Change::Mentor { person: x });
                let key = (1, n + 1, 2, true, cost, owner_rank, lists.mentor_rank[x]);
                insert(&mut found, key, make(m, v, changes, suggested));
            }
        }
    }
    found.into_iter().map(|(_, o)| o).collect()
}

type Covering = (Vec<(SkillId, u8)>, Vec<PersonId>);

/// Whether an option of this key would be among the best five so far.
fn beats(found: &[(Key, MissionOption)], key: &Key) -> bool {
    found.len() < MAX_OPTIONS || found.last().is_some_and(|(worst, _)| key < worst)
}

/// Keeps the best five, in order.
fn insert(found: &mut Vec<(Key, MissionOption)>, key: Key, option: MissionOption) {
    if beats(found, &key) {
        let at = found.partition_point(|(k, _)| *k <= key);
        found.insert(at, (key, option));
        found.truncate(MAX_OPTIONS);
    }
}

/// How many mentors are weighed for the kept owner.
fn suggestions_limit() -> usize {
    super::suggest::TOP
}

fn make(m: &Mission, verdict_after: Verdict, changes: Vec<Change>, suggested: u8) -> MissionOption {
    MissionOption {
        verdict_after,
        changes,
        delegation_above_suggestion: m.delegation.is_some_and(|d| d > suggested),
        suggested_delegation: suggested,
    }
}

fn key_of(option: &MissionOption, mentor_rank: u32) -> Key {
    (
        rank(option.verdict_after),
        option.changes.len(),
        option.people_changed(),
        false,
        0,
        0,
        mentor_rank,
    )
}

/// A few people who can still mentor and cover every gap (skill, need),
/// least busy first: from the shortest list of those who cover one.
fn mentors_covering(index: &Index, lists: &Lists, gaps: &[(SkillId, u8)]) -> Vec<PersonId> {
    let list =
        |&(skill, need): &(SkillId, u8)| &lists.mentors[skill][usize::from(cover_level(need) > 3)];
    let Some(shortest) = gaps.iter().min_by_key(|g| list(g).len()) else {
        return Vec::new();
    };
    list(shortest)
        .iter()
        .copied()
        .filter(|&p| gaps.iter().all(|&(s, n)| gaps::covers(index, p, s, n)))
        .take(3)
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Those who could make it ready.
    Ready,
    /// The rest worth weighing.
    Rest,
}

/// The people with spare capacity worth weighing as new owners. `Ready`:
/// everyone at the need in every needed skill (who could make it ready),
/// in owner rank order, so the walk can stop early; with no skill needed,
/// everyone. `Rest`: everyone within pairing reach of every need (who could
/// make it a stretch), and a few who hold none of the skills, standing for
/// all such (they differ only in tools).
fn candidates<'a>(
    index: &'a Index,
    lists: &'a Lists,
    mission: MissionId,
    phase: Phase,
) -> Box<dyn Iterator<Item = PersonId> + 'a> {
    let needs = &index.mission_skills[mission];
    let free = |p: PersonId| lists.owner_rank[p] != u32::MAX;
    let mut pool: Vec<PersonId> = Vec::new();
    match phase {
        Phase::Ready => {
            // Holders with spare capacity at the need, in rank order: the
            // list capped at the need, up to the first below it.
            let at_need = |&(skill, need): &(SkillId, u8)| {
                let list = &lists.owners[skill][usize::from(need.clamp(1, 4) - 1)];
                &list[..list.partition_point(|&(_, level)| level >= need)]
            };
            // Lazily: the walk stops early.
            return match needs.iter().map(at_need).min_by_key(|l| l.len()) {
                Some(shortest) => Box::new(
                    shortest
                        .iter()
                        .map(|&(p, _)| p)
                        .filter(move |&p| needs.iter().all(|&(s, n)| index.level(p, s) >= n)),
                ),
                None => Box::new(lists.by_rank.iter().copied()),
            };
        }
        Phase::Rest => {
            if needs.is_empty() {
                return Box::new(pool.into_iter());
            }
            let within = gaps::MAX_PAIRABLE_GAP;
            let level = |need: u8| need.saturating_sub(within).max(1);
            let far = needs.iter().filter(|&&(_, need)| need > within);
            match far.min_by_key(|&&(s, n)| index.holders_at(s, level(n)).len()) {
                Some(&(skill, need)) => pool.extend(
                    index
                        .holders_at(skill, level(need))
                        .iter()
                        .map(|&(p, _)| p)
                        .filter(|&p| free(p))
                        .filter(|&p| needs.iter().all(|&(s, n)| index.level(p, s) + within >= n)),
                ),
                None => {
                    // Every need is within pairing reach of anyone: those
                    // who hold one of them, and a few who hold none.
                    for &(skill, _) in needs {
                        pool.extend(
                            index.holders[skill]
                                .iter()
                                .map(|&(p, _)| p)
                                .filter(|&p| free(p)),
                        );
                    }
                }
            }
            representatives(index, lists, mission, &mut pool);
        }
    }
    Box::new(pool.into_iter())
}

/// How many of the people who hold none of a mission's skills stand for
/// them all: enough that one is left after leaving out the owner, the
/// mentor and a new mentor.
const STAND_INS: usize = 4;

/// A few people with spare capacity who hold none of the needed skills:
/// the first in rank order, and the first who hold every needed tool.
fn representatives(index: &Index, lists: &Lists, mission: MissionId, pool: &mut Vec<PersonId>) {
    let needs = &index.mission_skills[mission];
    let tools = &index.mission_tools[mission];
    let holds_none = |p: PersonId| needs.iter().all(|&(s, _)| index.level(p, s) == 0);
    pool.extend(
        lists
            .by_rank
            .iter()
            .copied()
            .filter(|&p| holds_none(p))
            .take(STAND_INS),
    );
    if let Some(&shortest) = tools.iter().min_by_key(|&&t| lists.tool_owners[t].len()) {
        pool.extend(
            lists.tool_owners[shortest]
                .iter()
                .copied()
                .filter(|&p| holds_none(p) && tools.iter().all(|&t| index.has_tool(p, t)))
                .take(STAND_INS),
        );
    }
}

#[cfg(test)]
mod tests;
