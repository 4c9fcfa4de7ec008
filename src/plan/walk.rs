//! A mission's cheapest possible owners without looking at everyone: a
//! threshold algorithm (Fagin's TA) over lists sorted best-first — the
//! holders of each needed skill and those who want it, each by their level
//! capped at the need and then by price, and the holders of each needed
//! tool. Walking the lists side by side bounds the score of everyone not
//! yet seen; the walk stops once nobody unseen can beat what it looks for.
//! Exact, and it reads the people at the top of a few lists, not everyone.

use crate::analysis::top::Lists;
use crate::analysis::{Index, MissionId, PersonId, SkillId, gaps};
use rustc_hash::FxHashMap as HashMap;

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
    /// Per skill, people with spare capacity who want it.
    wanting: Vec<Vec<PersonId>>,
    /// Per (wanted skill, another skill they hold), those people.
    wanting_holding: HashMap<(SkillId, SkillId), Vec<PersonId>>,
    /// The wanters of a needed skill as a walk reads them, made when first
    /// needed: by their gap² in it — and, when the mission needs another
    /// skill, in that one too, so that wanters who lack it come late —
    /// lowest first, then by price; and where the list starts once those
    /// taken at its head are skipped.
    wanters: HashMap<WantKey, (Vec<(PersonId, u8)>, usize)>,
    /// People no walk offers any more (see [`Walker::take`]), and where each
    /// list starts once those at its head are skipped for good.
    gone: Vec<bool>,
    holders_start: Vec<[usize; 4]>,
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
        let mut wanting_holding: HashMap<(SkillId, SkillId), Vec<PersonId>> = HashMap::default();
        for &p in lists.by_rank() {
            for &wanted in &index.person_wants[p] {
                for &(held, _) in &index.person_skills[p] {
                    if held != wanted {
                        wanting_holding.entry((wanted, held)).or_default().push(p);
                    }
                }
            }
        }
        let holders = (0..index.skills.len())
            .map(|skill| [1u8, 2, 3, 4].map(|need| lists.owners_at(skill, need).to_vec()))
            .collect();
        Walker {
            index,
            lists,
            scale,
            holders,
            wanting,
            wanting_holding,
            wanters: HashMap::default(),
            gone: vec![false; index.person_skills.len()],
            holders_start: vec![[0; 4]; index.skills.len()],
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
        for starts in &mut self.holders_start {
            *starts = [0; 4];
        }
        for (_, start) in self.wanters.values_mut() {
            *start = 0;
        }
        self.tools_start.fill(0);
    }

    /// Orders each level of every list by price, lowest first (equal
    /// prices keep their order): the walk's bound then knows the least
    /// price left at each level.
    pub fn order_by(&mut self, price: &[i64]) {
        for lists in &mut self.holders {
            for list in lists.iter_mut() {
                list.sort_by_key(|&(p, level)| (std::cmp::Reverse(level), price[p]));
            }
        }
        for (list, _) in self.wanters.values_mut() {
            list.sort_by_key(|&(p, gap)| (gap, price[p]));
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
            wanting,
            wanting_holding,
            wanters,
            gone,
            holders_start,
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
        // Each needed skill's wanters, paired with the other needed skill of
        // the highest need (if any): the keys first, then the lists.
        let keys: Vec<WantKey> = needs
            .iter()
            .map(|&(skill, need)| {
                let partner = needs
                    .iter()
                    .filter(|&&(other, _)| other != skill)
                    .max_by_key(|&&(other, need)| (need, std::cmp::Reverse(other)))
                    .copied();
                (skill, need, partner)
            })
            .collect();
        for &key in &keys {
            let (list, start) = wanters.entry(key).or_insert_with(|| {
                // With a partner, only those who hold it: the rest lack
                // it all (its need² as gap).
                let people = match key.2 {
                    None => &wanting[key.0][..],
                    Some((other, _)) => wanting_holding
                        .get(&(key.0, other))
                        .map_or(&[][..], Vec::as_slice),
                };
                (want_list(index, people, key, order), 0)
            });
            past_gone(list, start, gone);
        }
        let wanters = &*wanters;
        let want_lists: Vec<&[(PersonId, u8)]> = keys
            .iter()
            .map(|key| {
                let (list, start) = &wanters[key];
                &list[*start..]
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
            // A wanter unseen comes after the next one in its list: their
            // gap² there (in the skill, and the partner's) is at least its
            // own, and if equal their price at least its price.
            // A wanter who lacks the partner skill has its whole need² as
            // gap there.
            for (i, key) in keys.iter().enumerate() {
                let partner = key
                    .2
                    .and_then(|(other, _)| needs.iter().position(|&(s, _)| s == other));
                let covered = terms[i] + partner.map_or(0, |j| terms[j]);
                let rest = at_next - covered;
                if let Some(&(p, next_gap)) = want_lists[i].get(want_at[i]) {
                    let next_gap = i64::from(next_gap);
                    let here = (scale.cost * (rest + covered.max(next_gap) + lacking)
                        + order[p].max(floor))
                    .min(scale.cost * (rest + covered.max(next_gap + 1) + lacking) + floor);
                    least = least.min(here);
                }
                if let (Some(_), Some((_, need_j))) = (partner, key.2) {
                    let lacks = terms[i] + gap(need_j, 0);
                    least = least.min(scale.cost * (rest + covered.max(lacks) + lacking) + floor);
                }
            }
            if done(least, best) {
                return;
            }
        }
        // Everyone unseen now holds none of the skills: only a tool, or
        // wanting one of the skills (the wanters read above were those who
        // hold the partner skill), can make them cheaper than the most
        // anyone costs.
        let all_skills: i64 = needs.iter().map(|&(_, need)| gap(need, 0)).sum();
        let wanting_lists: Vec<&[PersonId]> = keys
            .iter()
            .filter(|key| key.2.is_some())
            .map(|key| wanting[key.0].as_slice())
            .collect();
        let mut wanting_at = vec![0usize; wanting_lists.len()];
        loop {
            let mut read = false;
            for (at, list) in tool_at.iter_mut().zip(&tool_lists) {
                if let Some(&p) = list.get(*at) {
                    *at += 1;
                    read = true;
                    offer(p, best);
                }
            }
            for (at, list) in wanting_at.iter_mut().zip(&wanting_lists) {
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
            let wanted = wanting_lists
                .iter()
                .zip(&wanting_at)
                .any(|(list, &at)| at < list.len());
            let least =
                scale.cost * (all_skills + 2 * missing) + if wanted { 0 } else { scale.growth };
            if done(least + floor, best) {
                return;
            }
        }
    }
}

/// A needed skill (and its need) whose wanters a walk reads, with the
/// mission's other skill of the highest need, if any.
type WantKey = (SkillId, u8, Option<(SkillId, u8)>);

/// The wanters of a skill by their gap² in it and in the partner skill,
/// lowest first, then by `order`.
fn want_list(
    index: &Index,
    wanting: &[PersonId],
    (skill, need, partner): WantKey,
    order: &[i64],
) -> Vec<(PersonId, u8)> {
    let gap = |need: u8, level: u8| need.saturating_sub(level).pow(2);
    let mut list: Vec<(PersonId, u8)> = wanting
        .iter()
        .map(|&p| {
            let own = gap(need, index.level(p, skill));
            let other = partner.map_or(0, |(other, need)| gap(need, index.level(p, other)));
            (p, own + other)
        })
        .collect();
    list.sort_by_key(|&(p, gap)| (gap, order[p]));
    list
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
