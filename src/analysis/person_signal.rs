//! What stands out about a person (SPEC §3 "Team signals"), one
//! [`PersonSignal`] each with its one wording, so `check`, the People view
//! and the agenda cannot say it differently.

use super::explain::skill;
use super::{Analysis, PersonId, SkillId};
use crate::model::Team;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonSignal {
    /// Owns more active missions than their capacity.
    Overloaded { load: u32, capacity: u32 },
    /// Mentors more active missions than their mentor capacity.
    MentorOverloaded { mentoring: u32, capacity: u32 },
    /// Owns active work, turns to nobody, and has no mentor on any of it.
    Isolated,
    /// The only one at level 3+ in a skill active work needs.
    OnlyHolder { skill: SkillId },
}

impl PersonSignal {
    /// Every signal of a person: load first, then isolation, then the
    /// skills only they hold, by skill name.
    pub fn of(team: &Team, a: &Analysis, who: PersonId) -> Vec<PersonSignal> {
        let report = &a.people[who];
        let p = &team.people[who];
        let mut signals = Vec::new();
        if report.overloaded {
            signals.push(PersonSignal::Overloaded {
                load: report.load(),
                capacity: p.capacity,
            });
        }
        if report.mentor_overloaded {
            signals.push(PersonSignal::MentorOverloaded {
                mentoring: report.mentoring(),
                capacity: p.mentor_capacity,
            });
        }
        if report.isolated {
            signals.push(PersonSignal::Isolated);
        }
        signals.extend(
            a.skills
                .iter()
                .filter(|s| s.single_point && s.holders == [who])
                .map(|s| PersonSignal::OnlyHolder { skill: s.skill }),
        );
        signals
    }

    /// The one wording of this signal.
    pub fn words(&self, a: &Analysis) -> String {
        match self {
            PersonSignal::Overloaded { .. } => "overloaded: owns more than their capacity".into(),
            PersonSignal::MentorOverloaded { .. } => "mentors more than they can".into(),
            PersonSignal::Isolated => "isolated: turns to nobody and has no mentor".into(),
            PersonSignal::OnlyHolder { skill: s } => {
                format!("the only one at level 3+ in {}", skill(a, *s))
            }
        }
    }

    /// A single point of knowledge: about a skill more than about the person.
    pub fn is_single_point(&self) -> bool {
        matches!(self, PersonSignal::OnlyHolder { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    #[test]
    fn every_signal_has_its_wording_in_order() {
        let team: Team = ron::from_str(
            r#"(people: [(name: "A", capacity: 1, mentor_capacity: 0, skills: {"go": 4}),
                         (name: "B")],
                missions: [
                    (title: "One", goal: "g", skills: {"go": 3}, owner: Some("A")),
                    (title: "Two", goal: "g", owner: Some("A")),
                    (title: "Three", goal: "g", owner: Some("B"), mentor: Some("A"))])"#,
        )
        .unwrap();
        let a = analyse(&team);
        let signals = PersonSignal::of(&team, &a, 0);
        assert_eq!(
            signals,
            [
                PersonSignal::Overloaded {
                    load: 2,
                    capacity: 1
                },
                PersonSignal::MentorOverloaded {
                    mentoring: 1,
                    capacity: 0
                },
                PersonSignal::Isolated,
                PersonSignal::OnlyHolder { skill: 0 },
            ]
        );
        let words: Vec<String> = signals.iter().map(|s| s.words(&a)).collect();
        assert_eq!(
            words,
            [
                "overloaded: owns more than their capacity",
                "mentors more than they can",
                "isolated: turns to nobody and has no mentor",
                "the only one at level 3+ in go",
            ]
        );
        assert!(PersonSignal::of(&team, &a, 1).is_empty());
    }
}
