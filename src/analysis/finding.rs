//! What stands in the way of a mission, one [`Finding`] per gap or warning,
//! each with its one wording. `check`, the Missions view, the agenda and the
//! hand-over all say a finding through [`Finding::words`], and decide what
//! to do with it by its variant, never by its text.

use super::explain::{person, skill};
use super::{Analysis, MissionId, PersonId, SkillGap, ToolId, gaps};
use crate::model::{Delegation, Team};
use crate::text::clean;

/// A gap or warning of an active mission with an owner (SPEC §3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The goal is empty: nobody can tell when it is done.
    GoalMissing,
    /// The owner lacks a tool the mission needs.
    ToolGap { tool: ToolId },
    /// The owner is below the needed level in a skill; the gap says whether
    /// the mentor covers it and whether it is too wide to pair.
    SkillGap(SkillGap),
    /// The owner owns more active missions than their capacity.
    Overloaded {
        owner: PersonId,
        load: u32,
        capacity: u32,
    },
    /// Delegation (this level) above the suggested level while a skill gap
    /// is uncovered.
    AbandonmentRisk { delegation: u8, suggested: u8 },
    /// Hands-on delegation (this level) for an owner autonomous in every
    /// skill, who is ready for the suggested level: a warning, not a verdict.
    Micromanagement { delegation: u8, suggested: u8 },
}

impl Finding {
    /// Each gap and warning of a mission, worst first, in the order the
    /// analysis reports them: goal, tools, skills, load, delegation.
    pub fn of(team: &Team, a: &Analysis, mission: MissionId) -> Vec<Finding> {
        let report = &a.missions[mission];
        let delegation = team.missions[mission].delegation.unwrap_or(0);
        let suggested = report.suggested_delegation.unwrap_or(Delegation::MAX);
        let mut findings = Vec::new();
        if report.goal_missing {
            findings.push(Finding::GoalMissing);
        }
        findings.extend(
            report
                .tool_gaps
                .iter()
                .map(|&tool| Finding::ToolGap { tool }),
        );
        findings.extend(report.skill_gaps.iter().cloned().map(Finding::SkillGap));
        if let (true, Some(owner)) = (report.overloaded, a.index.owner[mission]) {
            findings.push(Finding::Overloaded {
                owner,
                load: a.people[owner].load(),
                capacity: team.people[owner].capacity,
            });
        }
        if report.abandonment_risk {
            findings.push(Finding::AbandonmentRisk {
                delegation,
                suggested,
            });
        }
        if report.micromanagement {
            findings.push(Finding::Micromanagement {
                delegation,
                suggested,
            });
        }
        findings
    }

    /// The one wording of this finding; names are cleaned of control
    /// characters.
    pub fn words(&self, team: &Team, a: &Analysis) -> String {
        match self {
            Finding::GoalMissing => "no clear goal: write down what done looks like".to_string(),
            Finding::ToolGap { tool } => format!("missing tool: {}", clean(a.tool_name(*tool))),
            Finding::SkillGap(gap) => {
                let tail = match gap.covered_by {
                    Some(mentor) => format!("covered by {}", person(team, mentor)),
                    None if gap.is_wide() => format!(
                        "not covered; a gap of {} is too wide to pair: another owner, or learning first",
                        gap.size()
                    ),
                    None if gaps::uncoverable(&a.index, gap.skill, gap.need) => format!(
                        "not covered; nobody in the team is at level {}+ to pair on it",
                        gaps::cover_level(gap.need)
                    ),
                    None => "not covered".to_string(),
                };
                format!(
                    "skill {}: needs {}, has {} — {tail}",
                    skill(a, gap.skill),
                    gap.need,
                    gap.have
                )
            }
            Finding::Overloaded {
                owner,
                load,
                capacity,
            } => format!(
                "overloaded: {} owns {load} active missions, capacity {capacity}",
                person(team, *owner)
            ),
            Finding::AbandonmentRisk {
                delegation,
                suggested,
            } => format!(
                "abandonment risk: delegation {delegation} {} while a skill gap is uncovered — at most {suggested} {} until it is covered",
                Delegation::name(*delegation),
                Delegation::name(*suggested)
            ),
            Finding::Micromanagement {
                delegation,
                suggested,
            } => format!(
                "micromanagement: delegation {delegation} {} for someone autonomous in every skill — ready for {suggested} {}",
                Delegation::name(*delegation),
                Delegation::name(*suggested)
            ),
        }
    }

    pub fn is_abandonment_risk(&self) -> bool {
        matches!(self, Finding::AbandonmentRisk { .. })
    }

    pub fn is_overloaded(&self) -> bool {
        matches!(self, Finding::Overloaded { .. })
    }

    /// A skill gap the mentor closes by pairing: growth, not a problem.
    pub fn is_covered_gap(&self) -> bool {
        matches!(self, Finding::SkillGap(gap) if gap.is_covered())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    fn words_of(text: &str, mission: &str) -> Vec<(Finding, String)> {
        let team: Team = ron::from_str(text).unwrap();
        let a = analyse(&team);
        let m = team
            .missions
            .iter()
            .position(|m| m.title == mission)
            .unwrap();
        Finding::of(&team, &a, m)
            .into_iter()
            .map(|f| {
                let words = f.words(&team, &a);
                (f, words)
            })
            .collect()
    }

    #[test]
    fn every_kind_of_finding_has_its_wording_in_order() {
        let found = words_of(
            r#"(people: [
                    (name: "A", capacity: 0, skills: {"ml": 1}),
                    (name: "M", skills: {"go": 4, "ml": 4})],
                missions: [(title: "X", tools: ["vault"], skills: {"go": 2, "ml": 2, "k8s": 3, "sql": 1},
                            owner: Some("A"), mentor: Some("M"), delegation: Some(6))])"#,
            "X",
        );
        let words: Vec<&str> = found.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            words,
            [
                "no clear goal: write down what done looks like",
                "missing tool: vault",
                "skill go: needs 2, has 0 — covered by M",
                "skill k8s: needs 3, has 0 — not covered; a gap of 3 is too wide to pair: another owner, or learning first",
                "skill ml: needs 2, has 1 — covered by M",
                "skill sql: needs 1, has 0 — not covered; nobody in the team is at level 3+ to pair on it",
                "overloaded: A owns 1 active missions, capacity 0",
                "abandonment risk: delegation 6 Inquire while a skill gap is uncovered — at most 4 Agree until it is covered",
            ]
        );
        assert!(found[6].0.is_overloaded() && found[7].0.is_abandonment_risk());
        let covered: Vec<bool> = found.iter().map(|(f, _)| f.is_covered_gap()).collect();
        assert_eq!(
            covered,
            [false, false, true, false, true, false, false, false]
        );
    }

    #[test]
    fn a_wide_gap_is_never_covered_and_micromanagement_says_what_they_are_ready_for() {
        let found = words_of(
            r#"(people: [(name: "A", skills: {"go": 3}), (name: "M", skills: {"ml": 4})], missions: [
                (title: "Wide", goal: "g", skills: {"ml": 3}, owner: Some("A"), mentor: Some("M")),
                (title: "Tight", goal: "g", skills: {"go": 3}, owner: Some("A"), delegation: Some(1))])"#,
            "Wide",
        );
        // M is at 4 in ml, yet a gap of 3 is too far for pairing.
        assert_eq!(
            found[0].1,
            "skill ml: needs 3, has 0 — not covered; a gap of 3 is too wide to pair: another owner, or learning first"
        );
        assert!(!found[0].0.is_covered_gap());
        let found = words_of(
            r#"(people: [(name: "A", skills: {"go": 3})], missions: [
                (title: "Tight", goal: "g", skills: {"go": 3}, owner: Some("A"), delegation: Some(1))])"#,
            "Tight",
        );
        assert_eq!(
            found,
            [(
                Finding::Micromanagement {
                    delegation: 1,
                    suggested: 6
                },
                "micromanagement: delegation 1 Tell for someone autonomous in every skill — ready for 6 Inquire"
                    .to_string()
            )]
        );
    }
}
