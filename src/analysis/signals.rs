//! Team signals: load, isolation, mentor overload, single points of
//! knowledge. (SPEC §3 "Team signals")

use super::index::{Index, MissionId, PersonId, SkillId};
use crate::model::Team;

/// Below this level a person does not count as holding a skill.
pub const HOLDER_LEVEL: u8 = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonReport {
    /// Active missions they own.
    pub owns: Vec<MissionId>,
    /// Active missions they mentor.
    pub mentors: Vec<MissionId>,
    /// Owns more active missions than their capacity.
    pub overloaded: bool,
    /// Mentors more active missions than their mentor capacity.
    pub mentor_overloaded: bool,
    /// Owns active work, turns to nobody, and has no mentor on any of it.
    pub isolated: bool,
}

impl PersonReport {
    pub fn load(&self) -> u32 {
        self.owns.len() as u32
    }

    pub fn mentoring(&self) -> u32 {
        self.mentors.len() as u32
    }
}

pub fn people(team: &Team, index: &Index) -> Vec<PersonReport> {
    let mut reports: Vec<PersonReport> = team
        .people
        .iter()
        .map(|_| PersonReport {
            owns: Vec::new(),
            mentors: Vec::new(),
            overloaded: false,
            mentor_overloaded: false,
            isolated: false,
        })
        .collect();
    for (mission, m) in team.missions.iter().enumerate() {
        if !m.is_active() {
            continue;
        }
        if let Some(owner) = index.owner[mission] {
            reports[owner].owns.push(mission);
        }
        if let Some(mentor) = index.mentor[mission] {
            reports[mentor].mentors.push(mission);
        }
    }
    for (person, report) in reports.iter_mut().enumerate() {
        flags(team, index, person, report);
    }
    reports
}

/// The signals of a person whose owned and mentored missions are known.
pub fn flags(team: &Team, index: &Index, person: PersonId, report: &mut PersonReport) {
    let p = &team.people[person];
    report.overloaded = report.load() > p.capacity;
    report.mentor_overloaded = report.mentoring() > p.mentor_capacity;
    report.isolated = isolated(index, person, &report.owns);
}

/// Owns an active mission, turns to nobody, and no active mission of theirs
/// has a mentor: independence, not autonomy.
pub fn isolated(index: &Index, person: PersonId, owns: &[MissionId]) -> bool {
    !owns.is_empty()
        && index.person_turns_to[person].is_empty()
        && owns.iter().all(|&m| index.mentor[m].is_none())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillReport {
    pub skill: SkillId,
    /// People at level ≥ 3, highest first.
    pub holders: Vec<PersonId>,
    /// Active missions that need it.
    pub needed_by: Vec<MissionId>,
    /// Needed by active work and held by at most one person.
    pub single_point: bool,
}

/// Every skill of the team — one someone has (at any level), wants, or a
/// mission needs — sorted by name.
pub fn skills(team: &Team, index: &Index) -> Vec<SkillReport> {
    let mut needed_by = vec![Vec::new(); index.skills.len()];
    let mut present = vec![false; index.skills.len()];
    for (mission, m) in team.missions.iter().enumerate() {
        for &(skill, _) in &index.mission_skills[mission] {
            present[skill] = true;
            if m.is_active() {
                needed_by[skill].push(mission);
            }
        }
    }
    for (skills, wants) in index.person_skills.iter().zip(&index.person_wants) {
        skills.iter().for_each(|&(skill, _)| present[skill] = true);
        wants.iter().for_each(|&skill| present[skill] = true);
    }
    let mut reports: Vec<SkillReport> = needed_by
        .into_iter()
        .enumerate()
        .filter(|(skill, _)| present[*skill])
        .map(|(skill, needed_by)| {
            let holders: Vec<PersonId> = index
                .holders_at(skill, HOLDER_LEVEL)
                .iter()
                .map(|&(p, _)| p)
                .collect();
            SkillReport {
                single_point: single_point(&needed_by, &holders),
                skill,
                holders,
                needed_by,
            }
        })
        .collect();
    reports.sort_by(|a, b| {
        let name = |r: &SkillReport| index.skills.name(r.skill).to_lowercase();
        name(a).cmp(&name(b)).then(a.skill.cmp(&b.skill))
    });
    reports
}

/// A skill active work needs that at most one person holds at level ≥ 3.
pub fn single_point(needed_by: &[MissionId], holders: &[PersonId]) -> bool {
    !needed_by.is_empty() && holders.len() <= 1
}
