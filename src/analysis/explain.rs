//! The analysis in words: one line per gap, warning and suggestion, shared
//! by `check`, the agenda and the app so they always say the same thing.
//! Names are cleaned of control characters.

use super::{Analysis, Suggestions};
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

/// Each gap and warning of a mission, one line each, worst first; then the
/// suggestions. Shared with the agenda's wording.
pub fn findings(team: &Team, a: &Analysis, mission: usize) -> Vec<String> {
    let report = &a.missions[mission];
    let mut lines = Vec::new();
    if report.goal_missing {
        lines.push("no clear goal: write down what done looks like".to_string());
    }
    for &tool in &report.tool_gaps {
        lines.push(format!("missing tool: {}", clean(a.tool_name(tool))));
    }
    for gap in &report.skill_gaps {
        let skill = skill(a, gap.skill);
        let head = format!("skill {skill}: needs {}, has {}", gap.need, gap.have);
        let tail = match (gap.covered_by, gap.is_wide()) {
            (Some(mentor), false) => format!("covered by {}", person(team, mentor)),
            (Some(mentor), true) => format!(
                "gap of {} is too wide to pair, even with {}",
                gap.size(),
                person(team, mentor)
            ),
            (None, true) => format!("not covered; a gap of {} is too wide to pair", gap.size()),
            (None, false) => "not covered".to_string(),
        };
        lines.push(format!("{head} — {tail}"));
    }
    if let (true, Some(owner)) = (report.overloaded, a.index.owner[mission]) {
        lines.push(format!(
            "overloaded: {} owns {} active missions, capacity {}",
            person(team, owner),
            a.people[owner].load(),
            team.people[owner].capacity
        ));
    }
    if report.abandonment_risk {
        lines.push(
            "abandonment risk: hands-off delegation while a skill gap is uncovered".to_string(),
        );
    }
    if report.micromanagement {
        lines.push(
            "micromanagement: hands-on delegation for someone autonomous in every skill"
                .to_string(),
        );
    }
    lines
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
