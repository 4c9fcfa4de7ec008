//! The owner and mentor pickers: everyone, ranked as SPEC §3 ranks
//! suggestions, each with what they would lack or cover. Typing filters.

use super::list::{ListState, filter_rows};
use crate::analysis::explain::{person, skill};
use crate::analysis::suggest::{rank_all_mentors, rank_all_owners};
use crate::analysis::{Analysis, PersonId, gaps};
use crate::model::Team;

/// How many of the best-ranked owners get their stretch mentor worked out.
const STRETCH_CHECKED: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKind {
    Owner,
    Mentor,
}

#[derive(Debug)]
pub struct Candidate {
    /// None clears the owner or mentor.
    pub person: Option<PersonId>,
    pub name: String,
    pub detail: String,
    /// Has room to take it on.
    pub available: bool,
}

#[derive(Debug)]
pub struct Picker {
    pub kind: PickerKind,
    pub mission: usize,
    pub candidates: Vec<Candidate>,
    pub list: ListState,
}

impl Picker {
    pub fn owner(team: &Team, a: &Analysis, mission: usize) -> Self {
        let mut candidates: Vec<Candidate> = rank_all_owners(team, &a.index, mission)
            .into_iter()
            .enumerate()
            .map(|(rank, (p, cost, spare))| {
                let mut notes = Vec::new();
                let skill_gaps = gaps::skill_gaps(&a.index, mission, p, a.index.mentor[mission]);
                let tool_gaps = gaps::tool_gaps(&a.index, mission, p);
                if skill_gaps.is_empty() && tool_gaps.is_empty() {
                    notes.push("has everything it needs".to_string());
                }
                for g in &skill_gaps {
                    let covered = if g.is_covered() {
                        ", mentor covers"
                    } else {
                        ""
                    };
                    notes.push(format!(
                        "{} {} of {}{covered}",
                        skill(a, g.skill),
                        g.have,
                        g.need
                    ));
                }
                for &t in &tool_gaps {
                    notes.push(format!("no {}", crate::text::clean(a.tool_name(t))));
                }
                // Whether it would be a stretch, and for whom: worth working
                // out for the candidates near the top only.
                if rank < STRETCH_CHECKED {
                    let candidate = a.as_owner(team, mission, p);
                    if let Some(mentor) = candidate.stretch_with.filter(|_| !skill_gaps.is_empty())
                    {
                        notes.push(format!("stretch with {}", person(team, mentor)));
                    }
                    if !candidate.wants.is_empty() {
                        let wants: Vec<String> =
                            candidate.wants.iter().map(|&s| skill(a, s)).collect();
                        notes.push(format!("wants {}", wants.join(", ")));
                    }
                }
                let load = format!("owns {} of {}", a.people[p].load(), team.people[p].capacity);
                Candidate {
                    person: Some(p),
                    name: person(team, p),
                    detail: format!("cost {cost} · {} · {load}", notes.join(", ")),
                    available: spare > 0,
                }
            })
            .collect();
        candidates.push(nobody("no owner"));
        Picker::new(PickerKind::Owner, mission, candidates)
    }

    pub fn mentor(team: &Team, a: &Analysis, mission: usize) -> Self {
        let turns_to: &[PersonId] =
            a.index.owner[mission].map_or(&[], |o| &a.index.person_turns_to[o]);
        let mut candidates: Vec<Candidate> = rank_all_mentors(team, &a.index, mission)
            .into_iter()
            .map(|c| {
                let covers = if c.covers.is_empty() {
                    "covers no gap".to_string()
                } else {
                    let skills: Vec<String> = c
                        .covers
                        .iter()
                        .map(|&s| format!("{} {}", skill(a, s), a.index.level(c.person, s)))
                        .collect();
                    format!("covers {}", skills.join(", "))
                };
                let mut detail = format!(
                    "{covers} · mentors {} of {}",
                    a.people[c.person].mentoring(),
                    team.people[c.person].mentor_capacity
                );
                if turns_to.contains(&c.person) {
                    detail.push_str(" · the owner turns to them");
                }
                Candidate {
                    person: Some(c.person),
                    name: person(team, c.person),
                    detail,
                    available: c.available,
                }
            })
            .collect();
        candidates.push(nobody("no mentor"));
        Picker::new(PickerKind::Mentor, mission, candidates)
    }

    fn new(kind: PickerKind, mission: usize, candidates: Vec<Candidate>) -> Self {
        let mut picker = Picker {
            kind,
            mission,
            candidates,
            list: ListState::default(),
        };
        picker.refilter();
        picker
    }

    /// Re-applies the typed filter to the candidates.
    pub fn refilter(&mut self) {
        let rows = filter_rows(
            self.list.query(),
            self.candidates.iter().map(|c| c.name.as_str()).enumerate(),
        );
        self.list.set_rows(rows);
        self.list.select_first();
    }

    pub fn chosen(&self) -> Option<&Candidate> {
        self.list.selected_item().map(|i| &self.candidates[i])
    }
}

fn nobody(label: &str) -> Candidate {
    Candidate {
        person: None,
        name: format!("({label})"),
        detail: "clear it".to_string(),
        available: true,
    }
}
