//! Who should pair with an owner, and who should take an unassigned
//! mission. (SPEC §3 "Mentor suggestions", "Owner suggestions")

use std::cmp::Reverse;
use std::collections::HashMap;

use super::gaps::{self, SkillGap, cover_level};
use super::index::{Index, MissionId, PersonId, SkillId, ToolId};
use crate::model::Team;

/// How many suggestions are shown.
pub const TOP: usize = 3;

/// A colleague who could pair with the owner, and the gaps they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentorSuggestion {
    pub person: PersonId,
    pub covers: Vec<SkillId>,
}

/// Everyone who could mentor `owner` on the `uncovered` gaps (skill, need),
/// best first: most gaps covered, then people the owner turns to, then the
/// least busy mentor, then by name. `mentoring` counts active missions each
/// person mentors (the plan passes its own running count).
pub fn rank_mentors(
    team: &Team,
    index: &Index,
    mentoring: &[u32],
    owner: PersonId,
    uncovered: &[(SkillId, u8)],
) -> Vec<MentorSuggestion> {
    let mut covers: HashMap<PersonId, Vec<SkillId>> = HashMap::new();
    for &(skill, need) in uncovered {
        for &(person, _) in index.holders_at(skill, cover_level(need)) {
            if person != owner && mentoring[person] < team.people[person].mentor_capacity {
                covers.entry(person).or_default().push(skill);
            }
        }
    }
    let turns_to = &index.person_turns_to[owner];
    let mut ranked: Vec<MentorSuggestion> = covers
        .into_iter()
        .map(|(person, covers)| MentorSuggestion { person, covers })
        .collect();
    ranked.sort_by_cached_key(|s| {
        (
            Reverse(s.covers.len()),
            !turns_to.contains(&s.person),
            mentoring[s.person],
            team.people[s.person].name.as_str(),
            s.person,
        )
    });
    ranked
}

/// Someone who could take an unassigned mission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerSuggestion {
    pub person: PersonId,
    /// Σ gap² + 2 × tool gaps.
    pub cost: u32,
    /// Missions they could still take on.
    pub spare: u32,
    pub skill_gaps: Vec<SkillGap>,
    pub tool_gaps: Vec<ToolId>,
    /// A *stretch* pick: this mentor would cover every gap.
    pub stretch_with: Option<PersonId>,
    /// Needed skills they want to grow in.
    pub wants: Vec<SkillId>,
}

/// People with spare capacity, most spare first, then by name: the order
/// of equally costly candidates.
pub fn by_spare_capacity(team: &Team, index: &Index) -> Vec<PersonId> {
    let mut people: Vec<PersonId> = (0..team.people.len())
        .filter(|&p| spare(team, index, p) > 0)
        .collect();
    people.sort_by(|&a, &b| {
        spare(team, index, b)
            .cmp(&spare(team, index, a))
            .then_with(|| team.people[a].name.cmp(&team.people[b].name))
            .then(a.cmp(&b))
    });
    people
}

/// Missions a person could still take on.
pub fn spare(team: &Team, index: &Index, person: PersonId) -> u32 {
    team.people[person]
        .capacity
        .saturating_sub(index.load[person])
}

/// Everyone as a possible owner, for the app's picker: people with spare
/// capacity first, ranked as owner suggestions are; then those already
/// full, by cost. Each with their cost and spare capacity.
pub fn rank_all_owners(
    team: &Team,
    index: &Index,
    mission: MissionId,
) -> Vec<(PersonId, u32, u32)> {
    let mut all: Vec<(PersonId, u32, u32)> = (0..team.people.len())
        .filter(|&p| Some(p) != index.mentor[mission])
        .map(|p| (p, gaps::cost(index, mission, p), spare(team, index, p)))
        .collect();
    all.sort_by(|a, b| {
        (b.2 > 0)
            .cmp(&(a.2 > 0))
            .then(a.1.cmp(&b.1))
            .then(b.2.cmp(&a.2))
            .then_with(|| team.people[a.0].name.cmp(&team.people[b.0].name))
            .then(a.0.cmp(&b.0))
    });
    all
}

/// A possible mentor for the picker: the owner's gaps they cover, and
/// whether they have room to mentor another mission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentorCandidate {
    pub person: PersonId,
    pub covers: Vec<SkillId>,
    pub available: bool,
}

/// Everyone but the owner as a possible mentor: those with room first,
/// ranked as mentor suggestions are (the mission's gaps — or, with no
/// owner yet, its needs — they cover); people who cover nothing last.
pub fn rank_all_mentors(team: &Team, index: &Index, mission: MissionId) -> Vec<MentorCandidate> {
    let owner = index.owner[mission];
    let needs: Vec<(SkillId, u8)> = match owner {
        Some(o) => gaps::skill_gaps(index, mission, o, None)
            .iter()
            .map(|g| (g.skill, g.need))
            .collect(),
        None => index.mission_skills[mission].clone(),
    };
    let turns_to: &[PersonId] = owner.map_or(&[], |o| &index.person_turns_to[o]);
    let mut all: Vec<MentorCandidate> = (0..team.people.len())
        .filter(|&p| Some(p) != owner)
        .map(|p| MentorCandidate {
            person: p,
            covers: needs
                .iter()
                .filter(|&&(skill, need)| gaps::covers(index, p, skill, need))
                .map(|&(skill, _)| skill)
                .collect(),
            available: index.mentoring[p] < team.people[p].mentor_capacity
                || index.mentor[mission] == Some(p),
        })
        .collect();
    all.sort_by_cached_key(|c| {
        (
            !c.available,
            Reverse(c.covers.len()),
            !turns_to.contains(&c.person),
            index.mentoring[c.person],
            team.people[c.person].name.clone(),
            c.person,
        )
    });
    all
}
