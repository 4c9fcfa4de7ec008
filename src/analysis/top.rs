//! The top suggestions without looking at everyone: a threshold algorithm
//! over lists sorted best-first (Fagin's TA). Each needed skill has its
//! candidates sorted so that the best come first; walking the lists side by
//! side gives a bound on everyone not yet seen, and the walk stops as soon
//! as nobody unseen can beat the third best. Exact — the same answer as
//! ranking everyone — but it looks at a few dozen people, not thousands,
//! so `check` grows linearly with the team.

use std::cmp::Reverse;

use super::gaps::{self, SkillGap, cover_level};
use super::index::{Index, MissionId, PersonId, SkillId};
use super::suggest::{MentorSuggestion, OwnerSuggestion, TOP, spare};
use crate::model::{MAX_SKILL, Team};

/// Candidates sorted best-first, built once per analysis on first use.
#[derive(Clone, Debug, Default)]
pub struct Lists {
    /// Each person's place in the order of equal-cost owners: most spare
    /// capacity, then name; `u32::MAX` for people with no spare capacity.
    pub(super) owner_rank: Vec<u32>,
    /// People with spare capacity, in owner rank order.
    pub(super) by_rank: Vec<PersonId>,
    /// Per skill and per need (1 to 4), holders with spare capacity: highest
    /// level first counting any level above the need as the need (all are
    /// as good), then rank. Without that cap the walk could not stop while
    /// it is among people above the need.
    pub(super) owners: Vec<[Vec<(PersonId, u8)>; 4]>,
    /// Per tool, holders with spare capacity, in rank order.
    pub(super) tool_owners: Vec<Vec<PersonId>>,
    /// Per skill, people who can still mentor at level ≥ 3 and at level 4,
    /// least busy first, then by name.
    pub(super) mentors: Vec<[Vec<PersonId>; 2]>,
    /// A person's place among mentors of equal coverage: fewest mentored,
    /// then name.
    pub(super) mentor_rank: Vec<u32>,
    /// A person's place in name order (ties by their place in the file).
    name_rank: Vec<u32>,
}

impl Lists {
    pub fn new(team: &Team, index: &Index) -> Self {
        let by_rank = super::suggest::by_spare_capacity(team, index);
        let mut owner_rank = vec![u32::MAX; team.people.len()];
        for (rank, &p) in by_rank.iter().enumerate() {
            owner_rank[p] = rank as u32;
        }
        let mut by_mentoring: Vec<PersonId> = (0..team.people.len()).collect();
        by_mentoring.sort_by(|&a, &b| {
            index.mentoring[a]
                .cmp(&index.mentoring[b])
                .then_with(|| team.people[a].name.cmp(&team.people[b].name))
                .then(a.cmp(&b))
        });
        let mut mentor_rank = vec![0u32; team.people.len()];
        for (rank, &p) in by_mentoring.iter().enumerate() {
            mentor_rank[p] = rank as u32;
        }
        let mut by_name: Vec<PersonId> = (0..team.people.len()).collect();
        by_name.sort_by(|&a, &b| {
            team.people[a]
                .name
                .cmp(&team.people[b].name)
                .then(a.cmp(&b))
        });
        let mut name_rank = vec![0u32; team.people.len()];
        for (rank, &p) in by_name.iter().enumerate() {
            name_rank[p] = rank as u32;
        }
        let owners = index
            .holders
            .iter()
            .map(|holders| {
                [1u8, 2, 3, 4].map(|need| {
                    let mut list: Vec<(PersonId, u8)> = holders
                        .iter()
                        .filter(|&&(p, _)| owner_rank[p] != u32::MAX)
                        .map(|&(p, level)| (p, level.min(need)))
                        .collect();
                    list.sort_unstable_by_key(|&(p, level)| (Reverse(level), owner_rank[p]));
                    list
                })
            })
            .collect();
        let tool_owners = index
            .tool_holders
            .iter()
            .map(|holders| {
                let mut list: Vec<PersonId> = holders
                    .iter()
                    .copied()
                    .filter(|&p| owner_rank[p] != u32::MAX)
                    .collect();
                list.sort_unstable_by_key(|&p| owner_rank[p]);
                list
            })
            .collect();
        let can_mentor = |p: PersonId| index.mentoring[p] < team.people[p].mentor_capacity;
        let mentors = (0..index.skills.len())
            .map(|skill| {
                [3, MAX_SKILL].map(|level| {
                    let mut list: Vec<PersonId> = index
                        .holders_at(skill, level)
                        .iter()
                        .map(|&(p, _)| p)
                        .filter(|&p| can_mentor(p))
                        .collect();
                    list.sort_unstable_by_key(|&p| mentor_rank[p]);
                    list
                })
            })
            .collect();
        Lists {
            owner_rank,
            by_rank,
            owners,
            tool_owners,
            mentors,
            mentor_rank,
            name_rank,
        }
    }
}

impl Lists {
    /// People with spare capacity, in owner rank order (most spare, then name).
    pub fn by_rank(&self) -> &[PersonId] {
        &self.by_rank
    }

    /// Holders of a skill with spare capacity, best first for a need: level
    /// capped at the need (the level returned), then rank.
    pub fn owners_at(&self, skill: SkillId, need: u8) -> &[(PersonId, u8)] {
        &self.owners[skill][usize::from(need.clamp(1, 4) - 1)]
    }

    /// Holders of a tool with spare capacity, in rank order.
    pub fn tool_owners(&self, tool: super::index::ToolId) -> &[PersonId] {
        &self.tool_owners[tool]
    }
}

/// The best `limit` (at most [`TOP`]) by key, kept sorted.
struct Best<K: Ord> {
    items: Vec<(K, PersonId)>,
    limit: usize,
}

impl<K: Ord> Best<K> {
    fn new(limit: usize) -> Self {
        Best {
            items: Vec::with_capacity(limit + 1),
            limit,
        }
    }

    fn offer(&mut self, key: K, person: PersonId) {
        if self.items.iter().any(|(_, p)| *p == person) {
            return;
        }
        if self.items.len() < self.limit || key < self.items[self.items.len() - 1].0 {
            let at = self.items.partition_point(|(k, _)| *k < key);
            self.items.insert(at, (key, person));
            self.items.truncate(self.limit);
        }
    }

    /// The key to beat: the last kept, once the list is full.
    fn worst(&self) -> Option<&K> {
        (self.items.len() == self.limit).then(|| &self.items[self.items.len() - 1].0)
    }
}

/// The top owners of an unassigned mission: lowest cost, then most spare
/// capacity, then name — exactly as ranking everyone with spare capacity.
pub fn owners(
    team: &Team,
    index: &Index,
    lists: &Lists,
    mission: MissionId,
) -> Vec<OwnerSuggestion> {
    let mentor = index.mentor[mission];
    let needs = &index.mission_skills[mission];
    let rank = &lists.owner_rank;
    let holds_a_need = |p: PersonId| needs.iter().any(|&(s, _)| index.level(p, s) > 0);
    let mut best: Best<(u32, u32)> = Best::new(TOP);
    // (a) People who hold a needed skill: walk the skill lists side by side.
    let list = |skill: SkillId, need: u8| &lists.owners[skill][usize::from(need.clamp(1, 4) - 1)];
    let mut cursors = vec![0usize; needs.len()];
    loop {
        let mut advanced = false;
        for (i, &(skill, need)) in needs.iter().enumerate() {
            if let Some(&(p, _)) = list(skill, need).get(cursors[i]) {
                cursors[i] += 1;
                advanced = true;
                if Some(p) != mentor {
                    best.offer((gaps::cost(index, mission, p), rank[p]), p);
                }
            }
        }
        if !advanced {
            break;
        }
        // Nobody unseen is above the cursor's level in any list.
        let mut bound = 0u32;
        let mut rank_bound = 0u32;
        for (i, &(skill, need)) in needs.iter().enumerate() {
            let (level, at) = list(skill, need)
                .get(cursors[i])
                .map_or((0, u32::MAX), |&(p, l)| (l, rank[p]));
            bound += u32::from(need.saturating_sub(level)).pow(2);
            // Someone unseen at exactly that cost has the cursor's (capped)
            // level here, so comes after it in rank.
            if level > 0 {
                rank_bound = rank_bound.max(at);
            }
        }
        if let Some(&(cost, r)) = best.worst()
            && (cost < bound || (cost == bound && r < rank_bound))
        {
            break;
        }
    }
    // (b) People with a needed tool but none of the skills: in rank order,
    // so the first with the least cost this walk can give are the best.
    // Not needed when three skill holders already cost less than any of them.
    let max = gaps::max_cost(index, mission);
    let least = max - 2 * index.mission_tools[mission].len() as u32;
    let beaten = |best: &Best<(u32, u32)>, cost: u32| best.worst().is_some_and(|&(c, _)| c < cost);
    for &tool in &index.mission_tools[mission] {
        if beaten(&best, least) {
            break;
        }
        let mut found = 0;
        for &p in &lists.tool_owners[tool] {
            if Some(p) == mentor || holds_a_need(p) {
                continue;
            }
            let cost = gaps::cost(index, mission, p);
            best.offer((cost, rank[p]), p);
            found += usize::from(cost == least);
            if found >= TOP {
                break;
            }
        }
    }
    // (c) Everyone else costs the most; the first few by rank suffice.
    if beaten(&best, max) {
        return best
            .items
            .into_iter()
            .map(|((cost, _), p)| describe_owner(team, index, lists, mission, p, cost))
            .collect();
    }
    let holds_a_tool = |p: PersonId| {
        index.mission_tools[mission]
            .iter()
            .any(|&t| index.has_tool(p, t))
    };
    lists
        .by_rank
        .iter()
        .copied()
        .filter(|&p| Some(p) != mentor && !holds_a_need(p) && !holds_a_tool(p))
        .take(TOP)
        .for_each(|p| best.offer((max, rank[p]), p));
    best.items
        .into_iter()
        .map(|((cost, _), p)| describe_owner(team, index, lists, mission, p, cost))
        .collect()
}

pub(super) fn describe_owner(
    team: &Team,
    index: &Index,
    lists: &Lists,
    mission: MissionId,
    person: PersonId,
    cost: u32,
) -> OwnerSuggestion {
    let mentor = index.mentor[mission];
    let skill_gaps = gaps::skill_gaps(index, mission, person, mentor);
    let tool_gaps = gaps::tool_gaps(index, mission, person);
    let stretch_with = if skill_gaps.is_empty()
        || !tool_gaps.is_empty()
        || skill_gaps.iter().any(SkillGap::is_wide)
    {
        None
    } else if skill_gaps.iter().all(SkillGap::is_covered) {
        mentor
    } else {
        let all: Vec<(SkillId, u8)> = skill_gaps.iter().map(|g| (g.skill, g.need)).collect();
        mentors(team, index, lists, person, &all, 1)
            .into_iter()
            .find(|s| s.covers.len() == all.len())
            .map(|s| s.person)
    };
    let wants = index.mission_skills[mission]
        .iter()
        .map(|&(skill, _)| skill)
        .filter(|skill| index.person_wants[person].contains(skill))
        .collect();
    OwnerSuggestion {
        person,
        cost,
        spare: spare(team, index, person),
        skill_gaps,
        tool_gaps,
        stretch_with,
        wants,
    }
}

/// The top `limit` mentors for an owner's `uncovered` gaps (skill, need):
/// most gaps covered, then people the owner turns to, then the least busy,
/// then name — exactly as ranking everyone who can still mentor.
pub fn mentors(
    team: &Team,
    index: &Index,
    lists: &Lists,
    owner: PersonId,
    uncovered: &[(SkillId, u8)],
    limit: usize,
) -> Vec<MentorSuggestion> {
    mentors_counting(
        team,
        index,
        lists,
        &index.mentoring,
        owner,
        uncovered,
        limit,
    )
}

/// As [`mentors`], counting `mentoring` (each person's mentoring now, never
/// below the analysis's: the plan hands out mentoring as it goes).
pub fn mentors_counting(
    team: &Team,
    index: &Index,
    lists: &Lists,
    mentoring: &[u32],
    owner: PersonId,
    uncovered: &[(SkillId, u8)],
    limit: usize,
) -> Vec<MentorSuggestion> {
    let covers = |p: PersonId| -> Vec<SkillId> {
        uncovered
            .iter()
            .filter(|&&(skill, need)| gaps::covers(index, p, skill, need))
            .map(|&(skill, _)| skill)
            .collect()
    };
    let can_mentor = |p: PersonId| p != owner && mentoring[p] < team.people[p].mentor_capacity;
    let turns_to = &index.person_turns_to[owner];
    let key = |p: PersonId, count: usize| {
        (
            Reverse(count),
            !turns_to.contains(&p),
            (mentoring[p], lists.name_rank[p]),
        )
    };
    let mut best: Best<(Reverse<usize>, bool, (u32, u32))> = Best::new(limit);
    // The people the owner turns to come first among equals: weigh them all.
    for &p in turns_to.iter().filter(|&&p| can_mentor(p)) {
        let count = covers(p).len();
        if count > 0 {
            best.offer(key(p, count), p);
        }
    }
    let list =
        |&(skill, need): &(SkillId, u8)| &lists.mentors[skill][usize::from(cover_level(need) > 3)];
    let mut cursors = vec![0usize; uncovered.len()];
    loop {
        let mut advanced = false;
        for (i, gap) in uncovered.iter().enumerate() {
            if let Some(&p) = list(gap).get(cursors[i]) {
                cursors[i] += 1;
                advanced = true;
                if can_mentor(p) {
                    best.offer(key(p, covers(p).len()), p);
                }
            }
        }
        if !advanced {
            break;
        }
        // Someone unseen covers at most the gaps whose lists go on, and
        // comes after every cursor in the lists they are in (the lists are
        // in the analysis's order; mentoring only grows since).
        let open: Vec<(u32, u32)> = uncovered
            .iter()
            .enumerate()
            .filter_map(|(i, gap)| {
                list(gap)
                    .get(cursors[i])
                    .map(|&p| (index.mentoring[p], lists.name_rank[p]))
            })
            .collect();
        // Someone unseen covering every open gap is in every open list,
        // after every cursor; covering fewer ranks lower whatever their
        // place. So nobody unseen beats (all open gaps, the last cursor).
        let Some(&last) = open.iter().max() else {
            break;
        };
        let bound = (Reverse(open.len()), true, last);
        if best.worst().is_some_and(|worst| *worst < bound) {
            break;
        }
    }
    best.items
        .into_iter()
        .map(|(_, person)| MentorSuggestion {
            person,
            covers: covers(person),
        })
        .collect()
}
