//! A mission's cheapest possible owners without looking at everyone: a
//! threshold algorithm (Fagin's TA) over lists sorted best-first — the
//! holders of each needed skill and those who want it, each by their level
//! capped at the need and then by price, and the holders of each needed
//! tool. Walking the lists side by side bounds the score of everyone not
//! yet seen; the walk stops once nobody unseen can beat what it looks for.
//! Exact, and it reads the people at the top of a few lists, not everyone.

use crate::analysis::top::Lists;
use crate::analysis::{Index, MissionId, PersonId, gaps};

/// What a person costs as a mission's owner, on the plan's scale: a point
/// of real cost outweighs every growth pick, a growth pick every spread.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub cost: i64,
    pub growth: i64,
}

/// The lists a walk reads, built once per plan.
pub struct Walker<'a> {
    index: &'a Index,
    lists: &'a Lists,
    scale: Scale,
    /// Per skill and need (1 to 4), holders with spare capacity, highest
    /// level first (capped at the need), then lowest price.
    holders: Vec<[Vec<(PersonId, u8)>; 4]>,
    /// Per skill and need (1 to 4), people with spare capacity who want
    /// it, highest level first (capped at the need), then lowest price.
    wanters: Vec<[Vec<(PersonId, u8)>; 4]>,
    /// People no walk offers any more (see [`Walker::take`]), and where each
    /// list starts once those at its head are skipped for good.
    gone: Vec<bool>,
    holders_start: Vec<[usize; 4]>,
    wanters_start: Vec<[usize; 4]>,
    tools_start: Vec<usize>,
    /// Who the current walk has seen: `seen[p] == stamp`.
    seen: Vec<u32>,
    stamp: u32,
}

impl<'a> Walker<'a> {
    pub fn new(index: &'a Index, lists: &'a Lists, scale: Scale) -> Self {
        let mut wanting: Vec<Vec<PersonId>> = vec![Vec::new(); index.skills.len()];
        for &p in lists.by_rank() {
            for &skill in &index.person_wants[p] {
                wanting[skill].push(p);
            }
        }
        let wanters = wanting
            .iter()
            .enumerate()
            .map(|(skill, people)| {
                [1u8, 2, 3, 4].map(|need| {
                    let mut list: Vec<(PersonId, u8)> = people
                        .iter()
                        .map(|&p| (p, index.level(p, skill).min(need)))
                        .collect();
                    // Stable: equal levels stay in rank order.
                    list.sort_by_key(|&(_, level)| std::cmp::Reverse(level));
                    list
                })
            })
            .collect();
        let holders = (0..index.skills.len())
            .map(|skill| [1u8, 2, 3, 4].map(|need| lists.owners_at(skill, need).to_vec()))
            .collect();
        Walker {
            index,
            lists,
            scale,
            holders,
            wanters,
            gone: vec![false; index.person_skills.len()],
            holders_start: vec![[0; 4]; index.skills.len()],
            wanters_start: vec![[0; 4]; index.skills.len()],
            tools_start: vec![0; index.tools.len()],
            seen: vec![0; index.person_skills.len()],
            stamp: 0,
        }
    }

    /// Leaves someone out of every walk from now on (until [`Walker::back`]).
    pub fn take(&mut self, person: PersonId) {
        self.gone[person] = true;
    }

    /// Everyone is offered again.
    pub fn back(&mut self) {
        self.gone.fill(false);
        for starts in self
            .holders_start
            .iter_mut()
            .chain(self.wanters_start.iter_mut())
        {
            *starts = [0; 4];
        }
        self.tools_start.fill(0);
    }

    /// Orders each level of every list by price, lowest first (equal
    /// prices keep their order): the walk's bound then knows the least
    /// price left at each level.
    pub fn order_by(&mut self, price: &[i64]) {
        for lists in self.holders.iter_mut().chain(self.wanters.iter_mut()) {
            for list in lists.iter_mut() {
                list.sort_by_key(|&(p, level)| (std::cmp::Reverse(level), price[p]));
            }
        }
    }

    /// Whether a person wants one of a mission's skills.
    pub fn wants(&self, mission: MissionId, person: PersonId) -> bool {
        wants(self.index, mission, person)
    }

    /// A person's cost as the mission's owner, scaled (growth included).
    pub fn base(&self, mission: MissionId, person: PersonId) -> i64 {
        base(self.index, self.scale, mission, person)
    }

    /// The highest base anyone can have for the mission (holding none of
    /// its skills or tools and wanting none of them).
    pub fn most(&self, mission: MissionId) -> i64 {
        self.scale.cost * i64::from(gaps::max_cost(self.index, mission)) + self.scale.growth
    }

    /// Into `best`, the (at most) `k` people with spare capacity with the
    /// least `base + price[p]` under `below`, lowest first, leaving out
    /// those `skip` names and those who hold none of the mission's skills
    /// or tools and want none of its skills (all of whom cost [`most`]: the
    /// plan reaches them another way). The lists must be ordered by
    /// `order` (see [`order_by`]), no higher than `price`; `floor` is no
    /// higher than anyone's price.
    ///
    /// [`order_by`]: Walker::order_by
    ///
    /// [`most`]: Walker::most
    pub fn cheapest(
        &mut self,
        mission: MissionId,
        k: usize,
        below: i64,
        (price, order, floor): (&[i64], &[i64], i64),
        skip: impl Fn(PersonId) -> bool,
        best: &mut Vec<(i64, PersonId)>,
    ) {
        best.clear();
        if k == 0 {
            return;
        }
        self.stamp += 1;
        let Walker {
            index,
            lists,
            scale,
            holders,
            wanters,
            gone,
            holders_start,
            wanters_start,
            tools_start,
            seen,
            stamp,
        } = self;
        // Those taken at the head of a list are skipped once and for all.
        let skip_gone = |list, start: &mut usize| past_gone(list, start, gone);
        let (index, scale, stamp) = (*index, *scale, *stamp);
        let needs = &index.mission_skills[mission];
        let slot = |need: u8| usize::from(need.clamp(1, 4) - 1);
        let skill_lists: Vec<&[(PersonId, u8)]> = needs
            .iter()
            .map(|&(skill, need)| {
                skip_gone(
                    &holders[skill][slot(need)],
                    &mut holders_start[skill][slot(need)],
                )
            })
            .collect();
        let want_lists: Vec<&[(PersonId, u8)]> = needs
            .iter()
            .map(|&(skill, need)| {
                skip_gone(
                    &wanters[skill][slot(need)],
                    &mut wanters_start[skill][slot(need)],
                )
            })
            .collect();
        let tool_lists: Vec<&[PersonId]> = index.mission_tools[mission]
            .iter()
            .map(|&t| {
                let list = lists.tool_owners(t);
                let start = &mut tools_start[t];
                while list.get(*start).is_some_and(|&p| gone[p]) {
                    *start += 1;
                }
                &list[*start..]
            })
            .collect();
        let mut skill_at = vec![0usize; needs.len()];
        let mut want_at = vec![0usize; needs.len()];
        let mut tool_at = vec![0usize; tool_lists.len()];
        let mut offer = |p: PersonId, best: &mut Vec<(i64, PersonId)>| {
            if seen[p] == stamp {
                return;
            }
            seen[p] = stamp;
            if !gone[p] && !skip(p) {
                let score = base(index, scale, mission, p) + price[p];
                if score < below {
                    keep(best, k, score, p);
                }
            }
        };
        let gap = |need: u8, level: u8| i64::from(need.saturating_sub(level)).pow(2);
        let done = |bound: i64, best: &Vec<(i64, PersonId)>| {
            bound >= below || (best.len() == k && best[k - 1].0 <= bound)
        };
        // First those who hold or want a needed skill.
        loop {
            let mut read = false;
            for (at, list) in skill_at.iter_mut().zip(&skill_lists) {
                if let Some(&(p, _)) = list.get(*at) {
                    *at += 1;
                    read = true;
                    offer(p, best);
                }
            }
            for (at, list) in want_at.iter_mut().zip(&want_lists) {
                if let Some(&(p, _)) = list.get(*at) {
                    *at += 1;
                    read = true;
                    offer(p, best);
                }
            }
            if !read {
                break;
            }
            // Tools' holders alongside: once a tool's are all seen (or it
            // has none), everyone unseen lacks it.
            for (at, list) in tool_at.iter_mut().zip(&tool_lists) {
                if let Some(&p) = list.get(*at) {
                    *at += 1;
                    offer(p, best);
                }
            }
            let lacking = 2 * tool_lists
                .iter()
                .zip(&tool_at)
                .filter(|(list, at)| **at >= list.len())
                .count() as i64;
            // The least score anyone unseen can have. In each skill's list
            // they come after the next one: their level is at most its
            // level, and if equal their price is at least its price. So
            // either they are at the next level somewhere (that price or
            // more), or below it everywhere (a level less in each). One who
            // wants a skill is also bound by its wanters' list the same way
            // and pays no growth; one who wants none pays it. Tools whose
            // holders are all seen are missing.
            let next = |list: &[(PersonId, u8)], at: usize| {
                list.get(at).map(|&(p, level)| (level, order[p]))
            };
            let mut at_next = 0i64;
            let mut below_next = 0i64;
            let mut least_price = i64::MAX;
            let mut terms = Vec::with_capacity(needs.len());
            for (&(_, need), (list, &at)) in needs.iter().zip(skill_lists.iter().zip(&skill_at)) {
                match next(list, at) {
                    Some((level, price)) => {
                        at_next += gap(need, level);
                        below_next += gap(need, level - 1);
                        least_price = least_price.min(price);
                        terms.push(gap(need, level));
                    }
                    None => {
                        at_next += gap(need, 0);
                        below_next += gap(need, 0);
                        terms.push(gap(need, 0));
                    }
                }
            }
            let mut least = (scale.cost * (at_next + lacking))
                .saturating_add(least_price.max(floor))
                .min(scale.cost * (below_next + lacking) + floor)
                + scale.growth;
            for (i, &(_, need)) in needs.iter().enumerate() {
                if let Some((level, price)) = next(want_lists[i], want_at[i]) {
                    let others = at_next - terms[i];
                    let at_level = terms[i].max(gap(need, level));
                    let lower = terms[i].max(gap(need, level.saturating_sub(1)));
                    let here = (scale.cost * (others + at_level + lacking) + price.max(floor))
                        .min(scale.cost * (others + lower + lacking) + floor);
                    least = least.min(here);
                }
            }
            if done(least, best) {
                return;
            }
        }
        // Everyone unseen now holds and wants none of the skills: only a
        // tool can make them cheaper than the most anyone costs.
        let all_skills: i64 = needs.iter().map(|&(_, need)| gap(need, 0)).sum();
        loop {
            let mut read = false;
            for (at, list) in tool_at.iter_mut().zip(&tool_lists) {
                if let Some(&p) = list.get(*at) {
                    *at += 1;
                    read = true;
                    offer(p, best);
                }
            }
            if !read {
                return;
            }
            let missing = tool_lists
                .iter()
                .zip(&tool_at)
                .filter(|(list, at)| **at >= list.len())
                .count() as i64;
            let least = scale.cost * (all_skills + 2 * missing) + scale.growth;
            if done(least + floor, best) {
                return;
            }
        }
    }
}

/// A list from its first person not gone, moving `start` there for good.
fn past_gone<'l>(
    list: &'l [(PersonId, u8)],
    start: &mut usize,
    gone: &[bool],
) -> &'l [(PersonId, u8)] {
    while list.get(*start).is_some_and(|&(p, _)| gone[p]) {
        *start += 1;
    }
    &list[*start..]
}

fn wants(index: &Index, mission: MissionId, person: PersonId) -> bool {
    index.mission_skills[mission]
        .iter()
        .any(|(skill, _)| index.person_wants[person].contains(skill))
}

fn base(index: &Index, scale: Scale, mission: MissionId, person: PersonId) -> i64 {
    scale.cost * i64::from(gaps::cost(index, mission, person))
        + if wants(index, mission, person) {
            0
        } else {
            scale.growth
        }
}

/// Keeps `best` the `k` lowest scores, sorted.
fn keep(best: &mut Vec<(i64, PersonId)>, k: usize, score: i64, person: PersonId) {
    if best.len() == k && score >= best[k - 1].0 {
        return;
    }
    let at = best.partition_point(|&(s, _)| s <= score);
    best.insert(at, (score, person));
    best.truncate(k);
}
