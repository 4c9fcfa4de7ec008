//! The analysis in words: names, suggestions and delegation, shared by
//! `check`, the agenda and the app so they always say the same thing.
//! Findings and person signals are worded by their own types
//! ([`super::Finding`], [`super::PersonSignal`]). Names are cleaned of
//! control characters.

use super::{Analysis, SkillReport, Suggestions};
use crate::model::{Delegation, Mission, Team};
use crate::text::clean;

/// A person's name, safe to show.
pub fn person(team: &Team, id: usize) -> String {
    clean(&team.people[id].name).into_owned()
}

/// A skill's name, safe to show.
pub fn skill(a: &Analysis, id: usize) -> String {
    clean(a.skill_name(id)).into_owned()
}

/// Who holds a skill at level 3+ and how much active work needs it: "only
/// Chen Wei is at level 3+; needed by 2 active missions". Shared by `check`
/// and the Matrix view.
pub fn holders(team: &Team, report: &SkillReport) -> String {
    let holders = match report.holders.as_slice() {
        [] => "nobody is at level 3+".to_string(),
        [one] => format!("only {} is at level 3+", person(team, *one)),
        many => format!("{} people are at level 3+", many.len()),
    };
    let n = report.needed_by.len();
    format!(
        "{holders}; needed by {n} active mission{}",
        crate::text::plural(n)
    )
}

/// What someone would lack for a mission: "design 2 of 3, no figma", or
/// that they have everything it needs.
pub fn lacks(a: &Analysis, skill_gaps: &[super::SkillGap], tool_gaps: &[super::ToolId]) -> String {
    let mut lacks: Vec<String> = skill_gaps
        .iter()
        .map(|g| format!("{} {} of {}", skill(a, g.skill), g.have, g.need))
        .collect();
    lacks.extend(
        tool_gaps
            .iter()
            .map(|&t| format!("no {}", clean(a.tool_name(t)))),
    );
    if lacks.is_empty() {
        "has every skill and tool it needs".to_string()
    } else {
        lacks.join(", ")
    }
}

/// Each suggested mentor: who, and the gaps they would cover.
pub fn mentor_suggestions(team: &Team, a: &Analysis, suggestions: &Suggestions) -> Vec<String> {
    suggestions
        .mentors
        .iter()
        .map(|s| {
            let skills: Vec<String> = s.covers.iter().map(|&k| skill(a, k)).collect();
            format!("{} — covers {}", person(team, s.person), skills.join(", "))
        })
        .collect()
}

/// Each suggested owner: who, what they would have to learn or get, and
/// whether it is a stretch or something they want.
pub fn owner_suggestions(team: &Team, a: &Analysis, suggestions: &Suggestions) -> Vec<String> {
    suggestions
        .owners
        .iter()
        .map(|s| {
            let lacks = lacks(a, &s.skill_gaps, &s.tool_gaps);
            let mut line = format!("{} — cost {}: {lacks}", person(team, s.person), s.cost);
            if let Some(mentor) = s.stretch_with {
                line.push_str(&format!(
                    " · stretch, with {} as mentor",
                    person(team, mentor)
                ));
            }
            if !s.wants.is_empty() {
                let wants: Vec<String> = s.wants.iter().map(|&k| skill(a, k)).collect();
                line.push_str(&format!(" · wants to grow in {}", wants.join(", ")));
            }
            line
        })
        .collect()
}

/// How many holders of a tool an option names.
pub const TOOL_HOLDERS_SHOWN: usize = 3;

/// Who holds a tool, the first few of them: for an option that asks for it.
pub fn tool_holders(a: &Analysis, tool: usize) -> &[usize] {
    let holders = &a.index.tool_holders[tool];
    &holders[..holders.len().min(TOOL_HOLDERS_SHOWN)]
}

/// One option in words: "hand it to Dana Kowalski; pair with Chen Wei →
/// stretch", saying when the delegation should then come down.
pub fn option(team: &Team, a: &Analysis, mission: usize, option: &super::MissionOption) -> String {
    use super::Change;
    let changes: Vec<String> = option
        .changes
        .iter()
        .map(|change| match change {
            Change::Goal => "write the goal down".to_string(),
            Change::Tool { tool, to } => {
                let holders: Vec<String> = tool_holders(a, *tool)
                    .iter()
                    .map(|&p| person(team, p))
                    .collect();
                let more = a.index.tool_holders[*tool].len() - holders.len();
                let held = match (holders.is_empty(), more) {
                    (true, _) => "nobody has it yet".to_string(),
                    (false, 0) => format!("{} has it", holders.join(", ")),
                    (false, more) => format!("{} and {more} more have it", holders.join(", ")),
                };
                format!(
                    "get {} for {} ({held})",
                    clean(a.tool_name(*tool)),
                    person(team, *to)
                )
            }
            Change::Mentor { person: p } => match a.index.mentor[mission] {
                Some(now) => format!(
                    "pair with {} instead of {}",
                    person(team, *p),
                    person(team, now)
                ),
                None => format!("pair with {}", person(team, *p)),
            },
            Change::Owner { person: p } => format!("hand it to {}", person(team, *p)),
        })
        .collect();
    let mut text = format!("{} → {}", changes.join("; "), option.verdict_after.label());
    if option.delegation_above_suggestion {
        let s = option.suggested_delegation;
        text.push_str(&format!(
            ", with delegation at most {s} {}",
            Delegation::name(s)
        ));
    }
    text
}

/// The delegation level and how it grew: "5 Advise (Agree → Advise since
/// 2026-10-02)". History entries are the earlier levels, each with the day
/// it gave way to the next.
pub fn delegation(mission: &Mission, level: u8) -> String {
    let mut text = format!("{level} {}", Delegation::name(level));
    if let Some(last) = mission.delegation_history.last() {
        text.push_str(&format!(
            " ({} → {} since {})",
            Delegation::name(last.level),
            Delegation::name(level),
            last.date
        ));
    }
    text
}

/// The whole way a mission's delegation level went, when it changed:
/// "Agree → Advise on 2026-09-15 → Inquire on 2026-10-20".
pub fn delegation_history(mission: &Mission) -> Option<String> {
    let history = &mission.delegation_history;
    let first = history.first()?;
    let mut text = Delegation::name(first.level).to_string();
    for (i, change) in history.iter().enumerate() {
        let next = history
            .get(i + 1)
            .map(|h| h.level)
            .or(mission.delegation)
            .map_or("no level", Delegation::name);
        text.push_str(&format!(" → {next} on {}", change.date));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    #[test]
    fn holders_says_who_holds_a_skill_and_what_needs_it() {
        let team: Team = ron::from_str(
            r#"(people: [(name: "A", skills: {"go": 3, "ml": 4}), (name: "B", skills: {"go": 4})],
                missions: [(title: "M", goal: "g", skills: {"ml": 1, "sql": 1}, owner: Some("A")),
                           (title: "N", goal: "g", skills: {"sql": 1}, owner: Some("B"))])"#,
        )
        .unwrap();
        let a = analyse(&team);
        let words: Vec<(String, String)> = a
            .skills
            .iter()
            .map(|r| (skill(&a, r.skill), holders(&team, r)))
            .collect();
        let expected = [
            (
                "go",
                "2 people are at level 3+; needed by 0 active missions",
            ),
            ("ml", "only A is at level 3+; needed by 1 active mission"),
            ("sql", "nobody is at level 3+; needed by 2 active missions"),
        ];
        assert_eq!(words, expected.map(|(s, w)| (s.to_string(), w.to_string())));
    }
}
